import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { parseShardRange, type ShardRange } from './adapters/discord/shard-range.ts';
// The constant's own file, not the store's barrel, which loads the SQLite driver: a setting needs no database.
import { DEFAULT_DATABASE_PATH } from './store/default-database-path.ts';

/** Where parsed knowledge is cached by default: beside `./data/`, not in it, since it is not user data. */
export const DEFAULT_CACHE_DIR = './.cache/stevedore';

/** A bot token: three dot-separated base64url parts (the first encodes the bot's user id). */
const BOT_TOKEN = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;

/** A TCP port, from 1 to 65535. */
const PORT_NUMBER = z.coerce
  .number({ error: 'must be a port number' })
  .int({ error: 'must be a port number' })
  .min(1, { error: 'must be a port number from 1 to 65535' })
  .max(65_535, { error: 'must be a port number from 1 to 65535' });

/** Every setting the bot reads, with its default. This is the only module that reads `process.env`. */
export const ConfigSchema = z.object({
  /** Folder of knowledge topics. Default: the `knowledge/` folder that ships with the project. */
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  /** `debug`, `info`, `warn` or `error`. Default `info`. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** `json` (one JSON object a line) or `pretty` (readable lines). Default: pretty when stderr is a terminal, else json. */
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional(),
  /**
   * Where the parsed knowledge, the flag inventory and the answer engine's index are cached between starts (files
   * derived from `knowledge/`, `docker-cli/` and the code, never user data; safe to delete). `off` turns the cache
   * off. Default `./.cache/stevedore`.
   */
  CACHE_DIR: z.string().min(1).default(DEFAULT_CACHE_DIR),
  /** The SQLite file that keeps learners' progress. Default `./data/stevedore.db`. */
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** A PostgreSQL URL (`postgres://user:password@host:5432/db`); when set, it is used instead of SQLite. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .optional(),
  /** The bot token (Developer Portal → your application → Bot → Reset Token). Never logged. */
  DISCORD_TOKEN: z
    .string()
    .regex(BOT_TOKEN, { error: 'is not a bot token: copy it from the Discord Developer Portal (your application, Bot, Reset Token)' })
    .optional(),
  /** The application id (Developer Portal → General Information). */
  DISCORD_APP_ID: z
    .string()
    .regex(/^\d{17,20}$/, { error: 'must be the application id, a number of 17 to 20 digits (Developer Portal, General Information)' })
    .optional(),
  /** Where Discord's HTTP API is. Default: Discord itself. Set it to run through a REST proxy shared by several processes. */
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  /**
   * The Discord gateway shards this process runs: `0-3/8` (shards 0 to 3 of 8) or `1/2` (shard 1 of 2), so a
   * large bot spreads over processes and hosts sharing one PostgreSQL (docs/scaling.md). Default: every shard,
   * as many as Discord recommends.
   */
  DISCORD_SHARDS: z
    .string()
    .transform((text, ctx): ShardRange => {
      const parsed = parseShardRange(text);
      if (parsed.ok) return parsed.range;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    })
    .optional(),
  /** `npm run discord-proxy` only: the port the Discord REST proxy listens on. Default 8081. */
  DISCORD_PROXY_PORT: PORT_NUMBER.default(8081),
  /** `npm run discord-proxy` only: the address it listens on. Default `127.0.0.1`; `0.0.0.0` in a container. */
  DISCORD_PROXY_HOST: z.string().min(1).default('127.0.0.1'),
  /** `npm run discord-proxy` only: where it forwards to. Default: Discord itself. */
  DISCORD_PROXY_UPSTREAM: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  /** The bot token, `xoxb-…` (api.slack.com/apps → your app → OAuth & Permissions). Never logged. */
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[A-Za-z0-9-]{10,}$/, { error: 'is not a bot token: copy the xoxb- token from your Slack app (OAuth & Permissions)' })
    .optional(),
  /** The app-level token for Socket Mode, `xapp-…`, with `connections:write` (Basic Information → App-Level Tokens). Never logged. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]{10,}$/, { error: 'is not an app-level token: generate an xapp- token with connections:write (Basic Information, App-Level Tokens)' })
    .optional(),
  /** The signing secret for HTTP mode (Basic Information → App Credentials): 32 hexadecimal digits. Never logged. */
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, { error: 'is not a signing secret: copy the 32-character Signing Secret from your Slack app (Basic Information)' })
    .optional(),
  /** The port HTTP mode listens on for Slack's requests (`/slack/events`). Default 3000. */
  SLACK_PORT: PORT_NUMBER.default(3000),
  /** The port the health endpoint (`GET /health`) listens on. Default: none, no health endpoint. */
  HEALTH_PORT: PORT_NUMBER.optional(),
  /** The address the health endpoint listens on. Default `127.0.0.1`; `0.0.0.0` for a probe from outside the container or host. */
  HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * How late a daily quiz post or a learner's reminder may still go out, in minutes (a process was down at its
   * time); later ones are skipped with a log line. Default 120.
   */
  DAILY_GRACE_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .int({ error: 'must be a whole number of minutes' })
    .min(0, { error: 'must be from 0 to 1440 minutes' })
    .max(1440, { error: 'must be from 0 to 1440 minutes' })
    .default(120),
  /**
   * How long a process's claim on a due daily post or reveal lasts, in seconds; a claim of a process that died is
   * taken over after it. Each send is cut off at half of it (at most 30 s). Kept below Discord's nonce window
   * ("a few minutes") so a post retried after a crash is still matched to its first attempt. Default 60.
   */
  DAILY_LEASE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(10, { error: 'must be from 10 to 120 seconds' })
    .max(120, { error: 'must be from 10 to 120 seconds' })
    .default(60),
  /** How often the daily-post loop looks for due work, in seconds. Default 15. */
  DAILY_TICK_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(1, { error: 'must be from 1 to 300 seconds' })
    .max(300, { error: 'must be from 1 to 300 seconds' })
    .default(15),
  /** Where Slack's Web API is. Default: Slack itself. Set it for a proxy, or to run the real bot against a fake Slack. */
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  /**
   * Days a question asked with `/ask` is kept (with its votes) before it is deleted: long enough for
   * maintainers to read the knowledge gaps it shows (`npm run kb:gaps`). Default 90. See docs/privacy.md.
   */
  ANSWER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * `1`: with no chat platform configured, exit with one line instead of opening the console chat. The
   * container image sets it (a server has no one to type into the console). Default `0`.
   */
  STEVEDORE_NO_CONSOLE: z.enum(['0', '1'], { error: 'must be 1 (no console chat) or 0' }).default('0'),
  /** The console's colour, by the usual conventions: `NO_COLOR` never, `FORCE_COLOR` always, `TERM=dumb` not. */
  NO_COLOR: z.string().optional(),
  FORCE_COLOR: z.string().optional(),
  TERM: z.string().optional(),
}).superRefine((config, ctx) => {
  // Half a Discord configuration is a mistake, not a request for the console.
  if (config.DISCORD_TOKEN && !config.DISCORD_APP_ID) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_APP_ID'], message: 'is missing: DISCORD_TOKEN is set, and Discord needs both' });
  }
  if (config.DISCORD_APP_ID && !config.DISCORD_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'is missing: DISCORD_APP_ID is set, and Discord needs both' });
  }
  // The same for Slack: a bot token and one way of receiving events (Socket Mode or HTTP).
  if (config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_APP_TOKEN'],
      message: 'is missing: SLACK_BOT_TOKEN is set, and Slack also needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
    });
  }
  if (!config.SLACK_BOT_TOKEN && (config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET)) {
    const given = config.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: `is missing: ${given} is set, and Slack needs the bot token too` });
  }
});

