import { describe, expect, test } from 'vitest';
import { PairTopics } from '../../../src/search/pair-topics.ts';

const BASE = 2 ** 24;
const build = (uses: Array<[number, number, number]>, termCount = 10, topicCount = 5) =>
  PairTopics.from(
    Int32Array.from(uses.map(([first]) => first)),
    Int32Array.from(uses.map(([, second]) => second)),
    Int32Array.from(uses.map(([, , topic]) => topic)),
    termCount,
    topicCount,
    BASE,
  );

describe('PairTopics', () => {
  test('GIVEN pairs used by one topic or several, repeatedly and in any order THEN each pair gives its topics once, ascending', () => {
    const pairs = build([
      [3, 4, 2],
      [1, 2, 0],
      [3, 4, 0],
      [3, 4, 2],
      [1, 2, 0],
      [4, 3, 1],
      [9, 0, 4],
    ]);
    expect(pairs.size).toBe(4);
    expect(pairs.get(1 * BASE + 2)).toBe(0);
    expect(pairs.get(3 * BASE + 4)).toEqual([0, 2]);
    expect(pairs.get(4 * BASE + 3)).toBe(1);
    expect(pairs.get(9 * BASE + 0)).toBe(4);
  });

  test('GIVEN a pair nobody used, or the same terms the other way round THEN there is no topic', () => {
    const pairs = build([[1, 2, 0]]);
    expect(pairs.get(2 * BASE + 1)).toBeUndefined();
    expect(pairs.get(0)).toBeUndefined();
    expect(build([]).get(1 * BASE + 2)).toBeUndefined();
  });

  test('GIVEN pairs used repeatedly by some topics THEN each topic counts its distinct pairs once', () => {
    const pairs = build([
      [3, 4, 2],
      [1, 2, 0],
      [3, 4, 0],
      [3, 4, 2],
      [1, 2, 0],
      [4, 3, 2],
    ]);
    expect([...pairs.topicCounts(5)]).toEqual([2, 0, 2, 0, 0]);
  });
});
