import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor, SqlValue } from './sql-driver.ts';
import { InThreadWriteConnection, WorkerWriteConnection, type SqliteWriteConnection } from './sqlite-write-connection.ts';
import { StoreBusyError } from './store-busy-error.ts';

export interface SqliteDriverOptions {
  /**
   * How long one attempt may wait for a lock inside SQLite, in milliseconds. better-sqlite3 waits
   * synchronously: on the writer's own thread for writes, but on the event loop for reads, so this stays far
   * below the 50 ms a call may hold it.
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
 * committed transaction survives a crash. Two connections per file: writes and transactions go to a
 * connection owned by a worker thread (`WorkerWriteConnection`), queued so nothing else runs on it while a
 * transaction is open, so that commits and their fsync never hold the event loop; plain reads use a read-only
 * connection on this thread, so they never wait behind a write. A locked database is retried asynchronously
 * with short busy waits, so a lock held elsewhere delays only the calls that need it. A `:memory:` database
 * (tests) lives on one connection on this thread.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  readonly #path: string;
  readonly #writer: SqliteWriteConnection;
  readonly #reader: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #options: Required<SqliteDriverOptions>;
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * Opens (creating if needed) the database file and sets it up; `:memory:` gives a private in-memory
   * database on one connection. Rejects with `StoreBusyError` when another process keeps it locked.
   */
  static async open(path: string, options: SqliteDriverOptions = {}): Promise<SqliteDriver> {
    const settings = { ...SQLITE_DRIVER_DEFAULTS, ...options };
    const where = `the database file ${path}`;
    if (path === ':memory:') {
      const db = new Database(path);
      db.pragma('foreign_keys = ON');
      return new SqliteDriver(path, settings, new InThreadWriteConnection(db), db);
    }
    mkdirSync(dirname(path), { recursive: true });
    const writer = await retryWhileLocked(() => WorkerWriteConnection.open(path, settings.busyTimeoutMs), settings.maxLockWaitMs, where);
    // Opened after the writer has created the file and set WAL mode; a read-only connection takes no lock.
    return new SqliteDriver(path, settings, writer, new Database(path, { readonly: true, timeout: settings.busyTimeoutMs }));
  }

  private constructor(path: string, options: Required<SqliteDriverOptions>, writer: SqliteWriteConnection, reader: Database.Database) {
    this.#path = path;
    this.#options = options;
    this.#writer = writer;
    this.#reader = reader;
  }

  all(sql: string, params: readonly SqlValue[] = []): Promise<Record<string, unknown>[]> {
    return this.#retrying(async () => this.#read(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#serialise(() => this.#retrying(() => this.#writer.run(sql, params)));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#serialise(async () => {
      // IMMEDIATE takes the write lock now, so two processes never both read and then fail to upgrade.
      await this.#retrying(() => this.#writer.exec('BEGIN IMMEDIATE'));
      try {
        const result = await work({
          all: (sql, params = []) => this.#writer.all(sql, params),
          run: (sql, params = []) => this.#writer.run(sql, params),
        });
        await this.#retrying(() => this.#writer.exec('COMMIT'));
        return result;
      } catch (error) {
        await this.#writer.rollback().catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await this.#writer.close();
    if (this.#reader.open) this.#reader.close();
  }

  #read(sql: string, params: readonly SqlValue[]): Record<string, unknown>[] {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#reader.prepare(sql)));
    return statement.all(...params) as Record<string, unknown>[];
  }

  /** Runs `attempt`, retrying with asynchronous waits while the database is locked, up to `maxLockWaitMs`. */
  #retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return retryWhileLocked(attempt, this.#options.maxLockWaitMs, `the database file ${this.#path}`);
  }

  #serialise<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** `attempt`, tried again after each of `LOCK_RETRY_DELAYS_MS` while it fails on a lock; then `StoreBusyError`. */
async function retryWhileLocked<T>(attempt: () => Promise<T>, maxLockWaitMs: number, where: string): Promise<T> {
  const started = performance.now();
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLocked(error)) throw error;
      const waited = performance.now() - started;
      const delay = LOCK_RETRY_DELAYS_MS[Math.min(tries, LOCK_RETRY_DELAYS_MS.length - 1)]!;
      if (waited + delay > maxLockWaitMs) throw new StoreBusyError(where, waited, error);
      await sleep(delay);
    }
  }
}

/** SQLITE_BUSY and SQLITE_LOCKED, with their extended codes (`SQLITE_BUSY_SNAPSHOT`, …). */
function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
