import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** Every setting the bot reads, with its default. This is the only module that reads `process.env`. */
export const ConfigSchema = z.object({
  /** Folder of knowledge topics. Default: the `knowledge/` folder that ships with the project. */
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  /** `debug`, `info`, `warn` or `error`. Default `info`. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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
