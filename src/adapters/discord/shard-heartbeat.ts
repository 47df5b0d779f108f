import type { Logger } from '../../logger.ts';
import type { GatewayHeartbeat, HeartbeatStore } from '../../store/index.ts';
import { formatShardRange, shardRangesOverlap, type ShardRange } from './shard-range.ts';

export interface ShardHeartbeatOptions {
  /**
   * How often this process records that it is alive, in milliseconds.
   *
   * @defaultValue 30_000
   */
  intervalMs?: number;
  /**
   * How long after its last beat another process still counts as alive, in milliseconds: three missed beats,
   * so a busy database or a long pause does not make a live process look gone.
   *
   * @defaultValue 90_000
   */
  liveForMs?: number;
}

export const SHARD_HEARTBEAT_DEFAULTS = { intervalMs: 30_000, liveForMs: 90_000 } as const satisfies Required<ShardHeartbeatOptions>;

export interface ShardHeartbeatDependencies {
  heartbeats: HeartbeatStore;
  log: Logger;
  clock: () => Date;
  /** This run's id, random. */
  processId: string;
  host: string;
  pid: number;
  /** The shards this process runs, as discord.js resolved them after login. */
  shards: ShardRange;
}

/**
 * Tells the person running the bot when two processes sharing one database serve the same Discord shards, and so
 * both answer the same servers' interactions: every `intervalMs` this process records its shard range in the
 * Store and compares it with the other live processes' (`shardRangesOverlap`), warning once per other process.
 * Advisory only; nothing is refused. A row left by an earlier run on the same host with the same pid (a container
 * restarted, whose pid is always the same) is that run's, and is deleted instead of warned about.
 */
export class ShardHeartbeat {
  readonly #deps: ShardHeartbeatDependencies;
  readonly #options: Required<ShardHeartbeatOptions>;
  readonly #startedAt: Date;
  /** Processes already warned about, so a warning is not repeated every beat. */
  readonly #warned = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #beating: Promise<unknown> = Promise.resolve();

  constructor(deps: ShardHeartbeatDependencies, options: ShardHeartbeatOptions = {}) {
    this.#deps = deps;
    this.#options = { ...SHARD_HEARTBEAT_DEFAULTS, ...options };
    this.#startedAt = deps.clock();
  }

  /** Beats once now (so a start-up warning comes at start-up), then every `intervalMs` until `stop()`. */
  async start(): Promise<void> {
    const loop = () => {
      this.#beating = this.beat().finally(() => {
        if (this.#stopped) return;
        this.#timer = setTimeout(loop, this.#options.intervalMs);
        // A heartbeat alone never keeps the process alive.
        this.#timer.unref();
      });
      return this.#beating;
    };
    await loop();
  }

  /** Stops beating and deletes this process's heartbeat, so a successor starting now is not warned about it. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#beating;
    await this.#deps.heartbeats.remove(this.#deps.processId).catch(() => undefined);
  }

  /**
   * Records this process's heartbeat, then warns about each live process whose shards overlap this one's.
   * Resolves to the processes that overlap; a store that fails is logged at debug level and yields none.
   */
  async beat(): Promise<GatewayHeartbeat[]> {
    const { heartbeats, log, clock, processId, host, pid, shards } = this.#deps;
    const now = clock();
    try {
      await heartbeats.record({ processId, host, pid, shards, startedAt: this.#startedAt, seenAt: now });
      const others = (await heartbeats.liveSince(new Date(now.getTime() - this.#options.liveForMs))).filter((h) => h.processId !== processId);
      const overlapping: GatewayHeartbeat[] = [];
      for (const other of others) {
        if (other.host === host && other.pid === pid) {
          await heartbeats.remove(other.processId);
        } else if (shardRangesOverlap(shards, other.shards)) {
          overlapping.push(other);
          if (!this.#warned.has(other.processId)) this.#warn(other, now);
        }
      }
      return overlapping;
    } catch (error) {
      log.debug(`Discord shard heartbeat not recorded: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  #warn(other: GatewayHeartbeat, now: Date): void {
    this.#warned.add(other.processId);
    const mine = formatShardRange(this.#deps.shards);
    const theirs = formatShardRange(other.shards);
    const ago = Math.max(0, Math.round((now.getTime() - other.seenAt.getTime()) / 1000));
    this.#deps.log.warn(
      `Another bot process sharing this database (pid ${other.pid} on ${other.host}, seen ${ago} s ago) runs Discord shards ${theirs}, ` +
        `which overlap this process's ${mine}: both will answer the same servers' commands. Give each process its own DISCORD_SHARDS ` +
        `range (docs/scaling.md). A process that crashed is forgotten ${Math.round(this.#options.liveForMs / 1000)} s after its last beat.`,
      { otherProcess: other.processId, otherShards: theirs, shards: mine },
    );
  }
}
