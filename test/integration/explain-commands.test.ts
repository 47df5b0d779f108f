import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/app.ts';
import type { CommandRequest, Reply } from '../../src/core/index.ts';
import { INPUT_LIMITS } from '../../src/core/index.ts';
import { createTestApp } from '../fixtures/test-app.ts';
import { replyLimitProblems } from '../fixtures/reply-limits.ts';
import { PASTED_COMMANDS } from '../fixtures/pasted-commands.ts';
import { PASTED_DOCKERFILES } from '../fixtures/pasted-dockerfiles.ts';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const request: CommandRequest = { platform: 'console', user: { id: 'u1', name: 'ada' }, now: new Date('2026-11-23T09:00:00Z') };
const run = (name: string, args: Record<string, unknown>): Promise<Reply> => app.registry.execute(name, args, request, app.services);
const decode = (reply: Reply) => new TextDecoder().decode(reply.file!.data);

describe('/explain-command and /explain-dockerfile through the registry', () => {
  test('GIVEN a docker command THEN the reply lists its parts with topic links and its findings as fields', async () => {
    const reply = await run('explain-command', { command: 'docker run -d -p 8080:80 --name web nginx' });
    expect(reply.title).toBe('Your docker command, explained');
    expect(reply.text).toContain('`-p 8080:80`: Publishes container port 80/tcp on host port 8080, on every host address. More: **Publishing ports**');
    expect(reply.fields?.map((f) => f.name)).toEqual(['⚠️ Warning · line 1 · publish-on-all-addresses', '⚠️ Warning · line 1 · latest-tag']);
    expect(reply.actions?.[0]?.map((a) => a.label)).toContain('Publishing ports');
    expect(reply.file).toBeUndefined();
    expect(replyLimitProblems(reply)).toEqual([]);
  });

  test('GIVEN every hand-written command and Dockerfile THEN each reply fits both platforms', async () => {
    for (const c of PASTED_COMMANDS) expect(replyLimitProblems(await run('explain-command', { command: c.paste })), c.paste).toEqual([]);
    for (const c of PASTED_DOCKERFILES) expect(replyLimitProblems(await run('explain-dockerfile', { dockerfile: c.dockerfile })), c.name).toEqual([]);
  });

  test('GIVEN a 200-line Dockerfile THEN the message is cut with "and N more" and the full report is attached', async () => {
    const steps = Array.from({ length: 199 }, (_, i) => (i % 3 === 0 ? `RUN apt-get update` : i % 3 === 1 ? `COPY src/part${i} /app/part${i}` : `ENV STEP_${i}=${i}`));
    const reply = await run('explain-dockerfile', { dockerfile: ['FROM ubuntu', ...steps].join('\n') });
    expect(reply.text).toMatch(/…and \d+ more \(all in the attached report\)\./);
    expect(reply.footer).toMatch(/and \d+ more in the report/);
    expect(reply.file).toMatchObject({ name: 'dockerfile-explained.md', mediaType: 'text/markdown; charset=utf-8' });
    const report = decode(reply);
    expect(report).toContain('line 199: `ENV STEP_197=197`');
    expect(report.match(/`apt-get-update-alone`/g)).toHaveLength(67);
    expect(replyLimitProblems(reply)).toEqual([]);
  });

  test('GIVEN malformed pastes THEN a clear error reply, never an exception', async () => {
    const quote = await run('explain-command', { command: 'docker run -e "A=1 nginx' });
    expect(quote).toMatchObject({ tone: 'error', title: 'I cannot explain that command' });
    expect(quote.text).toContain('double quote (") opened on line 1 is never closed');
    const noFrom = await run('explain-dockerfile', { dockerfile: 'RUN npm ci\nCMD ["node", "a.js"]' });
    expect(noFrom.text).toContain('no FROM instruction');
    const tooLong = await run('explain-dockerfile', { dockerfile: 'FROM alpine\n' + 'RUN true\n'.repeat(10_000) });
    // The registry refuses it by its length before the handler, let alone the parser, sees it.
    expect(tooLong).toMatchObject({ tone: 'error' });
    expect(tooLong.text).toContain(`is too long (at most ${INPUT_LIMITS.paste} characters)`);
  });

  test('GIVEN a pasted command that mentions everyone THEN the reply cannot ping', async () => {
    const reply = await run('explain-command', { command: 'docker run --name @everyone alpine:3.20 echo <@123>' });
    expect(reply.text).not.toMatch(/@everyone|<@123>/);
  });
});

describe('/ask hands pastes to the explainer', () => {
  test('GIVEN /ask with a docker command THEN it is explained, not searched', async () => {
    const reply = await run('ask', { question: 'docker exec -it web sh' });
    expect(reply.title).toBe('Your docker command, explained');
    expect(reply.text).toContain('`docker exec`');
  });

  test('GIVEN /ask with a pasted Dockerfile THEN it is explained', async () => {
    const reply = await run('ask', { question: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD npm start' });
    expect(reply.title).toBe('Your Dockerfile, explained');
    expect(reply.fields?.map((f) => f.name)).toContain('⚠️ Warning · line 3 · context-copied-before-dependencies');
  });

  test('GIVEN /ask with a question that names commands THEN it is still answered as a question', async () => {
    const reply = await run('ask', { question: 'docker stop vs docker kill' });
    expect(reply.title).toBe('Stop vs kill');
  });
});

describe('the console passes pasted text raw and saves the attached report', () => {
  test('GIVEN a multi-line /explain-dockerfile paste THEN the Dockerfile arrives whole, and a long report is saved to a file', async () => {
    const { ConsoleChat } = await import('../../src/adapters/console/console-chat.ts');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const fileDir = mkdtempSync(join(tmpdir(), 'stevedore-reports-'));
    const chat = new ConsoleChat(app, { fileDir, imageDir: fileDir, now: () => new Date('2026-11-23T09:00:00Z') });

    const short = await chat.handleLine('/explain-dockerfile FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "a.js"]');
    expect(short).toContain('Your Dockerfile, explained');
    expect(short).toContain('line 4: RUN npm ci');

    const long = await chat.handleLine(`/explain-dockerfile ${['FROM ubuntu', ...Array.from({ length: 120 }, (_, i) => `RUN echo step ${i} "with 'quotes'"`)].join('\n')}`);
    const saved = join(fileDir, 'dockerfile-explained.md');
    expect(long).toContain(`The full explanation and every finding: ${saved}`);
    expect(readFileSync(saved, 'utf8')).toContain(`line 121: \`RUN echo step 119 "with 'quotes'"\``);
  });
});
