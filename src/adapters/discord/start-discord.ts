import { once } from 'node:events';
import { Client, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';
import type { CommandRegistry, CoreServices } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { DailyScheduler, DAILY_SCHEDULER_DEFAULTS, type DailySchedulerOptions } from '../../daily/index.ts';
import { createDiscordDailyPoster, DAILY_SEND_TIMEOUT_MS } from './discord-daily-poster.ts';
import { describeDiscordError } from './describe-discord-error.ts';
import { DiscordStartError } from './discord-start-error.ts';
import { createInteractionRouter } from './interaction-router.ts';
import { inviteUrl } from './invite-url.ts';
import { logClientEvents } from './log-client-events.ts';

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
   * Called when Discord ends the session for good; discord.js does not reconnect after that.
   *
   * @defaultValue nothing beyond the log line
   */
  onSessionLost?: () => void;
}

/** A connected bot. */
export interface DiscordBot {
  readonly client: Client<true>;
  /** The daily-post scheduler, when `daily` was given. */
  readonly daily: DailyScheduler | undefined;
  /** Stops the scheduler and disconnects from Discord; call before closing the store. */
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
    // As many gateway connections as Discord recommends (one below 2,500 servers; it refuses one above).
    shards: 'auto',
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
          clock: options.now ?? (() => new Date()),
          newId: app.services.newId,
          log: logger,
        },
        options.daily,
      )
    : undefined;
  const services = daily ? { ...app.services, daily } : app.services;
  client.on(Events.InteractionCreate, createInteractionRouter({ registry: app.registry, services, logger, ...pick(options, 'now', 'deferAfterMs') }));

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
  logger.info(`connected to Discord as ${connected.user.tag}, in ${connected.guilds.cache.size} servers. Invite link: ${inviteUrl(options.appId)}`);
  daily?.start();
  return {
    client: connected,
    daily,
    stop: async () => {
      stopping = true;
      await daily?.stop();
      await client.destroy();
    },
  };
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

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}
