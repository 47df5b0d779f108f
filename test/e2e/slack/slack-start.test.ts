import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHILD_TIMEOUT, launchScript, stderrShows, type Run } from '../../fixtures/launch-script.ts';
import { TEST_TOKEN as DISCORD_TOKEN } from '../discord/discord-harness.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { FakeSlack } from './fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN } from './slack-harness.ts';
import { eventCallback, mention, SIGNING_SECRET } from './slack-payloads.ts';
import { freePort } from '../../fixtures/free-port.ts';

const REJECTED = 'xoxb-1000000000-2000000000-revokedalready';
const folder = mkdtempSync(join(tmpdir(), 'stevedore-slack-'));
let discord: FakeDiscord;
let slack: FakeSlack;
let rejectedSlack: FakeSlack;
let quietDiscord: FakeDiscord;
let quietSlack: FakeSlack;
let aloneSlack: FakeSlack;
let httpSlack: FakeSlack;
// Each process takes seconds to load TypeScript, the knowledge, discord.js and Bolt, and much longer on a busy
// machine: each test starts its own process, so its minute covers one start-up, not six at once on two cores.
const slackEnv = (fake: FakeSlack, token: string) => ({ SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' });
const bothEnv = (database: string, fakeDiscord: FakeDiscord, fakeSlack: FakeSlack) => ({
  DATABASE_PATH: join(folder, database),
  DISCORD_TOKEN,
  DISCORD_APP_ID: fakeDiscord.applicationId,
  DISCORD_API_URL: fakeDiscord.apiUrl,
  ...slackEnv(fakeSlack, BOT_TOKEN),
});
const runs: Run[] = [];
function start(env: Record<string, string>): Run {
  const run = launchScript('src/main.ts', [], env);
  runs.push(run);
  return run;
}
beforeAll(async () => {
  [discord, slack, rejectedSlack, quietDiscord, quietSlack] = await Promise.all([
    FakeDiscord.start(),
    FakeSlack.start(),
    FakeSlack.start(),
    FakeDiscord.start(),
    FakeSlack.start(),
  ]);
  aloneSlack = await FakeSlack.start();
  httpSlack = await FakeSlack.start();
  rejectedSlack.rejectToken(REJECTED);
});
afterAll(async () => {
  for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  await Promise.all([discord.close(), slack.close(), rejectedSlack.close(), quietDiscord.close(), quietSlack.close(), aloneSlack.close(), httpSlack.close()]);
  rmSync(folder, { recursive: true, force: true });
});

/** The health report on a port: its HTTP status and JSON body. */
async function healthOn(port: number): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: await response.json() };
}

