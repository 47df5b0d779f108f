import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, test } from 'vitest';
import { runConsole } from '../../src/adapters/console/run-console.ts';
import type { App } from '../../src/app.ts';
import { createTestApp } from '../fixtures/test-app.ts';

let app: App;
beforeEach(async () => {
  app = await createTestApp();
  return () => app.close();
});

/** Runs the console on streams that say they are (or are not) a terminal; resolves everything it wrote. */
async function session(typed: string, terminal: boolean): Promise<{ output: string; rawModes: boolean[] }> {
  const rawModes: boolean[] = [];
  const input = Object.assign(new PassThrough(), terminal ? { isTTY: true, setRawMode: (on: boolean) => rawModes.push(on) } : {});
  const output = Object.assign(new PassThrough(), terminal ? { isTTY: true, columns: 100 } : {});
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const done = runConsole(app, { input, output }, { imageDir: mkdtempSync(join(tmpdir(), 'stevedore-paste-')) });
  input.end(typed);
  await done;
  return { output: written, rawModes };
}

const answers = (output: string) => (output.match(/Quiz me on this|I don't have an answer for that/g) ?? []).length;

describe('pastes in the console', () => {
  test('GIVEN a multi-line question pasted on a terminal THEN it is answered once, as one message', async () => {
    const { output, rawModes } = await session('\x1b[200~what is a\r\ndocker volume\x1b[201~\rexit\r', true);
    expect(answers(output)).toBe(1);
    expect(output).toContain('Volumes');
    expect(output).toContain('\x1b[?2004h');
    expect(output).toContain('\x1b[?2004l');
    expect(rawModes).toEqual([true, false]);
  });

  test('GIVEN the same lines piped in THEN each line is one message, as the ask CLI contract says', async () => {
    const { output } = await session('what is a docker volume\nwhat is an image\n', false);
    expect(answers(output)).toBe(2);
    expect(output).not.toContain('\x1b[?2004h');
  });
});
