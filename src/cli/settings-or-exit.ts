import { loadConfig, type Config } from '../config.ts';

/** The settings for a command-line tool; a bad setting prints its one-line message and exits with code 1. */
export function settingsOrExit(): Config {
  const loaded = loadConfig();
  if (loaded.ok) return loaded.config;
  console.error(loaded.message);
  process.exit(1);
}

/** Awaits `work`; an expected start-up failure (knowledge, store) prints its one-line message and exits with code 1. */
export async function orExit<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
