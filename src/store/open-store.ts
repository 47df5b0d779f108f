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

/** Opens the configured store and brings its schema up to date. */
export function openStore(settings: StoreSettings = {}): Promise<Store> {
  if (settings.DATABASE_URL) return SqlStore.open(new PostgresDriver(settings.DATABASE_URL));
  return SqlStore.open(new SqliteDriver(settings.DATABASE_PATH ?? DEFAULT_DATABASE_PATH));
}
