import pg from 'pg';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql-driver.ts';

/** Any number, so every Stevedore process agrees on it; only migrations take it. */
const MIGRATION_LOCK_KEY = 7_305_011;

/**
 * PostgreSQL through a `pg` pool: what several bot processes share. Statements are written with `?`
 * placeholders (the SQLite style) and numbered here.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres';
  readonly migrationLock = `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
  readonly #pool: pg.Pool;

  constructor(connectionString: string, options: { max?: number } = {}) {
    this.#pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.#pool.on('error', () => undefined);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Record<string, unknown>[]> {
    return (await this.#pool.query(numberPlaceholders(sql), [...params])).rows;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.#pool.query(numberPlaceholders(sql), [...params])).rowCount ?? 0;
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        all: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rows,
        run: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}

/** `?` → `$1`, `$2`, …; the store's SQL has no `?` inside string literals. */
function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
