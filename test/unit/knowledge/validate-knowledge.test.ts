import { describe, expect, test } from 'vitest';
import { validateKnowledge, type Topic } from '../../../src/knowledge/index.ts';

const topic = (id: string, related: string[] = [], title = id): Topic =>
  ({ id, title, related, file: `${id}.md` }) as unknown as Topic;

describe('validateKnowledge', () => {
  test('GIVEN related ids that exist THEN there is no problem', () => {
    expect(validateKnowledge([topic('a', ['b']), topic('b', ['a'])])).toEqual([]);
  });

  test('GIVEN a related id that does not exist, and one pointing at itself THEN both are reported with their index', () => {
    expect(validateKnowledge([topic('a', ['missing', 'a'])])).toEqual([
      { file: 'a.md', field: 'related.0', message: 'no topic has the id "missing"' },
      { file: 'a.md', field: 'related.1', message: 'a topic cannot be related to itself' },
    ]);
  });

  test('GIVEN two topics with the same title THEN the second is reported', () => {
    const problems = validateKnowledge([topic('a', [], 'Volumes'), topic('b', [], 'volumes')]);
    expect(problems).toEqual([{ file: 'b.md', field: 'title', message: '"volumes" is already used by a.md' }]);
  });
});
