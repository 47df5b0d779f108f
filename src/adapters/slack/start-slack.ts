import type { Server } from 'node:http';
import { App as BoltApp, HTTPReceiver, SocketModeReceiver, webApi, type CustomRoute } from '@slack/bolt';
import type { SlackConnection } from '../../config.ts';
import type { CommandRegistry, CoreServices } from '../../core/index.ts';
import { DailyScheduler, type DailySchedulerOptions } from '../../daily/index.ts';
import type { Logger, LogLevel } from '../../logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { createSlackDailyChecks } from './slack-daily-checks.ts';
import { dailyPostClientOptions, SlackDailyPoster } from './slack-daily-poster.ts';
import { SlackDelivery } from './slack-delivery.ts';
import { describeSlackError, slackErrorCode, TOKEN_LOST_ERRORS } from './slack-errors.ts';
import { InFlightWork } from '../in-flight-work.ts';
import { listenToSlack, type SlackListenerOptions } from './slack-listeners.ts';
import { SlackPeople } from './slack-people.ts';
import { SlackReminderSender } from './slack-reminder-sender.ts';
import { SlackStartError } from './slack-start-error.ts';

/** How often the Web API client retries a call (a 429 after its `Retry-After`, a network error) before giving up. */
export type RetryConfig = webApi.RetryOptions;

/**
 * A few retries, then the error: Slack's client would otherwise retry for about 30 minutes and hold the
 * handler (and the person waiting) all that time.
 */
export const DEFAULT_RETRY_CONFIG: RetryConfig = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5_000, maxRetryTime: 30_000 };

export interface SlackBotOptions {
  /** The bot token (`xoxb-`). It goes to Bolt and nowhere else. */
  botToken: string;
  connection: SlackConnection;
  logger: Logger;
  /**
   * The level Bolt logs at; our logger filters too, this only spares Bolt building debug lines.
   *
   * @defaultValue 'info'
   */
  logLevel?: LogLevel;
  /**
   * Slack's Web API, ending in `/`. Tests point it at a fake Slack.
   *
   * @defaultValue Slack's own
   */
  apiUrl?: string;
  /**
   * The Web API client's retries for handlers' calls.
   *
   * @defaultValue `DEFAULT_RETRY_CONFIG`
   */
  retryConfig?: RetryConfig;
  /**
   * HTTP mode only: the address to listen on, and routes served beside `/slack/events` (a health check).
   *
   * @defaultValue every interface, no extra routes
   */
  host?: string;
  customRoutes?: CustomRoute[];
  /**
   * Socket Mode only: milliseconds to wait for a pong, and the step of the reconnection back-off (the n-th
   * attempt in a row waits n times this).
   *
   * @defaultValue 5000 (the Socket Mode client's)
   */
  clientPingTimeoutMs?: number;
  /** The clock handed to the core. @defaultValue the system clock */
  now?: () => Date;
  /** See `SlackListenerOptions.pressWindowMs`. */
  pressWindowMs?: number;
  /**
   * Runs the daily-post scheduler for Slack in this process, with these options (the clock is `now`): it claims
   * only Slack's schedules and Slack learners' reminders (direct messages, `SlackReminderSender`).
   *
   * @defaultValue no scheduler: `/docker daily` answers that daily posts are not running here
   */
  daily?: DailySchedulerOptions;
  /**
   * Called once when Slack says the bot token stopped working (revoked, the app uninstalled). The Slack
   * front end has stopped itself by then.
   *
   * @defaultValue nothing beyond the log line
   */
  onSessionLost?: () => void;
  /**
   * On `stop()`, how long to wait for interactions being answered after Slack stopped sending new ones.
   *
   * @defaultValue 5000
   */
  drainTimeoutMs?: number;
}

/** What `stop()` waits for interactions at most, by default, in milliseconds. */
export const SLACK_DRAIN_TIMEOUT_MS = 5_000;

/** A connected Slack front end. */
export interface SlackBot {
  readonly mode: SlackConnection['mode'];
  /** The bot's user id and workspace, from `auth.test`. */
  readonly botUserId: string;
  readonly teamId: string;
  /** HTTP mode: the port it listens on. */
  readonly port?: number;
  /** The daily-post scheduler, when `daily` was given. */
  readonly daily: DailyScheduler | undefined;
  /**
   * Stops the scheduler (finishing the sends it started), disconnects (Socket Mode) or stops listening (HTTP),
   * then waits up to `drainTimeoutMs` for the interactions being answered. Call before closing the store. Safe
   * to call twice.
   */
  stop(): Promise<void>;
}

