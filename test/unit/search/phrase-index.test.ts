import { describe, expect, test } from 'vitest';
import { adjacentPairs } from '../../../src/search/phrase-index.ts';

describe('adjacentPairs', () => {
  test('GIVEN terms in order THEN each neighbouring pair is a key, in order', () => {
    expect(adjacentPairs(['build', 'cach', 'invalid'])).toEqual(['build cach', 'cach invalid']);
  });

  test('GIVEN a repeated term or fewer than two terms THEN no pair is made of it', () => {
    expect(adjacentPairs(['run', 'run'])).toEqual([]);
    expect(adjacentPairs(['imag'])).toEqual([]);
  });
});
