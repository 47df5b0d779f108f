import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../fixtures/child-process-budget.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'stevedore-knowledge-dir-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Runs an entry point from its TypeScript, with only these settings; resolves its output and exit code. npm runs the
 * same code compiled, through scripts/launch.mjs: KNOWLEDGE_DIR through that is in test/integration/launcher.test.ts.
 */
async function launch(script: string, args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { PATH: process.env['PATH'], ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

// Two topics of the shipped knowledge, related only to each other: a valid folder, plainly not the shipped one.
const smallKnowledge = join(folder, 'small');
mkdirSync(smallKnowledge);
for (const [id, other] of [['volumes', 'bind-mounts'], ['bind-mounts', 'volumes']]) {
  const text = readFileSync(new URL(`../../knowledge/${id}.md`, import.meta.url), 'utf8').replace(/^related: .*$/m, `related: [${other}]`);
  writeFileSync(join(smallKnowledge, `${id}.md`), text);
}

describe('KNOWLEDGE_DIR in every entry point', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  const shippedCount = readdirSync(new URL('../../knowledge/', import.meta.url)).filter((f) => f.endsWith('.md')).length;

  test('GIVEN a folder that does not exist THEN npm start, ask, kb:check and kb:gaps each stop with one line naming it', async () => {
    const env = { KNOWLEDGE_DIR: join(folder, 'missing'), DATABASE_PATH: join(folder, 'missing.db') };
    for (const [script, args] of [['src/main.ts', []], ['src/cli/ask.ts', ['what is a volume']], ['src/cli/kb-check.ts', []], ['src/cli/kb-gaps.ts', []]] as const) {
      const { stderr, code } = await launch(script, [...args], env);
      expect(code, script).toBe(1);
      expect(stderr, script).toContain(`${join(folder, 'missing')}: folder: does not exist; set KNOWLEDGE_DIR`);
      expect(stderr, script).not.toMatch(/\n\s+at /);
    }
  });

  test('GIVEN a folder of two topics THEN kb:check and ask read that folder, not the shipped one', async () => {
    const env = { KNOWLEDGE_DIR: smallKnowledge };
    const checked = await launch('src/cli/kb-check.ts', [], env);
    expect(checked.stdout).toContain('Knowledge base OK: 2 topics.');
    expect(shippedCount).toBeGreaterThan(2);
    const asked = await launch('src/cli/ask.ts', ['--json', 'what is a docker image'], env);
    expect(JSON.parse(asked.stdout).topic?.id ?? null).not.toBe('image');
  });

  test('GIVEN KNOWLEDGE_DIR THEN explain links only that folder\'s topics, and a folder that does not exist is exit code 2 with one line naming it', async () => {
    const pasted = join(folder, 'command.txt');
    writeFileSync(pasted, 'docker run --rm -d -p 8080:80 -v data:/data --name web nginx\n');
    const linked = (stdout: string) => {
      const { items, findings } = JSON.parse(stdout) as { items: Array<{ topic: string | null }>; findings: Array<{ topic: string | null }> };
      return new Set([...items, ...findings].flatMap((i) => (i.topic ? [i.topic] : [])));
    };
    const shipped = await launch('src/cli/explain.ts', ['--json', pasted], {});
    expect(shipped.code).toBe(0);
    expect([...linked(shipped.stdout)].some((id) => id !== 'volumes' && id !== 'bind-mounts')).toBe(true);
    const small = await launch('src/cli/explain.ts', ['--json', pasted], { KNOWLEDGE_DIR: smallKnowledge });
    expect(small.code).toBe(0);
    expect([...linked(small.stdout)]).toEqual(['volumes']);

    const missing = await launch('src/cli/explain.ts', [pasted], { KNOWLEDGE_DIR: join(folder, 'missing') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(folder, 'missing')}: folder: does not exist; set KNOWLEDGE_DIR`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
