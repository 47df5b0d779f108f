import { once } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord } from './fake-discord.ts';
import { inDm, inServer, slashCommand, user } from './interaction-payloads.ts';

/**
 * The fake gateway's sharding, checked with bare gateway clients: each session receives the events of the
 * guilds of its shard, `(guild_id >> 22) % num_shards`, DMs go to shard 0, and two sessions on one shard both
 * receive its events, as on Discord.
 */
let fake: FakeDiscord | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await fake?.close();
});

/** A session identified with `shard`, collecting the dispatches it receives. */
async function session(f: FakeDiscord, shard: [number, number]): Promise<{ socket: WebSocket; received: Array<{ t: string; d: { id: string } }> }> {
  const socket = new WebSocket(`ws://127.0.0.1:${f.port}/gateway`);
  sockets.push(socket);
  const received: Array<{ t: string; d: { id: string } }> = [];
  const ready = new Promise<void>((resolve) =>
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; t: string; d: { id: string } };
      if (packet.t === 'READY') resolve();
      else if (packet.op === 0) received.push(packet);
    }),
  );
  await once(socket, 'open');
  socket.send(JSON.stringify({ op: 2, d: { token: 'x', intents: 1, properties: {}, shard } }));
  await ready;
  return { socket, received };
}

const guildOnShard = (shard: number, of: number) => String(((BigInt(1_000_000 * of + shard)) << 22n) | 7n);
const commandIn = (f: FakeDiscord, guildId: string) => slashCommand('topics', [], inServer(user('1300000000000000001', 'learner'), { guildId }), f.applicationId);

describe('the fake gateway routes by shard', () => {
  test('GIVEN two shards THEN /gateway/bot recommends two, the fake is connected only once both identified, and each gets only its own guilds', async () => {
    fake = await FakeDiscord.start({ shardCount: 2 });
    const info = (await (await fetch(`${fake.apiUrl}/v10/gateway/bot`)).json()) as { shards: number };
    expect(info.shards).toBe(2);
    const zero = await session(fake, [0, 2]);
    expect(fake.connected).toBe(false);
    const one = await session(fake, [1, 2]);
    expect(fake.connected).toBe(true);

    const onZero = commandIn(fake, guildOnShard(0, 2));
    const onOne = commandIn(fake, guildOnShard(1, 2));
    const direct = slashCommand('topics', [], inDm(user('1300000000000000002', 'dm')), fake.applicationId);
    for (const i of [onZero, onOne, direct]) fake.dispatch('INTERACTION_CREATE', i);

    await expect.poll(() => zero.received.length + one.received.length).toBe(3);
    expect(zero.received.map((p) => p.d.id)).toEqual([onZero['id'], direct['id']]);
    expect(one.received.map((p) => p.d.id)).toEqual([onOne['id']]);
    expect(fake.deliveries.map((d) => d.shard)).toEqual([[0, 2], [1, 2], [0, 2]]);
  });

  test('GIVEN two sessions on the same shard THEN both receive its events; GIVEN no session for a guild THEN dispatch refuses', async () => {
    fake = await FakeDiscord.start({ shardCount: 2 });
    const first = await session(fake, [1, 2]);
    const second = await session(fake, [1, 2]);
    const onOne = commandIn(fake, guildOnShard(1, 2));
    fake.dispatch('INTERACTION_CREATE', onOne);
    await expect.poll(() => [first.received.length, second.received.length]).toEqual([1, 1]);
    expect(() => fake!.dispatch('INTERACTION_CREATE', commandIn(fake!, guildOnShard(0, 2)))).toThrow(/No session of the fake gateway owns/);
  });

  test('GIVEN an IDENTIFY with a shard that cannot exist THEN the fake closes with 4010 Invalid shard', async () => {
    fake = await FakeDiscord.start({ shardCount: 2 });
    const socket = new WebSocket(`ws://127.0.0.1:${fake.port}/gateway`);
    sockets.push(socket);
    await once(socket, 'open');
    const closed = once(socket, 'close');
    socket.send(JSON.stringify({ op: 2, d: { token: 'x', intents: 1, properties: {}, shard: [2, 2] } }));
    const [code] = (await closed) as [number];
    expect(code).toBe(4010);
  });
});
