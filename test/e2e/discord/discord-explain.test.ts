import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './discord-harness.ts';
import { inServer, modalSubmit, slashCommandWithFile, text, user } from './interaction-payloads.ts';

const EPHEMERAL = 64;
const MODAL = 9;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
afterEach(() => {
  expect(harness.fake.payloadProblems).toEqual([]);
});

const ada = inServer(user('1300000000000000011', 'ada'));
type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } };
const embedOf = (data: Record<string, unknown>) => (data['embeds'] as Embed[])[0]!;
const LONG_DOCKERFILE = ['FROM ubuntu', ...Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? 'RUN apt-get update' : `COPY part${i} /app/part${i}`))].join('\n');

describe('/explain-command and /explain-dockerfile on Discord, through the real discord.js client', () => {
  test('GIVEN /explain-command with a command THEN an embed explains it flag by flag, with warnings as fields', async () => {
    const shown = await (await harness.command('explain-command', [text('command', 'docker run -d -p 8080:80 nginx:1.27')], ada)).answer();
    const embed = embedOf(shown.data);
    expect(embed.title).toBe('Your docker command, explained');
    expect(embed.description).toContain('`-p 8080:80`: Publishes container port 80/tcp on host port 8080, on every host address.');
    expect(embed.fields?.map((f) => f.name)).toEqual(['⚠️ Warning · line 1 · publish-on-all-addresses']);
    expect(shown.data['allowed_mentions']).toEqual({ parse: [] });
  });

  test('GIVEN /explain-dockerfile with nothing THEN a modal asks for it, and its submission is explained', async () => {
    const opened = await harness.command('explain-dockerfile', [], ada);
    const body = opened.callback.body as { type: number; data: { custom_id: string; components: Array<{ components: Array<{ custom_id: string; max_length: number; style: number }> }> } };
    expect(body.type).toBe(MODAL);
    expect(body.data.components[0]!.components[0]).toMatchObject({ custom_id: 'dockerfile', max_length: 4000, style: 2 });

    const submitted = await harness.interact(modalSubmit(body.data.custom_id, { dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\nCMD npm start' }, ada, harness.fake.applicationId), ada);
    const embed = embedOf((await submitted.answer()).data);
    expect(embed.title).toBe('Your Dockerfile, explained');
    expect(embed.fields?.map((f) => f.name)).toContain('⚠️ Warning · line 2 · context-copied-before-dependencies');
  });

  test('GIVEN a forged modal id THEN it is refused privately and runs nothing', async () => {
    const exchange = await harness.interact(modalSubmit('paste:quiz:mode', { mode: 'x' }, ada, harness.fake.applicationId), ada);
    const shown = await exchange.answer();
    expect(shown.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedOf(shown.data).title).toBe('That button is not valid');
  });

  test('GIVEN /explain-dockerfile with a long attached Dockerfile THEN it is downloaded, explained, cut with "and N more", and the full report attached', async () => {
    harness.fake.stubNext('GET', /^\/files\/Dockerfile$/, { status: 200, raw: LONG_DOCKERFILE });
    const file = { url: `${harness.fake.apiUrl}/v10/files/Dockerfile`, size: LONG_DOCKERFILE.length, filename: 'Dockerfile' };
    const exchange = await harness.interact(slashCommandWithFile('explain-dockerfile', 'file', file, ada, harness.fake.applicationId), ada);
    expect((exchange.callback.body as { type: number }).type).toBe(5);
    const shown = await exchange.answer();
    const embed = embedOf(shown.data);
    expect(embed.description).toMatch(/…and \d+ more \(all in the attached report\)\./);
    expect(shown.files.map((f) => f.name)).toEqual(['dockerfile-explained.md']);
    expect(new TextDecoder().decode(shown.files[0]!.bytes)).toContain('line 151: `COPY part149 /app/part149`');
  });

  test('GIVEN an attachment over 64 KB THEN it is refused by its size, without downloading it', async () => {
    const file = { url: `${harness.fake.apiUrl}/v10/files/huge`, size: 200_000, filename: 'huge.txt' };
    const shown = await (await harness.interact(slashCommandWithFile('explain-dockerfile', 'file', file, ada, harness.fake.applicationId), ada)).answer();
    expect(embedOf(shown.data)).toMatchObject({ title: 'That file is too large' });
    expect(harness.fake.requests.some((r) => r.path === '/files/huge')).toBe(false);
  });
});
