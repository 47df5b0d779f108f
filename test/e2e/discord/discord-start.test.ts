import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiscordStartError } from '../../../src/adapters/discord/discord-start-error.ts';
import { publishCommands } from '../../../src/adapters/discord/publish-commands.ts';
import { startDiscord } from '../../../src/adapters/discord/start-discord.ts';
import { CommandRegistry, createCommandRegistry } from '../../../src/core/index.ts';
import { createLogger } from '../../../src/logger.ts';
import { freePort } from '../../fixtures/free-port.ts';
import { CHILD_TIMEOUT, launchScript, type Run } from '../../fixtures/launch-script.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { TEST_TOKEN } from './discord-harness.ts';
import { FakeDiscord } from './fake-discord.ts';
import { GUILD_ID, inServer, slashCommand, text, user } from './interaction-payloads.ts';
import { TEST_COMMANDS } from './test-commands.ts';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../../fixtures/child-process-budget.ts';

const REJECTED_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAz.GrEsEt.this-token-was-reset-in-the-developer-portal';

let fake: FakeDiscord;
const folder = mkdtempSync(join(tmpdir(), 'stevedore-discord-'));
// Each process takes a few seconds to load TypeScript, the knowledge and discord.js: all three start at once.
let bot: Run;
let rejected: Run;
let register: Run;
let healthPort: number;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  fake.rejectToken(REJECTED_TOKEN);
  healthPort = await freePort();
  bot = launch('src/main.ts', [], { ...discordEnv(TEST_TOKEN, 'debug'), HEALTH_PORT: String(healthPort) }, 'bot.db');
  rejected = launch('src/main.ts', [], discordEnv(REJECTED_TOKEN, 'debug'), 'rejected.db');
  register = launch('src/cli/register-commands.ts', ['--guild', GUILD_ID], discordEnv(TEST_TOKEN));
});
afterAll(async () => {
  bot.child.kill('SIGKILL');
  await fake.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts a script with only the given settings and its own database file. */
function launch(script: string, args: string[], env: Record<string, string>, database = 'unused.db'): Run {
  return launchScript(script, args, { DATABASE_PATH: join(folder, database), ...env });
}

/** The JSON log entries among a process's stderr lines (the other lines are start-up messages). */
function logEntries(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const discordEnv = (token: string, level = 'info') => ({
  DISCORD_TOKEN: token,
  DISCORD_APP_ID: fake.applicationId,
  DISCORD_API_URL: fake.apiUrl,
  LOG_LEVEL: level,
});

describe('npm start with Discord configured', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test('GIVEN a valid token THEN it connects, answers a slash command and /health, and stops cleanly on SIGTERM without logging the token', async () => {
    const run = bot;
    await fake.waitUntilConnected();
    // The health endpoint listens once Discord is connected: poll until it answers.
    const health = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${healthPort}/health`);
        return { status: response.status, body: (await response.json()) as unknown };
      } catch {
        return undefined;
      }
    };
    await expect.poll(health, { timeout: 30_000, interval: 100 }).toEqual({
      status: 200,
      body: { status: 'ok', store: 'ok', platforms: { discord: 'connected' }, scheduler: { lastTick: expect.any(String), stale: false } },
    });
    const ask = slashCommand('ask', [text('question', 'what is a volume')], inServer(user('1300000000000000031', 'ada')), fake.applicationId);
    const callback = fake.waitForRequest((r) => r.path === `/interactions/${String(ask['id'])}/${String(ask['token'])}/callback`);
    fake.dispatch('INTERACTION_CREATE', ask);
    expect(await callback).toMatchObject({ status: 204, body: { type: 4, data: { embeds: [{ title: 'Volumes' }] } } });

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    // stderr is no terminal here, so the log is JSON lines, as in production.
    expect(logEntries(run.output.stderr)).toContainEqual(expect.objectContaining({ level: 'info', msg: expect.stringMatching(/^connected to Discord as Stevedore/) }));
    expect(logEntries(run.output.stderr)).toContainEqual(expect.objectContaining({ level: 'info', msg: expect.stringMatching(/^SIGTERM: disconnecting from Discord/) }));
    // discord.js reports its own clean close as "reconnecting"; a deliberate stop is not a lost connection.
    expect(run.output.stderr).not.toMatch(/lost: reconnecting/);
    expect(run.output.stderr).not.toContain('console chat');
    for (const part of TEST_TOKEN.split('.')) expect(run.output.stdout + run.output.stderr).not.toContain(part);
  }, CHILD_TIMEOUT);

  test('GIVEN a token Discord rejects THEN it ends with one clear line and a non-zero exit, the token nowhere even in debug logs', async () => {
    const run = rejected;
    expect(await run.exit).toBe(1);
    const lines = run.output.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (your application, Bot, Reset Token) and put the new one in .env.');
    // Everything before it is the debug log, one JSON object per entry.
    expect(logEntries(lines.slice(0, -1).join('\n')).filter((entry) => entry['level'] === 'debug').length).toBeGreaterThan(0);
    for (const part of REJECTED_TOKEN.split('.')) expect(run.output.stdout + run.output.stderr).not.toContain(part);
  }, CHILD_TIMEOUT);

  test('GIVEN an application id that is not the token\'s THEN start-up stops and says so', async () => {
    const own = await FakeDiscord.start();
    const app = await createTestApp();
    const logger = createLogger({ write: () => undefined });
    const started = startDiscord(app, { token: TEST_TOKEN, appId: '1999999999999999999', logger, rest: { api: own.apiUrl, retries: 0 } });
    await expect(started).rejects.toThrow(DiscordStartError);
    await expect(started).rejects.toThrow(`DISCORD_APP_ID is not the application of DISCORD_TOKEN (the token belongs to application ${own.applicationId}). See .env.example.`);
    await app.close();
    await own.close();
  });
});

describe('npm run register', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  const published = (path: string) => fake.requests.filter((r) => r.method === 'PUT' && r.path === path);

  test('GIVEN --guild THEN every command is published to that server (without the global-only fields), and publishing again sends the same set', async () => {
    const cli = register;
    expect(await cli.exit).toBe(0);
    expect(cli.output.stdout).toBe(
      `Published 16 slash commands to server ${GUILD_ID}, where they show at once: /ask /explain /explain-command /explain-dockerfile /topics /quiz /review /stats /leaderboard /settings /undo /reset /daily /diagram /forget-me /help\n`,
    );
    const again = await publishCommands(createCommandRegistry(), { token: TEST_TOKEN, appId: fake.applicationId, guildId: GUILD_ID, rest: { api: fake.apiUrl } });
    expect(again).toEqual({ ok: true, names: ['ask', 'explain', 'explain-command', 'explain-dockerfile', 'topics', 'quiz', 'review', 'stats', 'leaderboard', 'settings', 'undo', 'reset', 'daily', 'diagram', 'forget-me', 'help'] });

    const path = `/applications/${fake.applicationId}/guilds/${GUILD_ID}/commands`;
    const [once, twice] = published(path);
    expect(twice!.body).toEqual(once!.body);
    expect(twice!.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);
    const commands = once!.body as Array<Record<string, unknown>>;
    expect(commands.find((c) => c['name'] === 'quiz')).toEqual({
      type: 1,
      name: 'quiz',
      description: 'Quiz yourself: a flash card, or a multiple-choice question with mode:mcq',
      options: [
        {
          type: 3,
          name: 'mode',
          description: 'cards (flash cards, the default) or mcq (multiple choice)',
          required: false,
          choices: [
            { name: 'cards', value: 'cards' },
            { name: 'mcq', value: 'mcq' },
          ],
        },
        { type: 3, name: 'topic', description: 'A topic to stick to, e.g. "volumes"', required: false, max_length: 100, autocomplete: true },
      ],
      default_member_permissions: null,
    });
    expect(commands.find((c) => c['name'] === 'ask')).toMatchObject({
      options: [{ type: 3, name: 'question', description: 'Your question, e.g. "image vs container?"', required: true, autocomplete: true }],
    });
    expect(fake.commands.get(path)).toHaveLength(16);
  }, CHILD_TIMEOUT);

  test('GIVEN a command that needs Manage Server THEN it is declared so, offered in servers only, and published globally', async () => {
    const registry = new CommandRegistry([...createCommandRegistry().list().map((e) => e.command), ...TEST_COMMANDS]);
    const result = await publishCommands(registry, { token: TEST_TOKEN, appId: fake.applicationId, rest: { api: fake.apiUrl } });
    expect(result).toMatchObject({ ok: true });
    const [request] = published(`/applications/${fake.applicationId}/commands`);
    const commands = request!.body as Array<Record<string, unknown>>;
    expect(commands.find((c) => c['name'] === 'server-settings')).toMatchObject({ default_member_permissions: '32', contexts: [0], integration_types: [0] });
    expect(commands.find((c) => c['name'] === 'ask')).toMatchObject({ default_member_permissions: null, contexts: [0, 1], integration_types: [0] });
  });

  test('GIVEN a rejected token THEN it says so', async () => {
    const result = await publishCommands(createCommandRegistry(), { token: REJECTED_TOKEN, appId: fake.applicationId, rest: { api: fake.apiUrl } });
    expect(result).toEqual({ ok: false, message: 'Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (your application, Bot, Reset Token).' });
  });
});
