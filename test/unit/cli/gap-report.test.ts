import { describe, expect, test } from 'vitest';
import { formatGapReport, isJunkQuestion, summariseGaps } from '../../../src/cli/gap-report.ts';
import type { GapRecord } from '../../../src/store/index.ts';

const gap = (question: string, asker: string, day: number, extra: Partial<GapRecord> = {}): GapRecord => ({
  question,
  confidence: 0.2,
  answered: false,
  askedAt: new Date(Date.UTC(2026, 10, day)),
  askerDigest: asker,
  downVotes: 0,
  ...extra,
});

const gaps = [
  gap('how do I shrink my image', 'a', 1),
  gap('best pizza toppings', 'a', 2),
  gap('How do I shrink my image?', 'b', 3),
  gap('shrink image size', 'c', 4, { answered: true, topicId: 'image-size', confidence: 0.6 }),
  gap('best pizza toppings', 'a', 5),
  gap('what is a volume', 'd', 6, { answered: true, topicId: 'volumes', confidence: 0.9, downVotes: 2 }),
];

describe('summariseGaps', () => {
  test('GIVEN similar wordings THEN they form one group, ranked by distinct askers', () => {
    const [first, second, third] = summariseGaps(gaps);
    expect(first).toMatchObject({ asks: 3, askers: 3, abstained: 2, offered: [{ topicId: 'image-size', count: 1 }] });
    expect(first?.questions.map((q) => q.text)).toEqual(['how do I shrink my image', 'How do I shrink my image?', 'shrink image size']);
    // Between groups with one asker each, more asks rank first.
    expect(second).toMatchObject({ askers: 1, asks: 2, questions: [{ text: 'best pizza toppings', count: 2 }] });
    expect(third).toMatchObject({ askers: 1, asks: 1, downVotes: 2 });
  });
});

describe('formatGapReport', () => {
  test('GIVEN groups THEN each shows its counts, wordings and the topic offered by title', () => {
    const report = formatGapReport(summariseGaps(gaps), (id) => ({ 'image-size': 'Image size', volumes: 'Volumes' })[id]);
    expect(report).toContain('6 questions in 3 groups, most asked first.');
    expect(report).toContain('1. asked 3 times by 3 people · last 2026-11-04 · abstained 2 times');
    expect(report).toContain('   "best pizza toppings" ×2');
    expect(report).toContain('   offered: Image size (1)');
    expect(report).toContain('3. asked once by 1 person · last 2026-11-06 · 2 👎');
  });

  test('GIVEN no gaps THEN it says so in a sentence', () => {
    expect(formatGapReport([], () => undefined)).toMatch(/^No knowledge gaps recorded yet/);
  });
});

describe('gaps that say what to write next (issue 10 §1)', () => {
  test('GIVEN junk (empty once cleaned, a bare number, a single character) THEN it is left out', () => {
    for (const junk of ['   ', '42', '?', '👍', '\u200b']) expect(isJunkQuestion(junk)).toBe(true);
    for (const question of ['cp?', 'what is 42', 'ok']) expect(isJunkQuestion(question)).toBe(false);
    expect(summariseGaps([gap('42', 'a', 1), gap('?', 'b', 1), gap('docker scout?', 'c', 1)]).map((s) => s.questions[0]?.text)).toEqual(['docker scout?']);
  });

  test('GIVEN Docker questions with no topic yet and answers that explain little of the question THEN each is labelled', () => {
    const report = formatGapReport(
      summariseGaps([
        gap('how do i use docker checkpoint', 'a', 1, { abstention: 'not-yet' }),
        gap('docker cp then email the file to my boss', 'b', 2, { answered: true, topicId: 'docker-cp', confidence: 0.9, explainedShare: 0.3 }),
        gap('docker cp a folder', 'c', 3, { answered: true, topicId: 'docker-cp', confidence: 0.6, explainedShare: 0.9 }),
      ]),
      () => 'Copying files with docker cp',
    );
    expect(report).toContain('abstained once · no topic yet (a Docker question) once');
    expect(report).toMatch(/answered explaining under half of it once/);
    expect(report.match(/explaining under half/g)).toHaveLength(1);
  });
});
