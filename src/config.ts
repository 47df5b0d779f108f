import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from './store/index.ts';

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
});

export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads `.env` (if present) and the environment; a bad setting yields one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): ConfigResult {
  if (env === process.env) loadDotenv({ path: dotenvPath, quiet: true });
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(blankless);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `Setting ${String(issue.path[0])} is invalid: ${issue.message}. See .env.example.` };
}