/**
 * Checks the bot token (`auth.test`), then starts Bolt in Socket Mode or HTTP mode and answers Slack with the
 * core until stopped. Throws `SlackStartError` with one clear line when Slack refuses a token or cannot be
 * reached, or the port is taken.
 */
export async function startSlack(app: { registry: CommandRegistry; services: CoreServices }, options: SlackBotOptions): Promise<SlackBot> {
  const { logger, connection } = options;
  const now = options.now ?? (() => new Date());
  const log = boltLogger(logger, options.logLevel ?? 'info');
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    logger: log,
  };

  const auth = await checkToken(options.botToken, clientOptions);
  const receiver =
    connection.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: connection.appToken,
          logger: log,
          ...(options.clientPingTimeoutMs ? { clientPingTimeout: options.clientPingTimeoutMs } : {}),
          // The Socket Mode client has a Web API client of its own, for `apps.connections.open`; reconnecting
          // is worth more patience than a handler's call.
          installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 10, factor: 1.6, maxTimeout: 30_000 } } },
        })
      : new HTTPReceiver({ signingSecret: connection.signingSecret, logger: log, customRoutes: options.customRoutes ?? [], processBeforeResponse: false });
  const bolt = new BoltApp({ token: options.botToken, botId: auth.botId, botUserId: auth.userId, receiver, logger: log, clientOptions });

  // Every request Bolt processes, from its arrival to the end of its listener, so a shutdown can wait for it.
  const inFlight = new InFlightWork();
  bolt.use(async ({ next }) => {
    await (inFlight.run(next) ?? Promise.resolve());
  });
  let daily: DailyScheduler | undefined;
  let stopped: Promise<void> | undefined;
  const stopReceiving = () =>
    (stopped ??= (daily?.stop() ?? Promise.resolve()).then(() =>
      bolt.stop().then(() => undefined, (error: unknown) => logger.warn(`stopping Slack: ${describeSlackError(error)}`)),
    ));
  /** Stops the scheduler and receiving, then waits (bounded) for the interactions being answered. */
  const stop = async () => {
    await stopReceiving();
    const drainTimeoutMs = options.drainTimeoutMs ?? SLACK_DRAIN_TIMEOUT_MS;
    const left = await inFlight.drain(drainTimeoutMs);
    if (left > 0) logger.warn(`Slack: ${left} interaction(s) still being answered after ${drainTimeoutMs} ms; stopping anyway`);
  };
  let lost = false;
  const onTokenLost = (code: string) => {
    if (lost) return;
    lost = true;
    logger.error(`Slack says ${code}: the bot token no longer works, so the Slack front end stops. Reinstall the app and update SLACK_BOT_TOKEN.`);
    // No drain: with the token gone, nothing in flight can be delivered.
    void stopReceiving().then(() => options.onSessionLost?.());
  };
  const commandNames = app.registry.list().map((e) => e.command.name);
  const delivery = new SlackDelivery({ client: bolt.client, logger, commandNames, onTokenLost });
  const people = new SlackPeople({
    now,
    lookup: async (user) => {
      const found = await bolt.client.users.info({ user }).catch((error: unknown) => {
        logger.warn(`users.info: ${describeSlackError(error)}; using UTC and the user id for now`);
        throw error;
      });
      const profile = found.user?.profile;
      return { name: profile?.display_name || profile?.real_name || found.user?.name, timeZone: found.user?.tz };
    },
  });
  if (options.daily) {
    // A client of its own: daily posts must not be retried blindly (docs/daily.md), unlike a handler's calls.
    // Reminders share it: a direct message is not retried blindly either.
    const dailyClient = new webApi.WebClient(options.botToken, dailyPostClientOptions(clientOptions));
    const poster = new SlackDailyPoster({ client: dailyClient, logger, commandNames, onTokenLost });
    const reminderSender = new SlackReminderSender({ client: dailyClient, logger, commandNames, onTokenLost });
    daily = new DailyScheduler(
      { store: app.services.store, deck: app.services.deck, posters: [poster], reminderSenders: [reminderSender], clock: now, newId: app.services.newId, log: logger },
      options.daily,
    );
  }
  const services: CoreServices = daily ? { ...app.services, daily, dailyChecks: createSlackDailyChecks(bolt.client, logger) } : app.services;
  const listenerOptions: SlackListenerOptions = {
    registry: app.registry,
    services,
    logger,
    delivery,
    people,
    botUserId: auth.userId,
    now,
    isWorkspaceAdmin: async (user) => {
      try {
        const found = await bolt.client.users.info({ user });
        return found.user?.is_admin === true || found.user?.is_owner === true || found.user?.is_primary_owner === true;
      } catch (error) {
        delivery.report(error, 'users.info (is this person a workspace admin?)');
        return false;
      }
    },
    ...(options.pressWindowMs ? { pressWindowMs: options.pressWindowMs } : {}),
  };
  listenToSlack(bolt, listenerOptions);
  bolt.error(async (error) => {
    const code = slackErrorCode(error.original ?? error);
    if (code && TOKEN_LOST_ERRORS.has(code)) delivery.report(error.original ?? error, 'Slack');
    else logger.error(`Slack: ${describeSlackError(error.original ?? error)}`);
  });

  let port: number | undefined;
  try {
    if (connection.mode === 'socket') {
      await bolt.start();
    } else {
      const server = (await bolt.start(options.host ? { port: connection.port, host: options.host } : connection.port)) as Server;
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : connection.port;
    }
  } catch (error) {
    await stop();
    throw startError(error, connection);
  }
  logger.info(
    `connected to Slack workspace ${auth.team} (${auth.teamId}) as ${auth.user}, ` +
      (connection.mode === 'socket' ? 'in Socket Mode' : `in HTTP mode on port ${port}: Slack sends requests to /slack/events`),
  );
  daily?.start();
  return { mode: connection.mode, botUserId: auth.userId, teamId: auth.teamId, ...(port !== undefined ? { port } : {}), daily, stop };
}

