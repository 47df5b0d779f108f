import { describe, expect, test } from 'vitest';
import { chooseDailyQuestion } from '../../../src/daily/choose-daily-question.ts';
import type { Topic } from '../../../src/knowledge/index.ts';
import type { DeckQuestion } from '../../../src/quiz/index.ts';
import type { DailyQuestionHistory } from '../../../src/store/index.ts';

function questionsOf(topicId: string, count: number): DeckQuestion[] {
  const topic = { id: topicId } as Topic;
  return Array.from({ length: count }, (_, i) => ({
    id: `${topicId}/q${i + 1}`,
    topic,
    question: '?',
    answer: 'a',
    distractors: ['b', 'c', 'd'],
    explanation: 'e',
  }));
}

const questions = [...questionsOf('images', 3), ...questionsOf('volumes', 3), ...questionsOf('networks', 3)];
const posted = (questionId: string, answers = 0, correct = 0): DailyQuestionHistory => ({ questionId, postKey: 'd', answers, correct });

/** Posts day after day from an empty history, as a channel would. */
function run(days: number, topics: string[] = [], answered?: (q: string) => [number, number]): string[] {
  const history: DailyQuestionHistory[] = [];
  for (let day = 0; day < days; day++) {
    const choice = chooseDailyQuestion({ questions, topics, history, seed: `discord:c1:day-${day}` })!;
    const [answers, correct] = answered?.(choice.question.id) ?? [0, 0];
    history.push(posted(choice.question.id, answers, correct));
  }
  return history.map((h) => h.questionId);
}

describe('chooseDailyQuestion', () => {
  test('GIVEN the same channel, date and history THEN the same question and option order', () => {
    const input = { questions, topics: [], history: [posted('images/q1')], seed: 'discord:c1:2026-03-01' };
    const first = chooseDailyQuestion(input)!;
    expect(chooseDailyQuestion(input)).toEqual(first);
    expect([...first.optionOrder].sort()).toEqual([0, 1, 2, 3]);
  });

  test('GIVEN nine questions THEN nine days post each once, and the tenth starts a new round', () => {
    const ids = run(18);
    expect(new Set(ids.slice(0, 9)).size).toBe(9);
    expect(new Set(ids.slice(9, 18)).size).toBe(9);
  });

  test('GIVEN a topic filter THEN only those topics are drawn, each question once per round', () => {
    const ids = run(6, ['volumes']);
    expect(ids.every((id) => id.startsWith('volumes/'))).toBe(true);
    expect(new Set(ids.slice(0, 3)).size).toBe(3);
    expect(chooseDailyQuestion({ questions, topics: ['nope'], history: [], seed: 's' })).toBeUndefined();
  });

  test('GIVEN a channel that answers networks badly THEN networks questions come earlier in a round, over many channels', () => {
    const weakness = (id: string): [number, number] => (id.startsWith('networks/') ? [10, 1] : [10, 9]);
    let networksFirst = 0;
    for (let channel = 0; channel < 200; channel++) {
      const history = [posted('networks/q1', 10, 1), posted('images/q1', 10, 9), posted('volumes/q1', 10, 9)];
      const choice = chooseDailyQuestion({ questions, topics: [], history, seed: `discord:c${channel}:2026-03-04` })!;
      if (choice.question.topic.id === 'networks') networksFirst++;
    }
    // Weights 1 − 2/12 = 0.83 against 1 − 10/12 = 0.17 twice: networks about 71% of the time, against 33% with no preference.
    expect(networksFirst).toBeGreaterThan(120);
    expect(networksFirst).toBeLessThan(170);
    expect(new Set(run(9, [], weakness)).size).toBe(9);
  });

  test('GIVEN a history with questions no longer in the knowledge THEN they are ignored', () => {
    const ids = questions.map((q) => q.id).filter((id) => id !== 'images/q2');
    const history = [...ids.map((id) => posted(id)), posted('gone/q1')];
    expect(chooseDailyQuestion({ questions, topics: [], history, seed: 's' })?.question.id).toBe('images/q2');
  });
});
