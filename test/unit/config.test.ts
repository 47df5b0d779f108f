import { describe, expect, test } from 'vitest';
import { cacheDirOf, discordSettings, loadConfig, secretsOf, slackSettings } from '../../src/config.ts';

// Shaped like a real bot token, but not one.
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP_ID = '1000000000000000001';

describe('settings', () => {
  test('GIVEN nothing set THEN the defaults apply and Discord is off', () => {
    const loaded = loadConfig({});
    expect(loaded.ok && discordSettings(loaded.config)).toBeUndefined();
  });

  test('GIVEN a token and an application id THEN Discord is configured', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID });
    expect(loaded.ok && discordSettings(loaded.config)).toEqual({ token: TOKEN, appId: APP_ID, dailyGraceMinutes: 120, dailyLeaseMs: 60_000, dailyTickMs: 15_000 });
  });

  test('GIVEN the daily lease and tick in seconds THEN Discord gets them in milliseconds', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DAILY_LEASE_SECONDS: '20', DAILY_TICK_SECONDS: '2' });
    expect(loaded.ok && discordSettings(loaded.config)).toMatchObject({ dailyLeaseMs: 20_000, dailyTickMs: 2_000 });
  });

  test.each([
    ['a token without an application id', { DISCORD_TOKEN: TOKEN }, 'Setting DISCORD_APP_ID is missing: DISCORD_TOKEN is set, and Discord needs both. See .env.example.'],
    ['an application id without a token', { DISCORD_APP_ID: APP_ID }, 'Setting DISCORD_TOKEN is missing: DISCORD_APP_ID is set, and Discord needs both. See .env.example.'],
    ['a malformed application id', { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: 'my-bot' }, /^Setting DISCORD_APP_ID is invalid: must be the application id/],
    ['a lease too long for the nonce window', { DAILY_LEASE_SECONDS: '300' }, 'Setting DAILY_LEASE_SECONDS is invalid: must be from 10 to 120 seconds. See .env.example.'],
    ['an API address that is not a URL', { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: 'discord' }, /^Setting DISCORD_API_URL is invalid/],
  ])('GIVEN %s THEN start-up stops with one line naming the setting', (_, env, message) => {
    const loaded = loadConfig(env);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message).toMatch(message);
      expect(loaded.message).not.toContain('\n');
    }
  });

  test('GIVEN DISCORD_SHARDS THEN Discord runs that range; unset, every shard (no range)', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARDS: '0-3/8' });
    expect(loaded.ok && discordSettings(loaded.config)).toMatchObject({ shards: { first: 0, last: 3, count: 8 } });
    const unset = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID });
    expect(unset.ok && discordSettings(unset.config)).not.toHaveProperty('shards');
  });

  test.each([
    ['8/8', 'Setting DISCORD_SHARDS names shard 8, but shards are numbered 0 to 7 when there are 8. See .env.example.'],
    ['half', 'Setting DISCORD_SHARDS must be a shard range such as 0-3/8 (shards 0 to 3 of 8) or 1/2 (shard 1 of 2). See .env.example.'],
  ])('GIVEN DISCORD_SHARDS=%s THEN start-up stops with one line naming it', (value, message) => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARDS: value })).toEqual({ ok: false, message });
  });

  test('GIVEN a malformed token THEN the line names the setting and never repeats the value', () => {
    const secret = 'Bot not-really-a-token-but-secret-anyway';
    const loaded = loadConfig({ DISCORD_TOKEN: secret, DISCORD_APP_ID: APP_ID });
    expect(loaded).toMatchObject({ ok: false, message: expect.stringMatching(/^Setting DISCORD_TOKEN is invalid: is not a bot token/) });
    expect(JSON.stringify(loaded)).not.toContain('not-really');
  });

  test('GIVEN both DATABASE_URL and DATABASE_PATH THEN PostgreSQL is used and a notice says DATABASE_PATH is ignored', () => {
    const loaded = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', DATABASE_PATH: './data/x.db' });
    expect(loaded).toMatchObject({ ok: true, notices: [expect.stringMatching(/using the PostgreSQL database in DATABASE_URL; DATABASE_PATH is ignored/)] });
  });

  test('GIVEN only one database setting THEN there is no notice', () => {
    expect(loadConfig({ DATABASE_PATH: './data/x.db' })).toMatchObject({ ok: true, notices: [] });
  });

  test('GIVEN CACHE_DIR THEN ./.cache/stevedore by default, the folder given, and none for off in any case', () => {
    const dirOf = (env: NodeJS.ProcessEnv) => {
      const loaded = loadConfig(env);
      if (!loaded.ok) throw new Error(loaded.message);
      return cacheDirOf(loaded.config);
    };
    expect(dirOf({})).toBe('./.cache/stevedore');
    expect(dirOf({ CACHE_DIR: '  ' })).toBe('./.cache/stevedore');
    expect(dirOf({ CACHE_DIR: '/var/cache/stevedore' })).toBe('/var/cache/stevedore');
    expect(dirOf({ CACHE_DIR: 'off' })).toBeUndefined();
    expect(dirOf({ CACHE_DIR: 'OFF' })).toBeUndefined();
  });

  test('GIVEN STEVEDORE_NO_CONSOLE THEN it is 0 by default, 1 when the image sets it, and any other value is refused with one line', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { STEVEDORE_NO_CONSOLE: '0' } });
    expect(loadConfig({ STEVEDORE_NO_CONSOLE: '1' })).toMatchObject({ ok: true, config: { STEVEDORE_NO_CONSOLE: '1' } });
    expect(loadConfig({ STEVEDORE_NO_CONSOLE: 'yes' })).toEqual({ ok: false, message: 'Setting STEVEDORE_NO_CONSOLE is invalid: must be 1 (no console chat) or 0. See .env.example.' });
  });
});