export type Config = z.infer<typeof ConfigSchema>;

/** The cache folder the settings name, or undefined when `CACHE_DIR=off` turns the cache off. */
export function cacheDirOf(config: Pick<Config, 'CACHE_DIR'>): string | undefined {
  return config.CACHE_DIR.toLowerCase() === 'off' ? undefined : config.CACHE_DIR;
}

/** What the Discord front end needs, when it is configured. */
export interface DiscordSettings {
  token: string;
  appId: string;
  /** Discord's HTTP API; undefined means discord.com. */
  apiUrl?: string;
  /** `DAILY_GRACE_MINUTES`: how late a daily post may still go out. */
  dailyGraceMinutes: number;
  /** `DISCORD_SHARDS`: the shards this process runs; undefined means all of them, as many as Discord recommends. */
  shards?: ShardRange;
  /** `DAILY_LEASE_SECONDS`, in milliseconds: how long a claim on a daily post lasts. */
  dailyLeaseMs: number;
  /** `DAILY_TICK_SECONDS`, in milliseconds: how often the daily loop looks for due work. */
  dailyTickMs: number;
}

/** The Discord settings, or undefined when Discord is not configured. */
export function discordSettings(config: Config): DiscordSettings | undefined {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) return undefined;
  return {
    token: config.DISCORD_TOKEN,
    appId: config.DISCORD_APP_ID,
    dailyGraceMinutes: config.DAILY_GRACE_MINUTES,
    dailyLeaseMs: config.DAILY_LEASE_SECONDS * 1000,
    dailyTickMs: config.DAILY_TICK_SECONDS * 1000,
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    ...(config.DISCORD_SHARDS ? { shards: config.DISCORD_SHARDS } : {}),
  };
}

