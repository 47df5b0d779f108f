// @ts-check
/**
 * The thread that owns an SQLite database's write connection, so that commits (each one an fsync with
 * `synchronous = FULL`: 1 ms on an idle disk, over 150 ms on a busy machine) and SQLite's own short busy waits
 * never run on the event loop. Plain JavaScript so that it starts under every runner without a loader.
 *
 * workerData: `{ path: string, busyTimeoutMs: number }`.
 * In: `{ id, op: 'open' | 'exec' | 'run' | 'all' | 'rollback' | 'close', sql?, params? }`, answered in order.
 * Out: `{ id, result }` (`run`: rows changed; `all`: rows), or `{ id, error: { message, code } }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, busyTimeoutMs } = /** @type {{ path: string, busyTimeoutMs: number }} */ (workerData);
/** @type {import('better-sqlite3').Database | undefined} */
let db;
/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();

/** @param {string} sql */
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = /** @type {import('better-sqlite3').Database} */ (db).prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** @param {{ op: string, sql?: string, params?: Array<string | number | null> }} request */
function handle({ op, sql = '', params = [] }) {
  switch (op) {
    case 'open':
      db = new Database(path, { timeout: busyTimeoutMs });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      return null;
    case 'exec':
      /** @type {import('better-sqlite3').Database} */ (db).exec(sql);
      return null;
    case 'run':
      return prepare(sql).run(...params).changes;
    case 'all':
      return prepare(sql).all(...params);
    case 'rollback':
      if (db?.inTransaction) db.exec('ROLLBACK');
      return null;
    case 'close':
      if (db?.open) db.close();
      return null;
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

parentPort?.on('message', (/** @type {{ id: number, op: string, sql?: string, params?: Array<string | number | null> }} */ request) => {
  try {
    parentPort?.postMessage({ id: request.id, result: handle(request) });
  } catch (error) {
    const { message, code } = /** @type {{ message?: string, code?: string }} */ (error);
    parentPort?.postMessage({ id: request.id, error: { message: message ?? String(error), code } });
  }
});
