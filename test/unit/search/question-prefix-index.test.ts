import { describe, expect, test } from 'vitest';
import { MAX_QUESTIONS_READ, QuestionPrefixIndex, wordsOf } from '../../../src/search/question-prefix-index.ts';

const QUESTIONS = ['Why is my second build so fast?', 'What is a volume?', 'How do I mount a folder?', 'What is an image?', 'Why is my image so big?', 'Image vs container?'];
const bruteForce = (questions: readonly string[], typed: string) => {
  const words = wordsOf(typed);
  return questions.flatMap((q, i) => (words.every((w) => wordsOf(q).some((qw) => qw.startsWith(w))) ? [i] : []));
};

describe('QuestionPrefixIndex', () => {
  test.each(['why is my sec', 'what is', 'im', 'IMAGE vs', 'a', 'zzz', 'so'])('GIVEN %j typed THEN the questions whose words it starts, in order, as a comparison with every question finds', (typed) => {
    expect(new QuestionPrefixIndex(QUESTIONS).matching(wordsOf(typed), 25)).toEqual(bruteForce(QUESTIONS, typed));
  });

  test('GIVEN more matches than asked for THEN the first ones', () => {
    expect(new QuestionPrefixIndex(QUESTIONS).matching(['is'], 2)).toEqual([0, 1]);
  });

  test('GIVEN 100,000 questions and a word that starts most of their words THEN the first matches still come back, reading a bounded number', () => {
    const questions = Array.from({ length: 100_000 }, (_, i) => `a question about area ${i} and apples`);
    const index = new QuestionPrefixIndex(questions);
    expect(index.matching(['a'], 25)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    // The rarest typed word decides what is read: "99999" is one word of one question.
    expect(index.matching(['a', '99999'], 25)).toEqual([99_999]);
    // Every word common, and no match among the first questions read: nothing, rather than a read of all of them.
    expect(index.matching(['a', 'q', 'ap'], 25)).toHaveLength(25);
    expect(index.matching(['a', 'q', 'x'], 25)).toEqual([]);
    expect(MAX_QUESTIONS_READ).toBeLessThan(questions.length);
    expect(index.matching(['area', '12345'], 25)).toEqual([12_345]);
  });
});
