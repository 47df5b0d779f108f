import type { DailyPlatform } from './daily-store.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';

/** Which rows a claim takes, and how it leases them. */
export interface LeasedRows {
  table: string;
  /** The primary key's columns. */
  keys: readonly string[];
  /** The column holding the lease's end (milliseconds since the epoch; 0 when free). */
  lease: string;
  /** `ORDER BY` of the claim: earliest due first. */
  order: string;
  /** The condition that makes a row due, with exactly one `?`, which takes `now`. */
  due: string;
}

/**
 * Leases up to `limit` rows of `platforms` that are due and not leased, earliest first, until `now + leaseMs`,
 * and returns them as they were before the lease. PostgreSQL: one statement that skips rows another transaction
 * is claiming (`FOR UPDATE SKIP LOCKED`); SQLite: one `BEGIN IMMEDIATE` transaction, a read and a few updates,
 * never held across a send. Used by daily posts, reveals and reminders alike.
 */
export async function claimLeasedRows(
  db: SqlDriver,
  what: LeasedRows,
  platforms: readonly DailyPlatform[],
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<Record<string, unknown>[]> {
  if (platforms.length === 0) return [];
  const where = `platform IN (${platforms.map(() => '?').join(', ')}) AND ${what.due} AND ${what.lease} <= ?`;
  const params: SqlValue[] = [...platforms, now.getTime(), now.getTime()];
  const leaseUntil = now.getTime() + leaseMs;
  if (db.dialect === 'postgres') {
    return db.all(
      `UPDATE ${what.table} SET ${what.lease} = ? WHERE (${what.keys.join(', ')}) IN (
         SELECT ${what.keys.join(', ')} FROM ${what.table} WHERE ${where} ORDER BY ${what.order} LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [leaseUntil, ...params, limit],
    );
  }
  return db.transaction(async (tx) => {
    const found = await tx.all(`SELECT * FROM ${what.table} WHERE ${where} ORDER BY ${what.order} LIMIT ?`, [...params, limit]);
    const byKey = what.keys.map((key) => `${key} = ?`).join(' AND ');
    for (const row of found) {
      await tx.run(`UPDATE ${what.table} SET ${what.lease} = ? WHERE ${byKey}`, [leaseUntil, ...what.keys.map((key) => String(row[key]))]);
    }
    return found;
  });
}
