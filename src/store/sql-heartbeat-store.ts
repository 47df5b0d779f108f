import type { GatewayHeartbeat, HeartbeatStore } from './heartbeat-store.ts';
import type { SqlDriver } from './sql-driver.ts';
import { toDate } from './to-date.ts';

/** The `HeartbeatStore` in SQL, over the same drivers as `SqlStore`. */
export class SqlHeartbeatStore implements HeartbeatStore {
  readonly #db: SqlDriver;

  constructor(db: SqlDriver) {
    this.#db = db;
  }

  async record(h: GatewayHeartbeat): Promise<void> {
    await this.#db.run(
      `INSERT INTO gateway_heartbeats (process_id, host, pid, shard_first, shard_last, shard_count, started_at, seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (process_id) DO UPDATE SET shard_first = excluded.shard_first, shard_last = excluded.shard_last,
         shard_count = excluded.shard_count, seen_at = excluded.seen_at`,
      [h.processId, h.host, h.pid, h.shards.first, h.shards.last, h.shards.count, h.startedAt.getTime(), h.seenAt.getTime()],
    );
  }

  async liveSince(since: Date): Promise<GatewayHeartbeat[]> {
    await this.#db.run(`DELETE FROM gateway_heartbeats WHERE seen_at < ?`, [since.getTime()]);
    const rows = await this.#db.all(`SELECT * FROM gateway_heartbeats WHERE seen_at >= ? ORDER BY started_at, process_id`, [since.getTime()]);
    return rows.map((row) => ({
      processId: String(row['process_id']),
      host: String(row['host']),
      pid: Number(row['pid']),
      shards: { first: Number(row['shard_first']), last: Number(row['shard_last']), count: Number(row['shard_count']) },
      startedAt: toDate(row['started_at']),
      seenAt: toDate(row['seen_at']),
    }));
  }

  async remove(processId: string): Promise<void> {
    await this.#db.run(`DELETE FROM gateway_heartbeats WHERE process_id = ?`, [processId]);
  }
}
