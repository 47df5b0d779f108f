import { once } from 'node:events';
import { hostname } from 'node:os';
import { Client, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';
import type { CommandRegistry, CoreServices } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { DailyScheduler, DAILY_SCHEDULER_DEFAULTS, type DailySchedulerOptions } from '../../daily/index.ts';
import { InFlightWork } from '../in-flight-work.ts';
import { createDiscordDailyPoster, DAILY_SEND_TIMEOUT_MS } from './discord-daily-poster.ts';
import { createDiscordReminderSender } from './discord-reminder-sender.ts';
import { describeDiscordError } from './describe-discord-error.ts';
import { DiscordStartError } from './discord-start-error.ts';
import { createInteractionRouter } from './interaction-router.ts';
import { inviteUrl } from './invite-url.ts';
import { logClientEvents } from './log-client-events.ts';
import { ShardHeartbeat, type ShardHeartbeatOptions } from './shard-heartbeat.ts';
import { formatShardRange, shardIdsOf, type ShardRange } from './shard-range.ts';

export interface DiscordBotOptions {
  /** The bot token. It goes to discord.js and nowhere else. */
  token: string;
  /** The application id; start-up fails when the token belongs to another application. */
  appId: string;
  logger: Logger;
  /**
   * discord.js REST options. Tests point `api` at a fake Discord and shorten `timeout` and `retries`.
   *
   * @defaultValue discord.js's: Discord's API, 3 retries on 5xx, 15-second timeout
   */
  rest?: Partial<RESTOptions>;
  /**
   * The clock handed to the core.
   *
   * @defaultValue the system clock
   */
  now?: () => Date;
  /**
   * See `InteractionRouterOptions.deferAfterMs`.
   *
   * @defaultValue 1500
   */
  deferAfterMs?: number;
  /**
   * How long to wait for Discord's READY after logging in.
   *
   * @defaultValue 30000
   */
  readyTimeoutMs?: number;
  /**
   * Runs the daily-post scheduler for Discord in this process, with these options (the clock is `now`).
   *
   * @defaultValue no scheduler
   */
  daily?: DailySchedulerOptions;
  /**
   * The gateway shards this process runs (`DISCORD_SHARDS`); the other shards' guilds are another process's.
   *
   * @defaultValue every shard, as many as Discord's `GET /gateway/bot` recommends
   */
  shards?: ShardRange;
  /**
   * How often this process records its shards in the Store and checks that no other live process sharing the
   * database runs the same ones (`ShardHeartbeat`).
   *
   * @defaultValue `SHARD_HEARTBEAT_DEFAULTS`: every 30 s, others alive for 90 s after their last beat
   */
  shardHeartbeat?: ShardHeartbeatOptions;
  /**
   * Called when Discord ends the session for good; discord.js does not reconnect after that.
   *
   * @defaultValue nothing beyond the log line
   */
  onSessionLost?: () => void;
  /**
   * On `stop()`, how long to wait for interactions being answered (and the scheduler's sends in flight) before
   * disconnecting anyway. Within Docker's 10-second stop grace period, with room for closing the store.
   *
   * @defaultValue 5000
   */
  drainTimeoutMs?: number;
}

/** What `stop()` waits for at most, by default, in milliseconds. */
export const DISCORD_DRAIN_TIMEOUT_MS = 5_000;

/** A connected bot. */
export interface DiscordBot {
  readonly client: Client<true>;
  /** The daily-post scheduler, when `daily` was given. */
  readonly daily: DailyScheduler | undefined;
  /** The shards this process runs, as discord.js resolved them (all of them unless `shards` was given). */
  readonly shards: ShardRange;
  /**
   * Stops taking interactions (new ones are left unanswered), waits up to `drainTimeoutMs` for those being
   * answered and for the scheduler's sends in flight (its unstarted claims are released), then disconnects.
   * Call before closing the store. Safe to call twice.
   */
  stop(): Promise<void>;
}

/**
 * Connects to Discord and answers interactions with the core until stopped. Only the Guilds intent is asked
 * for: slash commands and buttons arrive as interactions, which need no intent, and Guilds lets discord.js know
 * its servers. Throws `DiscordStartError` with one clear line when Discord refuses the token or cannot be reached.
 */
export async function startDiscord(app: { registry: CommandRegistry; services: CoreServices }, options: DiscordBotOptions): Promise<DiscordBot> {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // A range of shards when several processes share the bot (docs/scaling.md); otherwise as many gateway
    // connections as Discord recommends (one below 2,500 servers; it refuses one above). discord.js takes an
    // explicit count with explicit ids: without it, it would count only this process's shards.
    ...(options.shards ? { shards: shardIdsOf(options.shards), shardCount: options.shards.count } : { shards: 'auto' as const }),
    // No reply may ping anyone; each message says so too.
    allowedMentions: { parse: [] },
    rest: options.rest ?? {},
    // Messages are never read back, so none are cached.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
  let stopping = false;
  logClientEvents(client, logger, options.onSessionLost ?? (() => undefined), () => stopping);
  const daily = options.daily
    ? new DailyScheduler(
        {
          store: app.services.store,
          deck: app.services.deck,
          posters: [createDiscordDailyPoster(client.rest, Math.min(DAILY_SEND_TIMEOUT_MS, (options.daily.leaseMs ?? DAILY_SCHEDULER_DEFAULTS.leaseMs) / 2))],
          reminderSenders: [createDiscordReminderSender(client)],
          clock: options.now ?? (() => new Date()),
          newId: app.services.newId,
          log: logger,
        },
        options.daily,
      )
    : undefined;
  const services = daily ? { ...app.services, daily } : app.services;
  const route = createInteractionRouter({ registry: app.registry, services, logger, ...pick(options, 'now', 'deferAfterMs') });
  const inFlight = new InFlightWork();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!inFlight.run(() => route(interaction))) logger.debug(`shutting down: interaction ${interaction.id} left unanswered`);
  });

  const waiting = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.any([waiting.signal, AbortSignal.timeout(options.readyTimeoutMs ?? 30_000)]) });
  ready.catch(() => undefined);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    waiting.abort();
    await client.destroy();
    throw startError(error);
  }

  const connected = client as Client<true>;
  if (connected.application.id !== options.appId) {
    await client.destroy();
    throw new DiscordStartError(
      `DISCORD_APP_ID is not the application of DISCORD_TOKEN (the token belongs to application ${connected.application.id}). See .env.example.`,
    );
  }
  // Without a range, discord.js ran every shard of the count Discord recommended, which it resolved on login.
  const served: ShardRange = options.shards ?? { first: 0, last: connected.options.shardCount! - 1, count: connected.options.shardCount! };
  logger.info(
    `connected to Discord as ${connected.user.tag}, in ${connected.guilds.cache.size} servers, shards ${formatShardRange(served)}. Invite link: ${inviteUrl(options.appId)}`,
  );
  const heartbeat = new ShardHeartbeat(
    {
      heartbeats: app.services.store.heartbeats,
      log: logger,
      clock: options.now ?? (() => new Date()),
      processId: app.services.newId(),
      host: hostname(),
      pid: process.pid,
      shards: served,
    },
    options.shardHeartbeat,
  );
  await heartbeat.start();
  daily?.start();
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    stopping = true;
    const drainTimeoutMs = options.drainTimeoutMs ?? DISCORD_DRAIN_TIMEOUT_MS;
    const [left, dailyStopped] = await Promise.all([inFlight.drain(drainTimeoutMs), within(daily?.stop(), drainTimeoutMs), heartbeat.stop()]);
    if (left > 0) logger.warn(`Discord: ${left} interaction(s) still being answered after ${drainTimeoutMs} ms; disconnecting anyway`);
    // A send cut off here is retried by the next claim, within the nonce window (docs/daily.md).
    if (!dailyStopped) logger.warn(`Daily posts: sends still in flight after ${drainTimeoutMs} ms; disconnecting anyway`);
    await client.destroy();
  };
  return { client: connected, daily, shards: served, stop: () => (stopped ??= stop()) };
}

function startError(error: unknown): DiscordStartError {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return new DiscordStartError(
      'Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (your application, Bot, Reset Token) and put the new one in .env.',
      { cause: error },
    );
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new DiscordStartError('Discord did not confirm the connection in time; check the network and try again.', { cause: error });
  }
  return new DiscordStartError(`Could not connect to Discord: ${describeDiscordError(error)}`, { cause: error });
}

/** Whether `work` settled within `ms` milliseconds (true when there is none). */
async function within(work: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([work.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)))]);
  clearTimeout(timer);
  return settled;
}

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}