/** How Slack's events reach the bot. */
export type SlackConnection =
  /** Socket Mode: the bot opens a WebSocket to Slack; no public URL is needed. */
  | { mode: 'socket'; appToken: string }
  /** HTTP mode: Slack POSTs signed requests to `/slack/events` on `port`. */
  | { mode: 'http'; signingSecret: string; port: number };

/** What the Slack front end needs, when it is configured. */
export interface SlackSettings {
  botToken: string;
  connection: SlackConnection;
  /** Slack's Web API, ending in `/`; undefined means slack.com. */
  apiUrl?: string;
  /** `DAILY_GRACE_MINUTES`: how late a daily post may still go out. */
  dailyGraceMinutes: number;
  /** `DAILY_LEASE_SECONDS`, in milliseconds: how long a claim on a daily post lasts. */
  dailyLeaseMs: number;
  /** `DAILY_TICK_SECONDS`, in milliseconds: how often the daily loop looks for due work. */
  dailyTickMs: number;
}

/**
 * The Slack settings, or undefined when Slack is not configured. Socket Mode wins when both an app token and a
 * signing secret are set (`loadConfig` gives a notice that the secret is unused).
 */
export function slackSettings(config: Config): SlackSettings | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = config;
  if (!botToken || (!appToken && !signingSecret)) return undefined;
  const connection: SlackConnection = appToken ? { mode: 'socket', appToken } : { mode: 'http', signingSecret: signingSecret!, port: config.SLACK_PORT };
  const apiUrl = config.SLACK_API_URL && (config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/`);
  return {
    botToken,
    connection,
    dailyGraceMinutes: config.DAILY_GRACE_MINUTES,
    dailyLeaseMs: config.DAILY_LEASE_SECONDS * 1000,
    dailyTickMs: config.DAILY_TICK_SECONDS * 1000,
    ...(apiUrl ? { apiUrl } : {}),
  };
}

/** Every secret among the settings, for the logger to redact. */
export function secretsOf(config: Config): string[] {
  const discordToken = config.DISCORD_TOKEN;
  return [
    // discord.js's debug log shows the first two parts of a token, so each part is a secret too.
    ...(discordToken ? [discordToken, ...discordToken.split('.')] : []),
    ...[config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.SLACK_SIGNING_SECRET].filter((s): s is string => s !== undefined),
  ];
}

/**
 * `notices`: lines worth telling the person starting the bot (a setting that another one overrides), to be
 * printed once at start-up.
 */
export type ConfigResult = { ok: true; config: Config; notices: string[] } | { ok: false; message: string };

/** Reads `.env` (if present) and the environment; a bad setting yields one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): ConfigResult {
  if (env === process.env) loadDotenv({ path: dotenvPath, quiet: true });
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(blankless);
  if (parsed.success) {
    const notices = [];
    if (blankless.DATABASE_URL && blankless.DATABASE_PATH) {
      notices.push('Both DATABASE_URL and DATABASE_PATH are set: using the PostgreSQL database in DATABASE_URL; DATABASE_PATH is ignored.');
    }
    if (parsed.data.SLACK_BOT_TOKEN && blankless.SLACK_APP_TOKEN && blankless.SLACK_SIGNING_SECRET) {
      notices.push('Both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set: using Socket Mode; SLACK_SIGNING_SECRET is ignored.');
    }
    return { ok: true, config: parsed.data, notices };
  }
  // One line naming the setting; the message never repeats the value, which may be a secret.
  const issue = parsed.error.issues[0]!;
  const problem = issue.code === 'custom' ? issue.message : `is invalid: ${issue.message}`;
  return { ok: false, message: `Setting ${String(issue.path[0])} ${problem}. See .env.example.` };
}
