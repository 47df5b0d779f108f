import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../../src/store/index.ts';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../../fixtures/child-process-budget.ts';

const folder = mkdtempSync(join(tmpdir(), 'stevedore-durability-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Starts `test/fixtures/store-writer.ts` in its own process; resolves each acknowledged quiz id as it comes. */
function startWriter(path: string, prefix: string, count: number, onAck: (id: string, stop: () => void) => void = () => {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/store-writer.ts', path, prefix, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const id = line.replace(/^ack /, '');
    acked.push(id);
    onAck(id, () => child.kill('SIGKILL'));
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code)));
  return { acked, exited };
}

function integrity(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('SQLite store durability', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test('GIVEN a writer killed mid-stream THEN every acknowledged write survives and the file is intact', async () => {
    const path = join(folder, 'crash.db');
    await (await openStore({ DATABASE_PATH: path })).close();
    const writer = startWriter(path, 'crash', 100_000, (_id, stop) => {
      if (writer.acked.length === 150) stop();
    });
    expect(await writer.exited).toBe('SIGKILL');

    expect(integrity(path)).toBe('ok');
    const store = await openStore({ DATABASE_PATH: path });
    for (const id of writer.acked) expect(await store.quizAnswer(id, 'console:crash'), id).toBeDefined();
    expect((await store.learnerActivity('console:crash')).quizAnswers).toBeGreaterThanOrEqual(writer.acked.length);
    await store.close();
  });

  test('GIVEN two processes and this one writing to the same file at once THEN nothing is lost or corrupted', async () => {
    const path = join(folder, 'shared.db');
    const store = await openStore({ DATABASE_PATH: path });
    const writers = [startWriter(path, 'left', 150), startWriter(path, 'right', 150)];
    for (let i = 0; i < 150; i++) {
      await store.createQuiz({ id: `here-${i}`, questionId: 'volumes/container-started-v-dbdata-data', optionOrder: [3, 2, 1, 0], createdAt: new Date() });
    }
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);

    expect(integrity(path)).toBe('ok');
    expect((await store.learnerActivity('console:left')).quizAnswers).toBe(150);
    expect((await store.learnerActivity('console:right')).quizAnswers).toBe(150);
    expect(await store.quiz('here-149')).toMatchObject({ optionOrder: [3, 2, 1, 0] });
    await store.close();
  });
});
