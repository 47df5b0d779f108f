/**
 * Heartbeats of the gateway processes that share one database: each process records which Discord shards it
 * runs and when it was last alive, so a process can tell at start that another one already serves the same
 * shards (`docs/scaling.md`). Advisory only: nothing is locked or refused on its account.
 */
export interface HeartbeatStore {
  /** Records `heartbeat`, replacing the process's earlier one. */
  record(heartbeat: GatewayHeartbeat): Promise<void>;
  /** The heartbeats seen at or after `since`, oldest start first. Older ones (processes gone) are deleted. */
  liveSince(since: Date): Promise<GatewayHeartbeat[]>;
  /** Deletes one process's heartbeat: it is stopping, or it was an earlier run of the caller. */
  remove(processId: string): Promise<void>;
}

/** One process's last sign of life, and the Discord shards it runs. */
export interface GatewayHeartbeat {
  /** Random per run of a process. */
  processId: string;
  /** The host name, as `os.hostname()` gives it (a container's id in Docker). */
  host: string;
  pid: number;
  /** Shards `first` to `last` (inclusive) of `count`. */
  shards: { first: number; last: number; count: number };
  startedAt: Date;
  seenAt: Date;
}
