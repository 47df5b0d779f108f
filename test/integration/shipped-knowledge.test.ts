import { describe, expect, test } from 'vitest';
import { checkKnowledgeDir, TOPIC_LIMITS } from '../../src/knowledge/index.ts';

const { topics, problems } = await checkKnowledgeDir();

describe('the knowledge base as shipped', () => {
  test('GIVEN every file in knowledge/ THEN none has a problem', () => {
    expect(problems).toEqual([]);
  });

  test('GIVEN the topic list THEN it covers at least 45 topics', () => {
    expect(topics.length).toBeGreaterThanOrEqual(45);
  });

  test.each(topics.map((t) => [t.id, t] as const))('GIVEN %s THEN it has the questions, cards and quizzes learners need', (_id, topic) => {
    expect(topic.questions.length).toBeGreaterThanOrEqual(TOPIC_LIMITS.minQuestions);
    expect(topic.cards.length).toBeGreaterThanOrEqual(4);
    expect(topic.mcq.length).toBeGreaterThanOrEqual(2);
    expect(topic.related.length).toBeGreaterThan(0);
  });

  test('GIVEN the seed notes\' known mistakes THEN no topic repeats them', () => {
    for (const topic of topics) {
      const text = [topic.body, topic.summary, ...topic.cards.flatMap((c) => [c.front, c.back])].join('\n');
      expect(text, topic.id).not.toMatch(/kernal/i);
      expect(text, topic.id).not.toMatch(/\b(?:is|are) (?:a |an )?(?:stripped[- ]down )?micro-?vms?\b/i);
      expect(text, topic.id).not.toMatch(/\bimage is a single (?:binary )?file\b/i);
    }
  });
});
