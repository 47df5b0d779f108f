import { describe, expect, test } from 'vitest';
import { MAX_POSTINGS_VISITED, NameGramIndex } from '../../../src/search/name-gram-index.ts';

const NAMES = ['volumes', 'bind mounts', 'tmpfs mounts', 'named volumes and anonymous volumes', 'image layers', 'docker image', 'image', 'container'];

describe('NameGramIndex', () => {
  test('GIVEN a pattern some names contain whole THEN those names are candidates, fewest words first when there are more than asked for', () => {
    const index = new NameGramIndex(NAMES);
    expect(index.candidates('volum', 10).names).toEqual(expect.arrayContaining([0, 3]));
    // "image" is in three names; asked for two: "image" (one word), then "image layers" (two, and given before "docker image").
    expect(index.candidates('image', 2).names).toEqual([4, 6]);
  });

  test('GIVEN a typo THEN the name it slipped from is among the candidates, and the names sharing nothing are not', () => {
    const index = new NameGramIndex(NAMES);
    const { names } = index.candidates('imge layr', 3);
    expect(names).toContain(4);
    expect(names).not.toContain(1);
  });

  test('GIVEN one character THEN only names containing it; GIVEN two THEN names with either, as Fuse.js allows one slip in two', () => {
    const index = new NameGramIndex(NAMES);
    expect(index.candidates('k', 10).names.map((n) => NAMES[n])).toEqual(['docker image']);
    expect(index.candidates('kx', 10).names.map((n) => NAMES[n])).toEqual(['docker image']);
  });

  test('GIVEN 60,000 names sharing their pieces and a 32-character pattern THEN at most the asked number come back, for a bounded number of postings visited', () => {
    const names = Array.from({ length: 60_000 }, (_, i) => `docker container image ${i.toString(36)}`);
    const index = new NameGramIndex(names);
    for (const pattern of ['docker container image volumes x', 'd', 'do', 'doc', 'dock', 'a'.repeat(32), 'container image 1']) {
      const { names: found, visited } = index.candidates(pattern, 50);
      expect(found.length).toBeLessThanOrEqual(50);
      expect(visited).toBeLessThanOrEqual(MAX_POSTINGS_VISITED);
    }
    // A rare piece is still found: "zzz" is in few names, whatever the common words around it.
    expect(index.candidates('image zzz', 50).names.map((n) => names[n])).toContain(`docker container image ${(46655).toString(36)}`);
  });
});
