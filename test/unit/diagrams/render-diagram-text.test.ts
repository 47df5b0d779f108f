import { describe, expect, test } from 'vitest';
import { DIAGRAM_IDS, renderDiagramText } from '../../../src/diagrams/index.ts';
import { drawDiagram } from '../../../src/diagrams/render-diagram-svg.ts';

const MAX_COLUMNS = 60;
const MAX_CHARACTERS = 1_800;

/** The words of a label worth finding in the text version (punctuation and joining symbols aside). */
const wordsOf = (label: string): string[] =>
  label
    .toLowerCase()
    .split(/[\s·()+=,;:]+/)
    .map((word) => word.replace(/^["'.]+|["'.]+$/g, ''))
    .filter((word) => word.length > 1);

describe.each(DIAGRAM_IDS)('renderDiagramText(%j)', (id) => {
  const text = renderDiagramText(id);

  test(`GIVEN the text THEN every line fits ${MAX_COLUMNS} columns and the whole fits a Discord code block`, () => {
    const wide = text.split('\n').filter((line) => [...line].length > MAX_COLUMNS);
    expect(wide).toEqual([]);
    expect(text.length).toBeLessThan(MAX_CHARACTERS);
    expect(text).not.toContain('```');
  });

  test('GIVEN every word drawn in the picture THEN the text version says it too', () => {
    const haystack = text.toLowerCase();
    const labels = drawDiagram(id).layout.labels.map((label) => label.text);
    const missing = labels.flatMap(wordsOf).filter((word) => !haystack.includes(word));
    expect(missing).toEqual([]);
  });
});

describe('the container lifecycle as text', () => {
  const text = renderDiagramText('container-lifecycle');

  test.each(['created', 'running', 'paused', 'restarting', 'exited', 'dead', 'removed', 'removing'])('GIVEN the state %j THEN it is there', (state) => {
    expect(text).toContain(state);
  });

  test.each([
    ['created', 'docker start', 'running'],
    ['running', 'docker pause', 'paused'],
    ['paused', 'docker unpause', 'running'],
    ['restarting', 'restarted', 'running'],
    ['created', 'docker rm', 'removed'],
    ['exited', 'docker rm', 'removed'],
    ['running', 'docker rm -f', 'removed'],
    ['dead', 'docker rm', 'removed'],
  ])('GIVEN the move %s → %s → %s THEN one line says it', (from, command, to) => {
    const line = new RegExp(`^${from} ─+ ${command} ─+▶ ${to}`, 'm');
    expect(text).toMatch(line);
  });

  test.each(['docker create', 'docker run', 'docker stop', 'docker kill', 'process exits', 'restart policy', 'docker restart', 'fails partway'])(
    'GIVEN the command or event %j THEN it is named',
    (command) => {
      expect(text).toContain(command);
    },
  );
});
