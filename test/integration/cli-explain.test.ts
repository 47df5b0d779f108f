import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';

const root = new URL('../../', import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'stevedore-explain-cli-'));

/** Runs `src/cli/explain.ts` as `npm run -s explain` does, with stdin when given. */
function explain(args: string[], stdin?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/explain.ts', ...args], { cwd: root, maxBuffer: 10 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }),
    );
    // The CLI stops reading stdin once it is far past the paste limit, and need not read it at all for a FILE.
    child.stdin!.on('error', () => {});
    child.stdin!.end(stdin ?? '');
  });
}

const ExplanationJson = z.strictObject({
  kind: z.enum(['command', 'dockerfile']),
  items: z.array(z.strictObject({ line: z.number().int().positive().nullable(), text: z.string(), explanation: z.string().min(1), topic: z.string().nullable() })),
  findings: z.array(z.strictObject({ rule: z.string(), line: z.number().int().positive(), severity: z.enum(['error', 'warning', 'info']), message: z.string().min(1), topic: z.string().nullable() })),
});
const ErrorJson = z.strictObject({ kind: z.literal('error'), message: z.string().min(1) });

describe('npm run explain', () => {
  test('GIVEN a Dockerfile with warnings only and --json THEN one object of the documented shape, and exit code 0', async () => {
    const file = join(folder, 'Dockerfile');
    writeFileSync(file, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD npm start\n');
    const { stdout, code } = await explain(['--json', file]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const parsed = ExplanationJson.parse(JSON.parse(stdout));
    expect(parsed.kind).toBe('dockerfile');
    expect(parsed.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['context-copied-before-dependencies', 'cmd-entrypoint-shell-form', 'runs-as-root']));
  });

  test('GIVEN a finding of severity error on stdin THEN exit code 1', async () => {
    const { stdout, code } = await explain(['--json', '-'], 'FROM alpine:3.20\nRUNN apk add curl\nUSER nobody\n');
    expect(code).toBe(1);
    expect(ExplanationJson.parse(JSON.parse(stdout)).findings[0]).toMatchObject({ rule: 'unknown-instruction', severity: 'error', line: 2 });
  });

  test('GIVEN a file holding one docker command and no --json THEN the Markdown report', async () => {
    const file = join(folder, 'command.txt');
    writeFileSync(file, 'docker run -d \\\n  -p 127.0.0.1:8080:80 nginx:1.27\n');
    const { stdout, code } = await explain([file]);
    expect(code).toBe(0);
    expect(stdout).toContain('# Docker command explained');
    expect(stdout).toContain('`-p 127.0.0.1:8080:80`: Publishes container port 80/tcp on host port 8080, on host address 127.0.0.1 alone');
  });

  test.each([
    ['unterminated quotes', 'docker run -e "A=1 nginx'],
    ['a Dockerfile with no FROM', 'RUN npm ci\nCMD ["node", "a.js"]\n'],
    ['binary junk', '\u0000\u0001\u0002\u0003PK'],
    ['10,000 lines', 'FROM alpine\n' + 'RUN echo a fairly long line to make the file big\n'.repeat(10_000)],
  ])('GIVEN %s on stdin THEN {"kind": "error"} with a clear message, and exit code 2', async (_, input) => {
    const { stdout, code } = await explain(['--json'], input);
    expect(code).toBe(2);
    expect(ErrorJson.parse(JSON.parse(stdout)).message.length).toBeGreaterThan(20);
  });

  test('GIVEN a file that does not exist THEN exit code 2 and a message on stderr', async () => {
    const { stderr, stdout, code } = await explain([join(folder, 'missing')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Cannot read');
  });
});
