import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../fixtures/child-process-budget.ts';

const folder = mkdtempSync(join(tmpdir(), 'stevedore-console-'));
/** Every bot this file starts: one a test gave up on (a timeout) is ended here rather than left running. */
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** Runs `src/main.ts` (what `npm start` runs) with these lines on stdin; resolves its stdout and stderr. */
function chat(lines: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  return new Promise((resolve) => child.on('close', (code) => resolve({ stdout, stderr, code })));
}

/** `src/main.ts` in the console, driven a line at a time: `say` resolves to what the bot printed in answer. */
function interactiveChat(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env['PATH'], ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let waiting: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.endsWith('› ')) waiting?.();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const prompt = () => new Promise<void>((resolve) => (stdout.endsWith('› ') ? resolve() : (waiting = resolve)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    ready: prompt(),
    async say(line: string): Promise<string> {
      stdout = stdout.slice(0, -2);
      const from = stdout.length;
      child.stdin.write(`${line}\n`);
      await prompt();
      return stdout.slice(from);
    },
    async end() {
      child.stdin.end();
      return { code: await exited, stderr };
    },
  };
}

describe('console chat through stdin', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  const env = { DATABASE_PATH: join(folder, 'console.db'), TZ: 'UTC' };

  test('GIVEN a learner who studies a card and answers a quiz THEN a restarted bot still has their progress', async () => {
    const first = await chat(['/quiz volumes', '1', '3', '/quiz mcq volumes', '1'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('console chat');
    expect(first.stdout).toContain('Flash card · Volumes');
    expect(first.stdout).toMatch(/\[3\] Good · \d+m/);
    expect(first.stdout).toContain('Good: saved');
    expect(first.stdout).toMatch(/Correct!|Not quite/);

    const second = await chat(['/stats'], env);
    expect(second.stdout).toContain('Progress for you');
    expect(second.stdout).toMatch(/Recall\n100% of 1 review/);
    expect(second.stdout).toMatch(/Multiple choice\n(100|0)% right of 1 answer/);
  });

  test('GIVEN /diagram in the console THEN the text version is printed and the PNG saved beside the database', async () => {
    const { stdout } = await chat(['/diagram vm'], env);
    expect(stdout).toContain('VM vs container');
    const saved = join(folder, 'diagrams', 'vm-vs-container.png');
    expect(stdout).toContain(`The picture: ${saved}`);
    expect(readFileSync(saved).subarray(1, 4).toString()).toBe('PNG');
  });

  test('GIVEN output to a pipe THEN plain text, unless FORCE_COLOR asks for colour; NO_COLOR wins over it', async () => {
    const ESC = String.fromCharCode(27);
    const lines = ['/explain image size'];
    expect((await chat(lines, env)).stdout).not.toContain(ESC);
    const forced = (await chat(lines, { ...env, FORCE_COLOR: '1' })).stdout;
    expect(forced).toContain(`${ESC}[3mevery${ESC}[0m`);
    expect((await chat(lines, { ...env, FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain(ESC);
  });

  test('GIVEN an unusable database path THEN start-up stops with a message, not a stack trace', async () => {
    // A path under a regular file can never be a folder.
    writeFileSync(join(folder, 'a-file'), '');
    const result = await chat([], { DATABASE_PATH: join(folder, 'a-file', 'stevedore.db') });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/database/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('GIVEN another process holds the database locked THEN start-up and reading go on, a write says busy, and the chat carries on', async () => {
    const path = join(folder, 'locked.db');
    await chat([], { DATABASE_PATH: path, TZ: 'UTC' });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const session = interactiveChat({ DATABASE_PATH: path, TZ: 'UTC' });
    await session.ready;
    expect(await session.say('/explain volumes')).toContain('Volumes');
    expect(await session.say('what is a volume')).toContain('Busy right now');
    other.exec('COMMIT');
    expect(await session.say('what is a volume')).toContain('Volumes');
    const { code, stderr } = await session.end();
    other.close();
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/SqliteError|\n\s+at /);
  });

  test('GIVEN the database is locked for the whole first start THEN start-up stops with one line naming the other process', async () => {
    const path = join(folder, 'locked-first.db');
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const result = await chat(['what is a volume'], { DATABASE_PATH: path });
    other.exec('COMMIT');
    other.close();
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^Another process holds the database file .* locked/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
