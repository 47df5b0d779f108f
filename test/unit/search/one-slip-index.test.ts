import { describe, expect, test } from 'vitest';
import { editDistance } from '../../../src/search/edit-distance.ts';
import { OneSlipIndex } from '../../../src/search/one-slip-index.ts';

const WORDS = ['volume', 'volumes', 'registry', 'registries', 'container', 'image', 'images', 'layer', 'latest', 'test', 'mount', 'mounts', 'stop', 'kill', 'docker', 'dockerfile'];

describe('OneSlipIndex', () => {
  test('GIVEN a swap, an insert, a delete or a substitution, first letter and last included THEN the word it slipped from', () => {
    const index = new OneSlipIndex(WORDS);
    expect(index.within('volumse').sort()).toEqual(['volume', 'volumes']);
    expect(index.within('regsitry')).toEqual(['registry']);
    expect(index.within('xmage')).toEqual(['image']);
    expect(index.within('imagex').sort()).toEqual(['image', 'images']);
    expect(index.within('contaner')).toEqual(['container']);
    expect(index.within('odcker')).toEqual(['docker']);
    expect(index.within('love')).toEqual([]);
  });

  test('GIVEN every word with every slip THEN the same words as comparing it with every word', () => {
    const index = new OneSlipIndex(WORDS);
    const letters = 'aeiklmnorst';
    const probes = new Set<string>();
    for (const word of WORDS) {
      for (let i = 0; i <= word.length; i++) {
        probes.add(word.slice(0, i) + word.slice(i + 1));
        probes.add(word.slice(0, i) + word.slice(i + 2, i + 3) + word.slice(i + 1, i + 2) + word.slice(i + 3));
        for (const letter of letters) {
          probes.add(word.slice(0, i) + letter + word.slice(i));
          probes.add(word.slice(0, i) + letter + word.slice(i + 1));
        }
      }
    }
    for (const probe of probes) {
      const expected = WORDS.filter((w) => editDistance(probe, w, 1) <= 1).sort();
      expect(index.within(probe).sort(), probe).toEqual(expected);
    }
  });
});
