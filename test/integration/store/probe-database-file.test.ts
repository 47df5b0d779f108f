import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore, StoreOpenError } from '../../../src/store/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'stevedore-probe-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('opening a database file that cannot hold a database', () => {
  test.each([
    ['a FIFO', () => (execFileSync('mkfifo', [join(folder, 'fifo.db')]), join(folder, 'fifo.db')), /is not a regular file/],
    ['a text file', () => (writeFileSync(join(folder, 'notes.txt'), 'hello, not a database at all'), join(folder, 'notes.txt')), /is not an SQLite database file/],
    ['a folder', () => folder, /is a folder, not a file/],
    ['a path under a file', () => (writeFileSync(join(folder, 'plain'), 'x'), join(folder, 'plain', 'x.db')), /has a file where a folder should be/],
    ['a path in /proc', () => '/proc/self/stevedore.db', /cannot be created there/],
  ])('GIVEN %s THEN start-up fails fast with one line naming DATABASE_PATH', async (_, makePath, reason) => {
    const started = performance.now();
    const error: unknown = await openStore({ DATABASE_PATH: makePath() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/Check DATABASE_PATH \(see \.env\.example\)\.$/);
    expect((error as Error).message).not.toContain('\n');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
