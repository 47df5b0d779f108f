import { describe, expect, test } from 'vitest';
import { BracketedPasteJoiner, restorePastedLines } from '../../../../src/adapters/console/bracketed-paste.ts';

async function through(chunks: string[]): Promise<string> {
  const joiner = new BracketedPasteJoiner();
  let out = '';
  joiner.on('data', (d: string) => (out += d));
  const ended = new Promise((resolve) => joiner.on('end', resolve));
  for (const chunk of chunks) joiner.write(chunk);
  joiner.end();
  await ended;
  return out;
}

const PASTE = '\x1b[200~FROM node:20\r\nRUN npm ci\r\nCMD ["node", "app.js"]\x1b[201~\r';

describe('BracketedPasteJoiner', () => {
  test('GIVEN a pasted Dockerfile THEN it becomes one line, and its line breaks come back afterwards', async () => {
    const out = await through([`hi\r${PASTE}`]);
    const lines = out.split('\r').filter((l) => l.length > 0);
    expect(lines).toHaveLength(2);
    expect(restorePastedLines(lines[1]!)).toBe('FROM node:20\nRUN npm ci\nCMD ["node", "app.js"]');
  });

  test('GIVEN the paste markers split across chunks at every position THEN the result is the same', async () => {
    const whole = await through([PASTE]);
    for (let i = 1; i < PASTE.length; i++) expect(await through([PASTE.slice(0, i), PASTE.slice(i)])).toBe(whole);
  });

  test('GIVEN typed text without pastes THEN it passes unchanged, line breaks included', async () => {
    expect(await through(['one\rtwo\n', 'three\x1b[A'])).toBe('one\rtwo\nthree\x1b[A');
  });
});