// Shaped like Slack's tokens and secrets, but not real ones.
const BOT = 'xoxb-1000000000-2000000000-abcdefghijklmnopqrstuvwx';
const APP = 'xapp-1-A0000000000-3000000000-0123456789abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

describe('Slack settings', () => {
  test('GIVEN nothing set THEN Slack is off', () => {
    const loaded = loadConfig({});
    expect(loaded.ok && slackSettings(loaded.config)).toBeUndefined();
  });

  test('GIVEN a bot token and an app token THEN Slack runs in Socket Mode', () => {
    const loaded = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(loaded.ok && slackSettings(loaded.config)).toEqual({ botToken: BOT, connection: { mode: 'socket', appToken: APP }, dailyGraceMinutes: 120, dailyLeaseMs: 60_000, dailyTickMs: 15_000 });
    expect(loaded.ok && loaded.notices).toEqual([]);
  });

  test('GIVEN a bot token and a signing secret THEN Slack runs in HTTP mode on SLACK_PORT, 3000 by default', () => {
    const byDefault = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(byDefault.ok && slackSettings(byDefault.config)?.connection).toEqual({ mode: 'http', signingSecret: SECRET, port: 3000 });
    const onPort = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(onPort.ok && slackSettings(onPort.config)).toMatchObject({ connection: { port: 8080 }, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  test('GIVEN all three THEN Socket Mode wins, with a notice that the signing secret is ignored', () => {
    const loaded = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET });
    expect(loaded.ok && slackSettings(loaded.config)?.connection.mode).toBe('socket');
    expect(loaded.ok && loaded.notices).toEqual(['Both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set: using Socket Mode; SLACK_SIGNING_SECRET is ignored.']);
  });

  test.each([
    ['a bot token alone', { SLACK_BOT_TOKEN: BOT }, /^Setting SLACK_APP_TOKEN is missing: SLACK_BOT_TOKEN is set, and Slack also needs SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP mode\)/],
    ['an app token alone', { SLACK_APP_TOKEN: APP }, /^Setting SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN is set/],
    ['a signing secret alone', { SLACK_SIGNING_SECRET: SECRET }, /^Setting SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set/],
    ['a user token for the bot token', { SLACK_BOT_TOKEN: 'xoxp-1234567890-abcdef', SLACK_APP_TOKEN: APP }, /^Setting SLACK_BOT_TOKEN is invalid: is not a bot token/],
    ['a bot token for the app token', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, /^Setting SLACK_APP_TOKEN is invalid: is not an app-level token/],
    ['a short signing secret', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'abc123' }, /^Setting SLACK_SIGNING_SECRET is invalid: is not a signing secret/],
    ['a port that is not a number', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: 'http' }, /^Setting SLACK_PORT is invalid: must be a port number/],
    ['a port out of range', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: '70000' }, /^Setting SLACK_PORT is invalid: must be a port number from 1 to 65535/],
    ['an API address that is not a URL', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'slack' }, /^Setting SLACK_API_URL is invalid/],
    ['a log format that is neither json nor pretty', { LOG_FORMAT: 'xml' }, /^Setting LOG_FORMAT is invalid: must be json or pretty/],
    ['a health port out of range', { HEALTH_PORT: '0' }, /^Setting HEALTH_PORT is invalid: must be a port number from 1 to 65535/],
  ])('GIVEN %s THEN start-up stops with one line naming the setting, without its value', (_, env, message) => {
    const loaded = loadConfig(env);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message).toMatch(message);
      expect(loaded.message).not.toContain('\n');
      for (const value of Object.values(env)) expect(loaded.message).not.toContain(value);
    }
  });

  test('GIVEN no LOG_FORMAT nor HEALTH_PORT THEN the format is left to the logger and the health endpoint is off, on 127.0.0.1 when set', () => {
    const byDefault = loadConfig({});
    expect(byDefault.ok && [byDefault.config.LOG_FORMAT, byDefault.config.HEALTH_PORT, byDefault.config.HEALTH_HOST]).toEqual([undefined, undefined, '127.0.0.1']);
    const set = loadConfig({ LOG_FORMAT: 'json', HEALTH_PORT: '8080' });
    expect(set.ok && [set.config.LOG_FORMAT, set.config.HEALTH_PORT]).toEqual(['json', 8080]);
  });

  test('GIVEN both platforms THEN every token and secret is handed to the logger to redact', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET });
    expect(loaded.ok && discordSettings(loaded.config) && slackSettings(loaded.config)).toBeTruthy();
    expect(loaded.ok && secretsOf(loaded.config)).toEqual(expect.arrayContaining([TOKEN, ...TOKEN.split('.'), BOT, APP, SECRET]));
  });
});
