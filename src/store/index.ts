export type * from './store.ts';
export { openStore, StoreOpenError, DEFAULT_DATABASE_PATH, type StoreSettings } from './open-store.ts';
export { SqlStore } from './sql-store.ts';
export { SqliteDriver } from './sqlite-driver.ts';
export { PostgresDriver } from './postgres-driver.ts';
export { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError } from './migrations.ts';
