import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../fixtures/child-process-budget.ts';

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

// A copy of the project to build and edit: what the launcher reads (src/, its scripts, the TypeScript settings,
// the npm scripts), the data the code finds from the root, and the installed packages through a link.
const scratch = mkdtempSync(join(tmpdir(), 'stevedore-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const root = join(scratch, 'project');
for (const path of ['src', 'scripts/launch.mjs', 'scripts/build.mjs', 'tsconfig.json', 'package.json', 'knowledge', 'docker-cli']) {
  cpSync(join(projectRoot, path), join(root, path), { recursive: true });
}
symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');

// Two topics of the shipped knowledge, related only to each other: a KNOWLEDGE_DIR plainly not the shipped one.
const smallKnowledge = join(scratch, 'small-knowledge');
mkdirSync(smallKnowledge);
for (const [id, other] of [['volumes', 'bind-mounts'], ['bind-mounts', 'volumes']]) {
  const text = readFileSync(join(projectRoot, 'knowledge', `${id}.md`), 'utf8').replace(/^related: .*$/m, `related: [${other}]`);
  writeFileSync(join(smallKnowledge, `${id}.md`), text);
}

/** Runs `file` with `args` in the copy with only these settings (no cache); resolves its output and exit code. */
async function start(file: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const settings = { PATH: process.env['PATH'], CACHE_DIR: 'off', DATABASE_PATH: join(scratch, 'stevedore.db'), NO_COLOR: '1', ...env };
  const child = run(file, args, { cwd: root, env: settings, maxBuffer: 10 * 1024 * 1024 });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}
const launch = (entry: string, args: string[], env?: Record<string, string>, input?: string) =>
  start(process.execPath, ['scripts/launch.mjs', entry, ...args], env, input);

const compiledAsk = join(root, 'dist/cli/ask.js');
const stamp = () => readFileSync(join(root, 'dist/.source-stamp'), 'utf8').trim();

// In order: each test starts from the dist/ the one before it left.
describe('scripts/launch.mjs: compiled JavaScript from dist/, built when src/ has changed', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test('GIVEN no dist/ THEN it builds it, says so in one line, and runs the compiled entry point with its arguments', async () => {
    const { stdout, stderr, code } = await launch('src/cli/ask.ts', ['--json', 'what is a volume']);
    expect(code).toBe(0);
    expect(stderr).toBe('Building dist/ from src/ (not built yet)…\n');
    expect(JSON.parse(stdout).topic.id).toBe('volumes');
    expect(statSync(compiledAsk).isFile()).toBe(true);
    expect(stamp()).toMatch(/^[0-9a-f]{64}$/);
  });

  test('GIVEN dist/ up to date THEN it does not build again: the compiled files are left as they were', async () => {
    const before = { stamp: stamp(), modified: statSync(compiledAsk).mtimeMs };
    const { stdout, stderr, code } = await launch('src/cli/ask.ts', ['--json', 'what is a volume']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).topic.id).toBe('volumes');
    expect({ stamp: stamp(), modified: statSync(compiledAsk).mtimeMs }).toEqual(before);
  });

  test('GIVEN an edit to a file in src/ THEN the next start rebuilds and runs the edited code', async () => {
    const before = stamp();
    const usage = join(root, 'src/cli/ask-arguments.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('Usage: npm run -s ask', 'Usage (edited): npm run -s ask'));
    const { stdout, stderr, code } = await launch('src/cli/ask.ts', ['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('Building dist/ from src/ (src/ has changed)…\n');
    expect(stdout).toContain('Usage (edited): npm run -s ask');
    expect(stamp()).not.toBe(before);
  });

  test('GIVEN KNOWLEDGE_DIR THEN npm run ask, kb:check and npm start read that folder through the launcher, not the shipped one', async () => {
    const env = { KNOWLEDGE_DIR: smallKnowledge };
    const asked = await start('npm', ['run', '-s', 'ask', '--', '--json', 'what is a docker image'], env);
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).topic?.id ?? null).not.toBe('image');
    const topics = await start('npm', ['run', '-s', 'ask', '--', '--json', '--topics'], env);
    expect((JSON.parse(topics.stdout) as Array<{ id: string }>).map((t) => t.id).sort()).toEqual(['bind-mounts', 'volumes']);
    const checked = await launch('src/cli/kb-check.ts', [], env);
    expect(checked.stdout).toContain('Knowledge base OK: 2 topics.');
    const console = await start('npm', ['start'], env, 'exit\n');
    expect(console.code).toBe(0);
    expect(console.stdout).toMatch(/your Docker study companion \(2 topics\)/);
    const missing = await launch('src/cli/ask.ts', ['what is a volume'], { KNOWLEDGE_DIR: join(scratch, 'missing') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(scratch, 'missing')}: folder: does not exist; set KNOWLEDGE_DIR`);
  });

  test('GIVEN src/ that does not compile THEN it says the build failed and runs the TypeScript through tsx instead', async () => {
    writeFileSync(join(root, 'src/not-imported-by-ask.ts'), 'export const broken = ;\n');
    const { stdout, stderr, code } = await launch('src/cli/ask.ts', ['--json', 'what is a volume']);
    expect(code).toBe(0);
    expect(stderr).toContain('Building dist/ from src/ (src/ has changed)…');
    expect(stderr).toContain('The build failed');
    expect(stderr).toContain('Running the TypeScript sources through tsx instead');
    expect(JSON.parse(stdout).topic.id).toBe('volumes');
    // Unstamped, so the next start tries again rather than running code older than src/.
    expect(() => stamp()).toThrow();
  });

  test('GIVEN an entry point outside src/ THEN it prints its usage and exits 2', async () => {
    const { stderr, code } = await launch('scripts/build.mjs', []);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: node scripts/launch.mjs src/ENTRY.ts');
  });
});
