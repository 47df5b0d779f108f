import { DEFAULT_DATABASE_PATH } from './default-database-path.ts';
import { SchemaTooNewError } from './migrations.ts';
import { probeDatabaseFile } from './probe-database-file.ts';
import { SqliteDriver } from './sqlite-driver.ts';
import { SqlStore } from './sql-store.ts';
import { StoreBusyError } from './store-busy-error.ts';
import type { Store } from './store.ts';

export { DEFAULT_DATABASE_PATH };

export interface StoreSettings {
  /** A `postgres://` URL; when set, PostgreSQL is used instead of SQLite. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file. @default './data/stevedore.db' */
  DATABASE_PATH?: string | undefined;
}

/** How long start-up waits for the database file to answer before giving up, in milliseconds. */
export const DATABASE_PROBE_TIMEOUT_MS = 5_000;

/**
 * Opens the configured store and brings its schema up to date. Rejects with `StoreOpenError` (one line naming
 * the setting), `StoreBusyError` (another process keeps the database locked) or `SchemaTooNewError`.
 */
export async function openStore(settings: StoreSettings = {}): Promise<Store> {
  const path = settings.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
  const setting = settings.DATABASE_URL ? 'DATABASE_URL' : 'DATABASE_PATH';
  const where = settings.DATABASE_URL ? 'the PostgreSQL database in DATABASE_URL' : `the database file ${path}`;
  try {
    if (settings.DATABASE_URL) {
      // `pg` loads only for PostgreSQL: a start on SQLite (the default) does not pay for it.
      const { PostgresDriver } = await import('./postgres-driver.ts');
      return await SqlStore.open(new PostgresDriver(settings.DATABASE_URL));
    }
    if (path !== ':memory:') await probeDatabaseFile(path, DATABASE_PROBE_TIMEOUT_MS);
    return await SqlStore.open(await SqliteDriver.open(path));
  } catch (error) {
    if (error instanceof SchemaTooNewError || error instanceof StoreBusyError) throw error;
    throw new StoreOpenError(where, setting, error);
  }
}

/** The database could not be opened or migrated: a wrong path, a refused connection, a read-only disk. */
export class StoreOpenError extends Error {
  constructor(where: string, setting: 'DATABASE_PATH' | 'DATABASE_URL', cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Could not open ${where}: ${reason}. Check ${setting} (see .env.example).`, { cause });
    this.name = 'StoreOpenError';
  }
}
