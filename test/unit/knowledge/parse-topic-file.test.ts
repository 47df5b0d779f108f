import { describe, expect, test } from 'vitest';
import { parseTopicFile } from '../../../src/knowledge/parse-topic-file.ts';

const card = (n: number) => `  - id: card-${n}\n    front: Question ${n}?\n    back: Answer ${n}.`;
const mcq = (n: number) =>
  `  - id: question-${n}\n    question: Which is right ${n}?\n    answer: This one\n    distractors: [That one, Another one, None]\n    explanation: Because.`;

function topicSource(overrides: { front?: string; body?: string } = {}): string {
  const front =
    overrides.front ??
    [
      'id: volumes',
      'title: Volumes',
      'summary: Volumes keep data beyond a container.',
      'questions: [what is a volume, volumes?, how do volumes work, voluem, where does data go]',
      'related: [bind-mounts]',
      'cards:',
      ...[1, 2, 3, 4].map(card),
      'mcq:',
      ...[1, 2].map(mcq),
    ].join('\n');
  return `---\n${front}\n---\n${overrides.body ?? 'A **volume** is storage managed by Docker.'}\n`;
}

describe('parseTopicFile', () => {
  test('GIVEN a complete topic THEN it parses with defaults for the optional lists', () => {
    const result = parseTopicFile('volumes.md', topicSource());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topic).toMatchObject({ id: 'volumes', title: 'Volumes', aliases: [], keywords: [], file: 'volumes.md' });
    expect(result.topic.body).toBe('A **volume** is storage managed by Docker.');
  });

  test('GIVEN no front matter THEN the problem names the file and says what is expected', () => {
    const result = parseTopicFile('broken.md', '# Volumes\nno front matter');
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'broken.md', field: 'front matter', message: expect.stringContaining('must start with a `---` line') }],
    });
  });

  test('GIVEN invalid YAML THEN the reason is reported against the front matter', () => {
    const result = parseTopicFile('volumes.md', '---\nid: [unclosed\n---\nbody');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'volumes.md', field: 'front matter' });
    expect(result.problems[0]!.message).toMatch(/not valid YAML/);
  });

  test('GIVEN too few questions and a distractor equal to the answer THEN each problem names its field', () => {
    const source = topicSource()
      .replace('questions: [what is a volume, volumes?, how do volumes work, voluem, where does data go]', 'questions: [one]')
      .replace('distractors: [That one, Another one, None]', 'distractors: [this one, Another one, None]');
    const result = parseTopicFile('volumes.md', source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((p) => p.field);
    expect(fields).toContain('questions');
    expect(fields).toContain('mcq.0.distractors');
  });

  test('GIVEN a card without an id THEN the card\'s id field is at fault', () => {
    const result = parseTopicFile('volumes.md', topicSource().replace('  - id: card-3\n    front:', '  - front:'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['cards.2.id']);
  });

  test('GIVEN a question reusing a card\'s id THEN the repeat is refused, so `<topic>/<id>` names one item', () => {
    const result = parseTopicFile('volumes.md', topicSource().replace('id: question-2', 'id: card-1'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ field: 'mcq.1.id', message: expect.stringContaining('"card-1"') })]);
  });

  test('GIVEN positional or non-kebab-case item ids THEN they are refused', () => {
    for (const id of ['c1', 'q2', 'Card One']) {
      const result = parseTopicFile('volumes.md', topicSource().replace('id: card-2', `id: ${id}`));
      expect(result.ok, id).toBe(false);
      if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'cards.1.id' });
    }
  });

  test('GIVEN an id that differs from the file name THEN the id field is at fault', () => {
    const result = parseTopicFile('storage.md', topicSource());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ field: 'id', message: expect.stringContaining('"storage"') })]);
  });

  test('GIVEN a body with a table or a heading THEN it is refused, because chat platforms cannot show them', () => {
    for (const body of ['| a | b |\n|---|---|', '## Heading']) {
      const result = parseTopicFile('volumes.md', topicSource({ body }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'body' });
    }
  });

  test('GIVEN a table inside a code block THEN it is allowed', () => {
    const result = parseTopicFile('volumes.md', topicSource({ body: 'Output:\n```\n| not a table |\n```' }));
    expect(result.ok).toBe(true);
  });

  test('GIVEN a body over 1,500 characters THEN the problem gives its length', () => {
    const result = parseTopicFile('volumes.md', topicSource({ body: 'x'.repeat(1501) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/1501 characters/);
  });
});
