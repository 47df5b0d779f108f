import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFlagInventory } from '../../src/explain/index.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../fixtures/child-process-budget.ts';

const root = new URL('../../', import.meta.url);
const reporter = new URL('../fixtures/report-loaded-packages.ts', import.meta.url).href;
const scratch = await mkdtemp(path.join(tmpdir(), 'stevedore-start-up-'));
const cacheDir = path.join(scratch, 'cache');
afterAll(() => rm(scratch, { recursive: true, force: true }));
// Warmed as a first start would warm it: the children below start from this cache.
beforeAll(async () => {
  await Promise.all([loadKnowledge(undefined, { cacheDir }), loadFlagInventory(undefined, { cacheDir })]);
});

let runs = 0;

/**
 * Runs an entry point from its TypeScript (`node --import tsx`; `npm start` runs the same modules compiled, from
 * dist/), with the loaded-packages reporter preloaded, `stdin` as its input and only the given settings; resolves
 * its output, exit code and the packages it loaded.
 */
async function run(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<{ stdout: string; stderr: string; code: number | null; loaded: string[] }> {
  const report = path.join(scratch, `loaded-${++runs}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', reporter, script, ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'], DATABASE_PATH: path.join(scratch, `db-${runs}.sqlite`), STEVEDORE_TEST_LOADED_PACKAGES: report, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const loaded = JSON.parse(await readFile(report, 'utf8')) as string[];
  return { stdout, stderr, code, loaded };
}

/** What a start loads only for the platform, database or cache miss that needs it. */
const PLATFORM_PACKAGES = ['discord.js', '@slack/bolt', '@slack/web-api', 'pg', 'pino'];

describe('a start loads only what its mode uses', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test('GIVEN no platform tokens, SQLite and a warm cache THEN the console chat answers without loading pg, discord.js, Bolt, pino or the YAML parser', async () => {
    const { stdout, code, loaded } = await run('src/main.ts', [], { CACHE_DIR: cacheDir }, 'what is a docker image\nexit\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/your Docker study companion \(\d+ topics\)/);
    expect(stdout).toContain('Docker image');
    for (const name of [...PLATFORM_PACKAGES, 'yaml']) expect(loaded, name).not.toContain(name);
    // The reporter does see what was loaded: the SQLite driver is CommonJS like the packages above.
    expect(loaded).toContain('better-sqlite3');
  });

  test('GIVEN the cache turned off THEN the console parses the YAML itself (and the reporter sees yaml load)', async () => {
    const { stdout, code, loaded } = await run('src/main.ts', [], { CACHE_DIR: 'off' }, 'exit\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(\d+ topics\)/);
    expect(loaded).toContain('yaml');
    for (const name of PLATFORM_PACKAGES) expect(loaded, name).not.toContain(name);
  });

  test('GIVEN DATABASE_URL THEN pg is loaded (and a refused connection stops the start with one line)', async () => {
    const { stderr, code, loaded } = await run('src/main.ts', [], { CACHE_DIR: cacheDir, DATABASE_URL: 'postgres://stevedore@127.0.0.1:1/none' }, 'exit\n');
    expect(code).toBe(1);
    expect(stderr).toContain('Could not open the PostgreSQL database in DATABASE_URL');
    expect(loaded).toContain('pg');
  });

  test('GIVEN a one-shot question and a warm cache THEN ask answers without loading any platform, pg, pino, the YAML parser, the SQLite driver or the explainer\'s parsers', async () => {
    const { stdout, code, loaded } = await run('src/cli/ask.ts', ['--json', 'what is an image'], { CACHE_DIR: cacheDir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answered: true, topic: { id: 'image' } });
    // ask needs no store and no command but the answer: it imports the renderer, not the core's barrel.
    for (const name of [...PLATFORM_PACKAGES, 'yaml', 'better-sqlite3', 'dockerfile-ast', 'shell-quote']) expect(loaded, name).not.toContain(name);
    // The reporter sees this process's CommonJS packages: the settings' .env reader is one.
    expect(loaded).toContain('dotenv');
  });
});
