import type Database from 'better-sqlite3';
import { WorkerClient } from '../threads/worker-client.ts';
import type { SqlValue } from './sql-driver.ts';

/** The connection an `SqliteDriver` writes through: every call asynchronous, answered in the order made. */
export interface SqliteWriteConnection {
  exec(sql: string): Promise<void>;
  /** Resolves to the number of rows changed. */
  run(sql: string, params: readonly SqlValue[]): Promise<number>;
  all(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  /** Rolls back the open transaction, if one is open. */
  rollback(): Promise<void>;
  close(): Promise<void>;
}

type WorkerReply = { id: number; result: unknown } | { id: number; error: { message: string; code?: string } };

/**
 * The write connection on a worker thread of its own (`sqlite-write-worker.js`): commits and their fsync, and
 * SQLite's short busy waits, happen there, off the event loop. The thread keeps the process alive only while a
 * call is pending. Errors come back with SQLite's code (`SQLITE_BUSY`, …), as better-sqlite3 throws them.
 */
export class WorkerWriteConnection implements SqliteWriteConnection {
  readonly #client: WorkerClient<WorkerReply>;

  /** Starts the thread and opens the database there (creating the file, WAL mode, `synchronous = FULL`). */
  static async open(path: string, busyTimeoutMs: number): Promise<WorkerWriteConnection> {
    const connection = new WorkerWriteConnection(path, busyTimeoutMs);
    try {
      await connection.#call('open');
    } catch (error) {
      await connection.#client.terminate();
      throw error;
    }
    return connection;
  }

  private constructor(path: string, busyTimeoutMs: number) {
    this.#client = new WorkerClient(new URL('./sqlite-write-worker.js', import.meta.url), 'the SQLite writer thread', { path, busyTimeoutMs });
  }

  async exec(sql: string): Promise<void> {
    await this.#call('exec', sql);
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    return (await this.#call('run', sql, params)) as number;
  }

  async all(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    return (await this.#call('all', sql, params)) as Record<string, unknown>[];
  }

  async rollback(): Promise<void> {
    await this.#call('rollback');
  }

  async close(): Promise<void> {
    if (!this.#client.dead) await this.#call('close').catch(() => undefined);
    await this.#client.terminate();
  }

  async #call(op: string, sql?: string, params?: readonly SqlValue[]): Promise<unknown> {
    const reply = await this.#client.request({ op, sql, params });
    if ('error' in reply) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result;
  }
}

/** The write connection on the calling thread: for `:memory:` databases (tests), which one thread must own. */
export class InThreadWriteConnection implements SqliteWriteConnection {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async exec(sql: string): Promise<void> {
    this.#db.exec(sql);
  }

  async run(sql: string, params: readonly SqlValue[]): Promise<number> {
    return this.#prepare(sql).run(...params).changes;
  }

  async all(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    return this.#prepare(sql).all(...params) as Record<string, unknown>[];
  }

  async rollback(): Promise<void> {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }
}
