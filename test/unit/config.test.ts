import { describe, expect, test } from 'vitest';
import { discordSettings, loadConfig } from '../../src/config.ts';

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
    expect(loaded.ok && discordSettings(loaded.config)).toEqual({ token: TOKEN, appId: APP_ID });
  });

  test.each([
    ['a token without an application id', { DISCORD_TOKEN: TOKEN }, 'Setting DISCORD_APP_ID is missing: DISCORD_TOKEN is set, and Discord needs both. See .env.example.'],
    ['an application id without a token', { DISCORD_APP_ID: APP_ID }, 'Setting DISCORD_TOKEN is missing: DISCORD_APP_ID is set, and Discord needs both. See .env.example.'],
    ['a malformed application id', { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: 'my-bot' }, /^Setting DISCORD_APP_ID is invalid: must be the application id/],
    ['an API address that is not a URL', { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: 'discord' }, /^Setting DISCORD_API_URL is invalid/],
  ])('GIVEN %s THEN start-up stops with one line naming the setting', (_, env, message) => {
    const loaded = loadConfig(env);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message).toMatch(message);
      expect(loaded.message).not.toContain('\n');
    }
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
});
