import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveDailySchedule } from '../../../src/daily/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { launchScript, stderrShows, type Run } from '../../fixtures/launch-script.ts';
import { FakeDiscord } from './fake-discord.ts';

/**
 * Issue 12's claim test: two real bot processes (`src/main.ts`, as `npm start` runs it) on one real PostgreSQL and
 * one fake Discord, 200 channels due at once, one process killed with SIGKILL in the middle of the fan-out and
 * started again. What it proves about duplicates is proved against the fake's nonce (`fake-discord.ts` keeps an
 * enforced nonce five minutes), not Discord's.
 */
const url = process.env['STEVEDORE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
const available = await admin.connect().then(
  () => true,
  (error: Error) => (console.warn(`Skipping the two-process daily test: no PostgreSQL answered (${error.message}).`), false),
);

/** Shaped like a bot token (three dot-separated parts), but not one. */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.GdAiLy.two-process-token-for-the-daily-test-0123';
const CHANNELS = 200;
const channelId = (i: number) => String(1_500_000_000_000_000_000n + BigInt(i));
/** Each process's claims last 10 s and it looks for work every second, so a dead process's claims move on soon. */
const LEASE_SECONDS = 10;
/** Long enough that the process killed has posts out whose answers it never reads. */
const HOLD_MS = 400;

describe.skipIf(!available)('two bot processes on one PostgreSQL, one of them killed mid fan-out', () => {
  const schema = `stevedore_test_${randomBytes(6).toString('hex')}`;
  let databaseUrl: string;
  let fake: FakeDiscord;
  let store: Store;
  const runs: Run[] = [];

  const startBot = async (name: string): Promise<Run> => {
    const run = launchScript('src/main.ts', [], {
      DATABASE_URL: databaseUrl,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DAILY_LEASE_SECONDS: String(LEASE_SECONDS),
      DAILY_TICK_SECONDS: '1',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
    });
    runs.push(run);
    await stderrShows(run, /connected to Discord as/, 90_000).catch((error: Error) => {
      throw new Error(`bot ${name} did not start: ${error.message}`);
    });
    return run;
  };
  const posted = (run: Run) => [...run.output.stderr.matchAll(/Daily posts: discord channel \d+ .* posted /g)].length;

  beforeAll(async () => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = scoped.toString();
    // The test's own connection migrates the schema before the bots open it.
    store = await openStore({ DATABASE_URL: databaseUrl });
    fake = await FakeDiscord.start({ holdChannelPostsMs: HOLD_MS, keepRequests: false });
  }, 60_000);

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exit));
    await store?.close();
    await fake?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }, 60_000);

  test('GIVEN 200 channels due at once and a SIGKILL mid fan-out THEN every channel gets its post exactly once and every post one reveal', async () => {
    const [first, second] = await Promise.all([startBot('A'), startBot('B')]);

    // Saved while nothing is due (their next post is tomorrow's), then all made due at one instant ten minutes
    // ago, well within DAILY_GRACE_MINUTES, in one statement: what the clock reaching 200 schedules' time does.
    const due = new Date(Date.now() - 10 * 60_000);
    const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    for (let i = 0; i < CHANNELS; i++) {
      const saved = await saveDailySchedule(
        store,
        { platform: 'discord', channelId: channelId(i), serverId: '1600000000000000001', time, timeZone: 'UTC', weekdays: [], topics: [], revealAfterMinutes: 0, setBy: 'discord:1' },
        new Date(),
      );
      expect(saved.nextDue!.at.getTime()).toBeGreaterThan(Date.now());
    }
    const dueAt = new Date(due);
    dueAt.setUTCSeconds(0, 0);
    const made = await admin.query(`UPDATE ${schema}.daily_schedules SET next_due_at = $1, next_local_date = $2`, [dueAt.getTime(), dueAt.toISOString().slice(0, 10)]);
    expect(made.rowCount).toBe(CHANNELS);

    // Mid fan-out: some posts are out, most are not, and both processes hold claims.
    await expect.poll(() => fake.channelMessages.size, { timeout: 90_000, interval: 20 }).toBeGreaterThanOrEqual(80);
    expect(fake.channelMessages.size).toBeLessThan(CHANNELS);
    first!.child.kill('SIGKILL');
    await first!.exit;
    const postedBeforeKill = fake.channelMessages.size;
    const restarted = await startBot('A again');

    await expect.poll(() => fake.channelMessages.size, { timeout: 120_000, interval: 200 }).toBe(CHANNELS);
    // Every post recorded in the store, then revealed: one edit of each message.
    await expect
      .poll(async () => (await admin.query(`SELECT count(*)::int AS n FROM ${schema}.daily_posts WHERE revealed_at IS NOT NULL`)).rows[0].n, { timeout: 120_000, interval: 250 })
      .toBe(CHANNELS);

    const messages = [...fake.channelMessages.values()];
    // Exactly once: one message per channel, whatever was retried.
    expect(new Set(messages.map((m) => m.channelId)).size).toBe(CHANNELS);
    for (let i = 0; i < CHANNELS; i++) expect(fake.messagesIn(channelId(i)), channelId(i)).toHaveLength(1);
    // The process killed had posts out whose answers it never read; they were sent again with the same nonce, and
    // the fake answered with the message already created instead of a second one.
    expect(fake.nonceReplays).toBeGreaterThan(0);
    const rows = (await admin.query(`SELECT channel_id, message_id, attempts FROM ${schema}.daily_posts`)).rows as Array<{ channel_id: string; message_id: string; attempts: number }>;
    expect(rows).toHaveLength(CHANNELS);
    expect(rows.filter((r) => r.attempts > 1).length).toBeGreaterThan(0);
    for (const row of rows) expect(fake.channelMessages.get(row.message_id)?.channelId).toBe(row.channel_id);
    // Once each: the create, then one reveal edit.
    expect(messages.filter((m) => m.bodies.length !== 2).map((m) => `${m.channelId}: ${m.bodies.length} bodies`)).toEqual([]);
    expect(messages.every((m) => JSON.stringify(m.bodies[1]).includes('The answer is'))).toBe(true);
    // Both processes took part before the kill, and the survivors finished the work.
    expect(postedBeforeKill).toBeGreaterThan(0);
    expect(posted(first!)).toBeGreaterThan(0);
    expect(posted(second!) + posted(restarted)).toBeGreaterThan(0);
    expect(second!.output.stderr).not.toMatch(/^\S+ error /m);
    expect(restarted.output.stderr).not.toMatch(/^\S+ error /m);
  }, 300_000);
});