describe('npm start with Slack configured', () => {
  test('GIVEN Discord and Slack THEN one process serves both; a revoked Slack token stops Slack alone; SIGTERM stops the rest, tokens never logged', async () => {
    const bothHealth = await freePort();
    const both = start({ ...bothEnv('both.db', discord, slack), HEALTH_PORT: String(bothHealth) });
    await stderrShows(both, /connected to Discord as/);
    await stderrShows(both, /connected to Slack workspace Test Workspace \(T1\) as stevedore, in Socket Mode/);
    await stderrShows(both, 'serving Discord and Slack');
    await slack.connected(1);
    await slack.sendEnvelope('events_api', eventCallback(mention('what is a volume')));
    await slack.waitFor((c) => c.method === 'chat.postMessage');
    await stderrShows(both, 'health report on http://127.0.0.1:');
    await expect.poll(() => healthOn(bothHealth), { timeout: 30_000 }).toEqual({
      status: 200,
      body: { status: 'ok', store: 'ok', platforms: { discord: 'connected', slack: 'connected' }, scheduler: { lastTick: expect.any(String), stale: false } },
    });

    slack.revokeTokens();
    await slack.sendEnvelope('events_api', eventCallback(mention('what is a layer')));
    await stderrShows(both, 'Slack stopped; still serving Discord');
    expect(both.child.exitCode).toBeNull();
    expect(await healthOn(bothHealth)).toMatchObject({ status: 503, body: { status: 'unhealthy', platforms: { discord: 'connected', slack: 'token-revoked' } } });

    both.child.kill('SIGTERM');
    expect(await both.exit).toBe(0);
    expect(both.output.stderr).toMatch(/"msg":"SIGTERM: disconnecting from Discord"\}\n/);
    const output = both.output.stdout + both.output.stderr;
    for (const secret of [BOT_TOKEN, APP_TOKEN, ...DISCORD_TOKEN.split('.')]) expect(output).not.toContain(secret);
  }, CHILD_TIMEOUT);

  test("GIVEN Slack in HTTP mode THEN the health report is also served on Slack's port", async () => {
    // HTTP mode: Bolt listens on SLACK_PORT, and the health report is a route there too.
    const slackPort = await freePort();
    const http = start({ DATABASE_PATH: join(folder, 'http.db'), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(slackPort), SLACK_API_URL: httpSlack.apiUrl });
    await stderrShows(http, 'serving Slack');
    // Slack's daily scheduler ticks once at start, so the report soon has its last tick (the tick runs after
    // "serving Slack" is logged: on a busy machine it may not have finished when the line appears).
    await expect.poll(() => healthOn(slackPort), { timeout: 30_000 }).toEqual({ status: 200, body: { status: 'ok', store: 'ok', platforms: { slack: 'connected' }, scheduler: { lastTick: expect.any(String), stale: false } } });
    http.child.kill('SIGTERM');
    expect(await http.exit).toBe(0);
  }, CHILD_TIMEOUT);

  test('GIVEN Discord and Slack running THEN SIGTERM stops both, then the process ends cleanly', async () => {
    const stopped = start(bothEnv('stopped.db', quietDiscord, quietSlack));
    await stderrShows(stopped, 'serving Discord and Slack; SIGINT or SIGTERM stops');
    stopped.child.kill('SIGTERM');
    expect(await stopped.exit).toBe(0);
    expect(stopped.output.stderr).toMatch(/"msg":"SIGTERM: disconnecting from Discord and Slack"\}\n/);
  }, CHILD_TIMEOUT);

  test('GIVEN Slack alone and its token revoked while running THEN the process closes the store and exits with 1, for a supervisor', async () => {
    const alone = start({ DATABASE_PATH: join(folder, 'alone.db'), ...slackEnv(aloneSlack, BOT_TOKEN) });
    await stderrShows(alone, 'serving Slack');
    aloneSlack.revokeTokens();
    await aloneSlack.sendEnvelope('events_api', eventCallback(mention('what is a layer')));
    expect(await alone.exit).toBe(1);
    expect(alone.output.stderr).toMatch(/"msg":"Slack session lost, and no platform is left: disconnecting"\}\n/);
  }, CHILD_TIMEOUT);

  test('GIVEN a bot token Slack rejects THEN it ends with one clear line and a non-zero exit, the token nowhere', async () => {
    const rejected = start({ DATABASE_PATH: join(folder, 'rejected.db'), ...slackEnv(rejectedSlack, REJECTED) });
    expect(await rejected.exit).toBe(1);
    expect(rejected.output.stderr.trimEnd().split('\n').at(-1)).toBe(
      'Slack rejected SLACK_BOT_TOKEN (invalid_auth): install the app again and copy its Bot User OAuth Token into .env. See docs/slack.md.',
    );
    expect(rejected.output.stdout + rejected.output.stderr).not.toContain(REJECTED);
  }, CHILD_TIMEOUT);

  test('GIVEN half a Slack configuration THEN one line names what is missing', async () => {
    const half = start({ DATABASE_PATH: join(folder, 'half.db'), SLACK_BOT_TOKEN: BOT_TOKEN });
    expect(await half.exit).toBe(1);
    expect(half.output.stderr).toBe(
      'Setting SLACK_APP_TOKEN is missing: SLACK_BOT_TOKEN is set, and Slack also needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode). See .env.example.\n',
    );
  }, CHILD_TIMEOUT);
});
