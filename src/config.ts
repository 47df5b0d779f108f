import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from './store/index.ts';

/** A bot token: three dot-separated base64url parts (the first encodes the bot's user id). */
const BOT_TOKEN = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;

/** Every setting the bot reads, with its default. This is the only module that reads `process.env`. */
export const ConfigSchema = z.object({
  /** Folder of knowledge topics. Default: the `knowledge/` folder that ships with the project. */
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  /** `debug`, `info`, `warn` or `error`. Default `info`. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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
   * Days a question asked with `/ask` is kept (with its votes) before it is deleted: long enough for
   * maintainers to read the knowledge gaps it shows (`npm run kb:gaps`). Default 90. See docs/privacy.md.
   */
  ANSWER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
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
});

export type Config = z.infer<typeof ConfigSchema>;

/** What the Discord front end needs, when it is configured. */
export interface DiscordSettings {
  token: string;
  appId: string;
  /** Discord's HTTP API; undefined means discord.com. */
  apiUrl?: string;
}

/** The Discord settings, or undefined when Discord is not configured. */
export function discordSettings(config: Config): DiscordSettings | undefined {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) return undefined;
  return { token: config.DISCORD_TOKEN, appId: config.DISCORD_APP_ID, ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}) };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads `.env` (if present) and the environment; a bad setting yields one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): ConfigResult {
  if (env === process.env) loadDotenv({ path: dotenvPath, quiet: true });
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(blankless);
  if (parsed.success) return { ok: true, config: parsed.data };
  // One line naming the setting; the message never repeats the value, which may be a secret.
  const issue = parsed.error.issues[0]!;
  const problem = issue.code === 'custom' ? issue.message : `is invalid: ${issue.message}`;
  return { ok: false, message: `Setting ${String(issue.path[0])} ${problem}. See .env.example.` };
}
