import { describe, expect, test } from 'vitest';
import { editDistance } from '../../../src/search/edit-distance.ts';

describe('editDistance', () => {
  test.each([
    ['docker', 'docker', 0],
    ['containr', 'container', 1],
    ['dokcer', 'docker', 1],
    ['mysql', 'myself', 2],
    ['simple', 'single', 2],
    ['', 'abc', 3],
  ])('GIVEN %j and %j THEN they are %i edits apart', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  test('GIVEN a limit THEN it stops early with a distance just past it', () => {
    expect(editDistance('kubernetes', 'docker', 2)).toBe(3);
  });
});
