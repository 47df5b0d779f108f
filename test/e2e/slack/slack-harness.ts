import { expect } from 'vitest';
import { METHOD_SCOPES } from '../../../src/adapters/slack/slack-scopes.ts';
import { startSlack, type RetryConfig, type SlackBot } from '../../../src/adapters/slack/start-slack.ts';
import type { App } from '../../../src/app.ts';
import type { DailySchedulerOptions } from '../../../src/daily/index.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { FakeSlack } from './fake-slack.ts';
import { eventCallback, sign, SIGNING_SECRET } from './slack-payloads.ts';

/** Shaped like Slack's tokens, but not real ones. */
export const BOT_TOKEN = 'xoxb-1000000000-2000000000-endtoendtestsecret';
export const APP_TOKEN = 'xapp-1-A0000000000-3000000000-endtoendtestsecret';
export const T0 = new Date('2026-11-23T09:00:00Z');

export interface SlackHarness {
  fake: FakeSlack;
  bot: SlackBot;
  app: App;
  logs: string[];
  sessionsLost: number;
  /** HTTP mode: POSTs a signed Events API callback around `event`; resolves with the HTTP status. */
  event(event: Record<string, unknown>, options?: { eventId?: string; headers?: Record<string, string> }): Promise<Response>;
  /** HTTP mode: POSTs a signed slash command. */
  command(fields: Record<string, string>): Promise<Response>;
  /** HTTP mode: POSTs a signed interaction payload. */
  action(payload: Record<string, unknown>): Promise<Response>;
  /** HTTP mode: POSTs a body with the given headers, signed or not. */
  post(body: string, headers: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export interface SlackHarnessOptions {
  mode: 'http' | 'socket';
  retryConfig?: RetryConfig;
  botToken?: string;
  appToken?: string;
  /** The clock of the bot and its scheduler. @defaultValue always `T0` */
  now?: () => Date;
  /** Runs the daily-post scheduler with these options. @defaultValue none */
  daily?: DailySchedulerOptions;
}

/**
 * Asserts that every Web API method the bot really called (not its `response_url` posts or file uploads) is
 * in the scope table the manifest test reads (`METHOD_SCOPES`).
 */
export function expectEveryCallScoped(fake: FakeSlack): void {
  const called = new Set(fake.calls.map((c) => c.method).filter((m) => m !== 'respond' && m !== 'upload'));
  for (const method of called) expect(Object.keys(METHOD_SCOPES), method).toContain(method);
}

/**
 * The real app (shipped knowledge, in-memory store, seeded randomness, a fixed clock) and the real Bolt app
 * in HTTP mode on 127.0.0.1 or in Socket Mode, against a fresh fake Slack.
 */
export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  const app = await createTestApp();
  const logs: string[] = [];
  const botToken = options.botToken ?? BOT_TOKEN;
  const appToken = options.appToken ?? APP_TOKEN;
  const logger = createLogger({ level: 'debug', format: 'pretty', write: (line) => logs.push(line), secrets: [botToken, appToken, SIGNING_SECRET] });
  const harness = { sessionsLost: 0 };
  let bot: SlackBot;
  try {
    bot = await startSlack(app, {
      botToken,
      connection: options.mode === 'http' ? { mode: 'http', signingSecret: SIGNING_SECRET, port: 0 } : { mode: 'socket', appToken },
      logger,
      logLevel: 'debug',
      apiUrl: fake.apiUrl,
      retryConfig: options.retryConfig ?? { retries: 0 },
      host: '127.0.0.1',
      now: options.now ?? (() => T0),
      ...(options.daily ? { daily: options.daily } : {}),
      // Socket Mode keeps the library's own pong timeout (5 s, also its reconnection back-off step). A 100 ms
      // timeout here once made the real client drop and reopen the socket whenever this test process's loop
      // was held for a tenth of a second (a busy machine), and an envelope sent on the dropped socket was
      // never acked: the tests then failed on the fake's settings, not on the bot.
      onSessionLost: () => void (harness.sessionsLost += 1),
    });
  } catch (error) {
    await fake.close();
    await app.close();
    throw error;
  }

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${bot.port}/slack/events`, { method: 'POST', body, headers });
  const signedForm = (fields: Record<string, string>) => {
    const body = new URLSearchParams(fields).toString();
    return post(body, { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) });
  };
  return Object.assign(harness, {
    fake,
    bot,
    app,
    logs,
    post,
    event: (event: Record<string, unknown>, opts: { eventId?: string; headers?: Record<string, string> } = {}) => {
      const body = JSON.stringify(eventCallback(event, opts.eventId));
      return post(body, { 'content-type': 'application/json', ...sign(body), ...opts.headers });
    },
    command: signedForm,
    action: (payload: Record<string, unknown>) => signedForm({ payload: JSON.stringify(payload) }),
    stop: async () => {
      await bot.stop();
      await fake.close();
      await app.close();
    },
  });
}
