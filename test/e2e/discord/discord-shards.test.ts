import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { shardOfGuild } from '../../../src/adapters/discord/shard-range.ts';
import { openStore } from '../../../src/store/index.ts';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../../fixtures/child-process-budget.ts';
import { TEST_TOKEN } from './discord-harness.ts';
import { FakeDiscord } from './fake-discord.ts';
import { inServer, slashCommand, text, user } from './interaction-payloads.ts';

/**
 * Two real bot processes (`src/main.ts`, as `npm start` runs it), one Discord shard each (`DISCORD_SHARDS=0/2`
 * and `1/2`), on one database, against the fake Discord, whose gateway recommends two shards and sends each
 * guild's interactions only to the session of its shard, as Discord does. The database is PostgreSQL when it
 * answers (what several processes share in production), otherwise one SQLite file.
 */
const folder = mkdtempSync(join(tmpdir(), 'stevedore-shards-'));
const url = process.env['STEVEDORE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
const postgres = await admin.connect().then(
  () => true,
  (error: Error) => (console.warn(`The two-process shard test uses one SQLite file: no PostgreSQL answered (${error.message}).`), false),
);
const schema = `stevedore_test_${randomBytes(6).toString('hex')}`;

let fake: FakeDiscord;
let database: Record<string, string>;
const bots: Array<{ shard: number; child: ChildProcess; stderr: string }> = [];

/** The settings both processes share: one database, the fake Discord. */
async function sharedDatabase(): Promise<Record<string, string>> {
  if (!postgres) return { DATABASE_PATH: join(folder, 'bot.db') };
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { DATABASE_URL: scoped.toString() };
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ shardCount: 2 });
  database = await sharedDatabase();
  for (const shard of [0, 1]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env['PATH'],
        ...database,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_APP_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_SHARDS: `${shard}/2`,
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const bot = { shard, child, stderr: '' };
    child.stderr!.on('data', (chunk: Buffer) => (bot.stderr += chunk.toString()));
    bots.push(bot);
  }
  // Both shards identified; then each process has written its first heartbeat (its "serving" line follows it).
  await fake.waitUntilConnected();
  await vi.waitFor(() => expect(bots.every((b) => b.stderr.includes('serving Discord'))).toBe(true), { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS / 2, interval: 100 });
}, CHILD_PROCESS_TEST_TIMEOUT_MS);

afterAll(async () => {
  for (const { child } of bots) child.kill('SIGKILL');
  await fake.close();
  rmSync(folder, { recursive: true, force: true });
  if (postgres) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end().catch(() => undefined);
});

/** A guild id (a snowflake) whose shard key is `key`: its shard of 2 is `key % 2`. */
const guildWithKey = (key: bigint) => String(((300_000_000_000n + key) << 22n) | 4242n);

/** The ids of the interactions a process logged as handled (one JSON line each). */
function handledBy(bot: (typeof bots)[number]): string[] {
  return bot.stderr
    .split('\n')
    .filter((line) => line.includes('"interaction handled"'))
    .map((line) => String((JSON.parse(line) as { interaction: unknown }).interaction));
}

describe('two processes, one shard each', { timeout: CHILD_PROCESS_TEST_TIMEOUT_MS }, () => {
  test('GIVEN DISCORD_SHARDS=0/2 and 1/2 THEN each identifies with its own shard of two, says so, records it in the database, and neither warns of an overlap', async () => {
    expect(fake.identifies.map((d) => d['shard']).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const bot of bots) {
      expect(bot.stderr).toContain(`shards ${bot.shard}/2`);
      expect(bot.stderr).not.toMatch(/overlap/);
    }
    const store = await openStore(database);
    try {
      const live = await store.heartbeats.liveSince(new Date(Date.now() - 90_000));
      expect(live.map((h) => [h.pid, h.shards]).sort()).toEqual(
        bots.map((b) => [b.child.pid, { first: b.shard, last: b.shard, count: 2 }]).sort(),
      );
    } finally {
      await store.close();
    }
  });

  test('GIVEN commands from servers on both shards THEN each is answered exactly once, by the process that owns its shard', async () => {
    const interactions = Array.from({ length: 12 }, (_, i) => {
      const guildId = guildWithKey(BigInt(i));
      const origin = inServer(user(String(1_300_000_000_000_200_000n + BigInt(i)), `learner${i}`), { guildId });
      return { guildId, interaction: slashCommand('explain', [text('topic', 'volumes')], origin, fake.applicationId) };
    });
    expect(new Set(interactions.map((i) => shardOfGuild(i.guildId, 2)))).toEqual(new Set([0, 1]));
    for (const { interaction } of interactions) fake.dispatch('INTERACTION_CREATE', interaction);

    const callbacksFor = (id: string) => fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && r.path.endsWith('/callback'));
    // Every interaction answered, and each process has logged every interaction of its shard.
    await expect
      .poll(() => interactions.every(({ interaction }) => callbacksFor(String(interaction['id'])).length > 0), { timeout: 30_000, interval: 100 })
      .toBe(true);
    for (const bot of bots) {
      const own = interactions.filter((i) => shardOfGuild(i.guildId, 2) === bot.shard).map((i) => String(i.interaction['id']));
      await expect.poll(() => handledBy(bot).filter((id) => own.includes(id)).sort(), { timeout: 30_000, interval: 100 }).toEqual([...own].sort());
    }

    for (const { guildId, interaction } of interactions) {
      const id = String(interaction['id']);
      const owner = shardOfGuild(guildId, 2);
      // The fake gave it to the owning shard's session only, that process answered it once, and the other never handled it.
      expect(fake.deliveries.filter((d) => d.id === id).map((d) => d.shard)).toEqual([[owner, 2]]);
      const callbacks = callbacksFor(id);
      expect(callbacks).toHaveLength(1);
      expect(callbacks[0]!.status).toBe(204);
      expect(callbacks[0]!.body).toMatchObject({ type: 4, data: { embeds: [{ title: 'Volumes' }] } });
      expect(handledBy(bots[owner]!).filter((h) => h === id)).toHaveLength(1);
      expect(handledBy(bots[1 - owner]!)).not.toContain(id);
    }
  });
});
