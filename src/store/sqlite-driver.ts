import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql-driver.ts';

/**
 * SQLite through better-sqlite3: one connection per process, WAL mode so readers never wait for the writer,
 * `synchronous = FULL` so a committed transaction survives a crash, and a busy timeout so a second process
 * on the same file waits for the write lock instead of failing.
 *
 * better-sqlite3 is synchronous, but a transaction's work is async (it is written once for every driver),
 * so calls are queued: nothing else runs on the connection while a transaction is open.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  #queue: Promise<unknown> = Promise.resolve();

  /** Opens (creating if needed) the database file; `:memory:` gives a private in-memory database. */
  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path, { timeout: options.busyTimeoutMs ?? 5_000 });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<Record<string, unknown>[]> {
    return this.#serialise(() => this.#all(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#serialise(() => this.#run(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#serialise(async () => {
      // IMMEDIATE takes the write lock now, so two processes never both read and then fail to upgrade.
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({
          all: async (sql, params = []) => this.#all(sql, params),
          run: async (sql, params = []) => this.#run(sql, params),
        });
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    if (this.#db.open) this.#db.close();
  }

  #all(sql: string, params: readonly SqlValue[]): Record<string, unknown>[] {
    return this.#prepare(sql).all(...params) as Record<string, unknown>[];
  }

  #run(sql: string, params: readonly SqlValue[]): number {
    return this.#prepare(sql).run(...params).changes;
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #serialise<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
