import { SchemaTooNewError } from './migrations.ts';
import { PostgresDriver } from './postgres-driver.ts';
import { SqliteDriver } from './sqlite-driver.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export const DEFAULT_DATABASE_PATH = './data/stevedore.db';

export interface StoreSettings {
  /** A `postgres://` URL; when set, PostgreSQL is used instead of SQLite. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file. @default './data/stevedore.db' */
  DATABASE_PATH?: string | undefined;
}

/** Opens the configured store and brings its schema up to date; failing that, a `StoreOpenError` says why. */
export async function openStore(settings: StoreSettings = {}): Promise<Store> {
  const where = settings.DATABASE_URL ? 'the PostgreSQL database in DATABASE_URL' : `the database file ${settings.DATABASE_PATH ?? DEFAULT_DATABASE_PATH}`;
  try {
    const driver = settings.DATABASE_URL
      ? new PostgresDriver(settings.DATABASE_URL)
      : new SqliteDriver(settings.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
    return await SqlStore.open(driver);
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw error;
    throw new StoreOpenError(where, error);
  }
}

/** The database could not be opened or migrated: a wrong path, a refused connection, a read-only disk. */
export class StoreOpenError extends Error {
  constructor(where: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Could not open ${where}: ${reason}. Check DATABASE_PATH or DATABASE_URL (see .env.example).`, { cause });
    this.name = 'StoreOpenError';
  }
}
