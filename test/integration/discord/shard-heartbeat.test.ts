import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ShardHeartbeat } from '../../../src/adapters/discord/shard-heartbeat.ts';
import type { ShardRange } from '../../../src/adapters/discord/shard-range.ts';
import type { Logger } from '../../../src/logger.ts';
import { openStore, type Store } from '../../../src/store/index.ts';

// Processes sharing one database, each a ShardHeartbeat over the same real (in-memory SQLite) store, with a
// clock the test moves.
let store: Store;
let now: Date;
const warnings: Array<{ pid: number; message: string }> = [];

beforeEach(async () => {
  store = await openStore({ DATABASE_PATH: ':memory:' });
  now = new Date('2026-11-29T09:00:00Z');
  warnings.length = 0;
});
afterEach(() => store.close());

function processOn(pid: number, shards: ShardRange, host = 'host-a', processId = `run-${pid}-${host}`): ShardHeartbeat {
  const log: Logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (message) => warnings.push({ pid, message }) };
  return new ShardHeartbeat({ heartbeats: store.heartbeats, log, clock: () => now, processId, host, pid, shards });
}
const all = (count: number): ShardRange => ({ first: 0, last: count - 1, count });
const only = (id: number, count: number): ShardRange => ({ first: id, last: id, count });
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

describe('processes sharing a database compare their Discord shards', () => {
  test('GIVEN two processes that each run every shard THEN each warns once about the other, naming it and DISCORD_SHARDS', async () => {
    const first = processOn(101, all(2));
    const second = processOn(102, all(2));
    expect(await first.beat()).toEqual([]);
    expect((await second.beat()).map((h) => h.pid)).toEqual([101]);
    later(30);
    expect((await first.beat()).map((h) => h.pid)).toEqual([102]);
    later(30);
    await first.beat();
    await second.beat();
    expect(warnings.map((w) => w.pid)).toEqual([102, 101]);
    expect(warnings[0]!.message).toMatch(/pid 101 on host-a, seen 0 s ago\) runs Discord shards 0-1\/2, which overlap this process's 0-1\/2.*DISCORD_SHARDS/);
  });

  test('GIVEN 0/2 and 1/2 THEN neither warns; GIVEN a third on 0-3/4 THEN it overlaps both and warns about each', async () => {
    await processOn(1, only(0, 2)).beat();
    await processOn(2, only(1, 2), 'host-b').beat();
    expect(warnings).toEqual([]);
    expect((await processOn(3, all(4), 'host-c').beat()).map((h) => h.pid)).toEqual([1, 2]);
    expect(warnings.map((w) => w.pid)).toEqual([3, 3]);
  });

  test('GIVEN another process whose last beat is older than three intervals THEN it is gone, and not warned about', async () => {
    await processOn(1, all(1)).beat();
    later(91);
    expect(await processOn(2, all(1)).beat()).toEqual([]);
    expect(warnings).toEqual([]);
  });

  test('GIVEN a process that stopped cleanly THEN a successor on the same shards starts without a warning', async () => {
    const before = processOn(1, all(1));
    await before.start();
    await before.stop();
    expect(await processOn(2, all(1)).beat()).toEqual([]);
  });

  test('GIVEN a row left by an earlier run with the same host and pid (a restarted container) THEN it is deleted, not warned about', async () => {
    await processOn(1, all(1), 'container-1', 'crashed-run').beat();
    later(5);
    expect(await processOn(1, all(1), 'container-1').beat()).toEqual([]);
    expect(warnings).toEqual([]);
    expect((await store.heartbeats.liveSince(new Date(0))).map((h) => h.processId)).toEqual(['run-1-container-1']);
  });
});
