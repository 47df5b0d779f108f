import { describe, expect, test } from 'vitest';
import { generateTopics, paraphraseQuestion } from '../../bench/synthetic-topics.ts';
import { KnowledgeBase, loadKnowledge } from '../../src/knowledge/index.ts';
import { seededRandom } from '../../src/quiz/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';
import { DEVELOPMENT_ADDITIONS, DEVELOPMENT_SET } from '../eval/evaluation-set.ts';

const knowledge = await loadKnowledge();
const development = [DEVELOPMENT_SET, DEVELOPMENT_ADDITIONS].flatMap((set) => [...set.onTopic.map((c) => c.q), ...set.offTopic, ...set.uncovered]);

/**
 * `answer()` stops retrieval early (MaxScore bounds); `rank()` ranks every candidate. What `answer()` shows
 * must be what the full ranking gives: its first topic and confidence, and the near misses it offers.
 */
function expectBoundedToMatchFull(engine: AnswerEngine, questions: readonly string[]): void {
  for (const question of questions) {
    const answer = engine.answer(question);
    const ranked = engine.rank(question);
    const best = ranked[0];
    const answered = best !== undefined && best.confidence >= 0.5;
    expect({ question, answered, topic: answered ? best.topic.id : null }).toEqual({ question, answered: answer.answered, topic: answer.topic?.id ?? null });
    if (answer.abstention === 'empty') continue;
    expect(answer.confidence, question).toBeCloseTo(Math.round((best?.confidence ?? 0) * 1000) / 1000, 9);
    if (!answered) {
      const nearMisses = ranked.filter((r) => r.confidence >= 0.1).slice(0, 3).map((r) => r.topic.id);
      expect(answer.suggestions.map((s) => s.id), question).toEqual(nearMisses);
    }
  }
}

describe('bounded retrieval changes no answer', () => {
  test('GIVEN the development questions on the shipped knowledge THEN answer() agrees with the full ranking', () => {
    expectBoundedToMatchFull(new AnswerEngine(knowledge), development);
  });

  test('GIVEN 500 synthetic topics and questions paraphrased from them THEN answer() agrees with the full ranking', () => {
    const topics = generateTopics(500, knowledge.topics);
    const random = seededRandom(7);
    const questions = Array.from({ length: 150 }, () => paraphraseQuestion(topics[Math.floor(random() * topics.length)]!, random));
    expectBoundedToMatchFull(new AnswerEngine(new KnowledgeBase(topics)), [...questions, ...development.slice(0, 150)]);
  }, 120_000);

  test('GIVEN a short Docker question whose rarer word only a low-scoring topic explains THEN answer() offers the near misses the gates put first', () => {
    // The short-question gate puts the one synthetic topic that explains "profiles" before every other: the
    // bounds must look for it among the skipped topics, as for a decisive term.
    const engine = new AnswerEngine(new KnowledgeBase(generateTopics(500, knowledge.topics)));
    const question = 'compose profiles, how do i start only some services';
    expect(engine.rank(question)[0]?.unexplained).toEqual([]);
    expectBoundedToMatchFull(engine, [question]);
  }, 120_000);
});
