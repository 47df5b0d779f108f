export type * from './store.ts';
export type * from './daily-store.ts';
export type * from './reminder-store.ts';
export type * from './heartbeat-store.ts';
export { openStore, StoreOpenError, DEFAULT_DATABASE_PATH, type StoreSettings } from './open-store.ts';
export { SqlStore } from './sql-store.ts';
export { SqliteDriver } from './sqlite-driver.ts';
// PostgresDriver is not exported here: it loads `pg`, which a start on SQLite never needs; openStore imports it
// when DATABASE_URL is set, and other code imports './postgres-driver.ts' directly.
export { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError } from './migrations.ts';
export { StoreBusyError } from './store-busy-error.ts';
export { LOCK_RETRY_DELAYS_MS, SQLITE_DRIVER_DEFAULTS, type SqliteDriverOptions } from './sqlite-driver.ts';
