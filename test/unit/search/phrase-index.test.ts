import { describe, expect, test } from 'vitest';
import { adjacentPairs } from '../../../src/search/phrase-index.ts';

const termIds = new Map([
  ['build', 0],
  ['cach', 1],
  ['invalid', 2],
]);

describe('adjacentPairs', () => {
  test('GIVEN known terms in order THEN each neighbouring pair is one number, in order, and order matters', () => {
    const pairs = adjacentPairs(['build', 'cach', 'invalid'], termIds);
    expect(pairs).toHaveLength(2);
    expect(new Set(pairs).size).toBe(2);
    expect(adjacentPairs(['cach', 'build'], termIds)).not.toEqual(adjacentPairs(['build', 'cach'], termIds));
  });

  test('GIVEN a repeated term, an unknown term or a single term THEN no pair is made of it', () => {
    expect(adjacentPairs(['build', 'build'], termIds)).toEqual([]);
    expect(adjacentPairs(['build', 'pizza', 'cach'], termIds)).toEqual([]);
    expect(adjacentPairs(['build'], termIds)).toEqual([]);
  });
});