interface BotIdentity {
  userId: string;
  botId: string;
  teamId: string;
  team: string;
  user: string;
}

/** `auth.test` with the bot token: who the bot is, or a `SlackStartError` saying what to fix. */
async function checkToken(token: string, clientOptions: webApi.WebClientOptions): Promise<BotIdentity> {
  // At start-up a dead network or a wrong URL should fail fast, not after the handlers' retries.
  const client = new webApi.WebClient(token, { ...clientOptions, retryConfig: { retries: 0 } });
  try {
    const auth = await client.auth.test();
    if (!auth.user_id || !auth.bot_id) throw new SlackStartError('SLACK_BOT_TOKEN is not a bot token: use the xoxb- Bot User OAuth Token. See docs/slack.md.');
    return { userId: auth.user_id, botId: auth.bot_id, teamId: auth.team_id ?? '', team: auth.team ?? '', user: auth.user ?? '' };
  } catch (error) {
    if (error instanceof SlackStartError) throw error;
    const code = slackErrorCode(error);
    if (code && TOKEN_LOST_ERRORS.has(code)) {
      throw new SlackStartError(`Slack rejected SLACK_BOT_TOKEN (${code}): install the app again and copy its Bot User OAuth Token into .env. See docs/slack.md.`, { cause: error });
    }
    throw new SlackStartError(`Could not reach Slack to check SLACK_BOT_TOKEN: ${describeSlackError(error)}`, { cause: error });
  }
}

function startError(error: unknown, connection: SlackConnection): SlackStartError {
  const code = slackErrorCode(error);
  if (connection.mode === 'socket' && code && (TOKEN_LOST_ERRORS.has(code) || code === 'invalid_auth')) {
    return new SlackStartError(`Slack rejected SLACK_APP_TOKEN (${code}): generate an app-level token with connections:write and put it in .env. See docs/slack.md.`, { cause: error });
  }
  if (connection.mode === 'http' && (error as { code?: unknown }).code === 'EADDRINUSE') {
    return new SlackStartError(`SLACK_PORT ${connection.port} is in use by another program: choose another port.`, { cause: error });
  }
  return new SlackStartError(`Could not connect to Slack: ${describeSlackError(error)}`, { cause: error });
}
