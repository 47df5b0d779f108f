import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql-driver.ts';
import { StoreBusyError } from './store-busy-error.ts';

export interface SqliteDriverOptions {
  /**
   * How long one attempt may wait for a lock inside SQLite, in milliseconds. better-sqlite3 waits
   * synchronously, holding the event loop, so this stays far below the 50 ms a call may hold it.
   *
   * @defaultValue 10
   */
  busyTimeoutMs?: number;
  /**
   * How long a call keeps retrying a locked database, in milliseconds, before it fails with `StoreBusyError`.
   * Retries wait asynchronously (see `LOCK_RETRY_DELAYS_MS`), so other requests are served meanwhile.
   *
   * @defaultValue 2000
   */
  maxLockWaitMs?: number;
}

export const SQLITE_DRIVER_DEFAULTS = { busyTimeoutMs: 10, maxLockWaitMs: 2_000 } as const satisfies Required<SqliteDriverOptions>;

/**
 * The waits between attempts on a locked database, in milliseconds; the last repeats until `maxLockWaitMs`.
 * Short, so that a waiting call keeps trying often while other processes write (SQLite's locks are not fair).
 */
export const LOCK_RETRY_DELAYS_MS = [5, 10, 20, 25] as const;

/**
 * SQLite through better-sqlite3: WAL mode so readers never wait for the writer, `synchronous = FULL` so a
 * committed transaction survives a crash. Two connections per file: writes and transactions on one, queued so
 * nothing else runs on it while a transaction is open; plain reads on the other, so a write waiting for
 * another process's lock never holds up reads. A locked database is retried asynchronously with short
 * synchronous busy waits, never one long one, so a lock held elsewhere delays only the calls that need it.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  readonly #path: string;
  readonly #writer: Database.Database;
  readonly #reader: Database.Database;
  readonly #statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
  readonly #options: Required<SqliteDriverOptions>;
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * Opens (creating if needed) the database file and sets it up; `:memory:` gives a private in-memory
   * database on one connection. Rejects with `StoreBusyError` when another process keeps it locked.
   */
  static async open(path: string, options: SqliteDriverOptions = {}): Promise<SqliteDriver> {
    const driver = new SqliteDriver(path, { ...SQLITE_DRIVER_DEFAULTS, ...options });
    try {
      await driver.#retrying(() => {
        driver.#writer.pragma('journal_mode = WAL');
        driver.#writer.pragma('synchronous = FULL');
        driver.#writer.pragma('foreign_keys = ON');
      });
    } catch (error) {
      await driver.close();
      throw error;
    }
    return driver;
  }

  private constructor(path: string, options: Required<SqliteDriverOptions>) {
    this.#path = path;
    this.#options = options;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#writer = new Database(path, { timeout: options.busyTimeoutMs });
    // A read-only connection opens without a lock; it sees the writer's tables once they are committed.
    this.#reader = path === ':memory:' ? this.#writer : new Database(path, { readonly: true, timeout: options.busyTimeoutMs });
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<Record<string, unknown>[]> {
    return this.#retrying(() => this.#all(this.#reader, sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#serialise(() => this.#retrying(() => this.#run(sql, params)));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#serialise(async () => {
      // IMMEDIATE takes the write lock now, so two processes never both read and then fail to upgrade.
      await this.#retrying(() => this.#writer.exec('BEGIN IMMEDIATE'));
      try {
        const result = await work({
          all: async (sql, params = []) => this.#all(this.#writer, sql, params),
          run: async (sql, params = []) => this.#run(sql, params),
        });
        await this.#retrying(() => this.#writer.exec('COMMIT'));
        return result;
      } catch (error) {
        if (this.#writer.inTransaction) this.#writer.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    if (this.#reader !== this.#writer && this.#reader.open) this.#reader.close();
    if (this.#writer.open) this.#writer.close();
  }

  #all(db: Database.Database, sql: string, params: readonly SqlValue[]): Record<string, unknown>[] {
    return this.#prepare(db, sql).all(...params) as Record<string, unknown>[];
  }

  #run(sql: string, params: readonly SqlValue[]): number {
    return this.#prepare(this.#writer, sql).run(...params).changes;
  }

  #prepare(db: Database.Database, sql: string): Database.Statement {
    let statements = this.#statements.get(db);
    if (!statements) this.#statements.set(db, (statements = new Map()));
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `attempt`, retrying with asynchronous waits while the database is locked, up to `maxLockWaitMs`. */
  async #retrying<T>(attempt: () => T): Promise<T> {
    const started = performance.now();
    for (let tries = 0; ; tries++) {
      try {
        return attempt();
      } catch (error) {
        if (!isLocked(error)) throw error;
        const waited = performance.now() - started;
        const delay = LOCK_RETRY_DELAYS_MS[Math.min(tries, LOCK_RETRY_DELAYS_MS.length - 1)]!;
        if (waited + delay > this.#options.maxLockWaitMs) throw new StoreBusyError(`the database file ${this.#path}`, waited, error);
        await sleep(delay);
      }
    }
  }

  #serialise<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** SQLITE_BUSY and SQLITE_LOCKED, with their extended codes (`SQLITE_BUSY_SNAPSHOT`, …). */
function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
