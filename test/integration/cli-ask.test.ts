import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../fixtures/child-process-budget.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

/** Runs `src/cli/ask.ts` (which `npm run -s ask` runs compiled), optionally with stdin. */
function ask(args: string[], stdin?: string): Promise<{ stdout: string; stderr: string }> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: root, maxBuffer: 10 * 1024 * 1024 });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  }
  return child;
}

const AnswerJson = z.strictObject({
  question: z.string(),
  answered: z.boolean(),
  topic: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
  confidence: z.number().min(0).max(1),
  text: z.string().min(1),
  suggestions: z.array(z.string()),
});

describe('npm run ask', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test('GIVEN --json and a question THEN stdout is exactly one JSON object of the documented shape', async () => {
    const { stdout } = await ask(['--json', 'what is a container']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = AnswerJson.parse(JSON.parse(lines[0]!));
    expect(answer).toMatchObject({ question: 'what is a container', answered: true, topic: { id: 'container' } });
  });

  test('GIVEN --json and questions on stdin THEN there is one JSON line per input line, in order, and nothing else', async () => {
    const questions = ['img vs ctr', '', 'best pizza toppings', '@everyone <@&1> what is a volume', 'x'.repeat(10_000)];
    const { stdout } = await ask(['--json'], `${questions.join('\n')}\n`);
    const answers = stdout.trimEnd().split('\n').map((line) => AnswerJson.parse(JSON.parse(line)));
    expect(answers).toHaveLength(questions.length);
    expect(answers[0]!.topic?.id).toBe('image-vs-container');
    expect(answers[1]).toMatchObject({ answered: false, question: '' });
    expect(answers[2]).toMatchObject({ answered: false, topic: null });
    expect(answers[3]!.topic?.id).toBe('volumes');
  });

  test('GIVEN a question without --json THEN the answer is printed for a person, with related topics', async () => {
    const { stdout } = await ask(['why is my second build so fast']);
    expect(stdout).toMatch(/^Build cache|cache/m);
    expect(stdout).toMatch(/\nRelated: /);
    expect(stdout).not.toContain(String.fromCharCode(27));
  });
});

describe('npm run ask, its options and edge cases', () => {
  const fails = (args: string[]) => ask(args).then(
    () => ({ code: 0, stdout: '', stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

  test('GIVEN --help THEN it prints the usage and exits 0', async () => {
    const { stdout } = await ask(['--help']);
    expect(stdout).toMatch(/^Usage: npm run -s ask -- \[--json\] "your question"/);
  });

  test('GIVEN an unknown option THEN it says so with the usage on stderr and exits 2', async () => {
    const result = await fails(['--jsn', 'what is a container']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option: --jsn\nUsage:/);
    expect(result.stdout).toBe('');
  });

  test('GIVEN an empty or blank question as an argument THEN one JSON object says what to try', async () => {
    for (const blank of ['', '   ']) {
      const lines = (await ask(['--json', blank])).stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const answer = AnswerJson.parse(JSON.parse(lines[0]!));
      expect(answer).toMatchObject({ answered: false });
      expect(answer.text).toContain('--topics');
    }
  });

  test('GIVEN an abstention THEN it points to --topics, not to a chat command, and says it once', async () => {
    const { stdout } = await ask(['best pizza toppings']);
    expect(stdout).toContain('npm run -s ask -- --topics');
    expect(stdout).not.toContain('/topics');
    expect(stdout.match(/answer for that/g)).toHaveLength(1);
  });

  test('GIVEN --topics THEN every topic is listed, one per line, and a single dash stays part of a question', async () => {
    const { stdout } = await ask(['--topics']);
    expect(stdout).toMatch(/^Bind mounts$/m);
    expect(stdout.trim().split('\n').length).toBeGreaterThan(40);
    const { stdout: flag } = await ask(['--json', 'what does -v do']);
    expect(AnswerJson.parse(JSON.parse(flag)).question).toBe('what does -v do');
  });
});
