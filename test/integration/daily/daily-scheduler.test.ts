import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../../../src/app.ts';
import {
  DailyScheduler,
  saveDailySchedule,
  type DailySchedulerOptions,
  type DailyScheduleSettings,
} from '../../../src/daily/index.ts';
import type { Logger } from '../../../src/logger.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { FakePlatform } from './fake-platform.ts';

class Clock {
  constructor(public now: Date) {}
  set(iso: string) {
    this.now = new Date(iso);
  }
  advance(ms: number) {
    this.now = new Date(this.now.getTime() + ms);
  }
  read = () => this.now;
}

const lines: string[] = [];
const log: Logger = { debug: () => undefined, info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) };

function settings(channelId: string, overrides: Partial<DailyScheduleSettings> = {}): DailyScheduleSettings {
  return {
    platform: 'discord',
    channelId,
    serverId: 'guild-1',
    time: '09:00',
    timeZone: 'Europe/Berlin',
    weekdays: [],
    topics: [],
    revealAfterMinutes: 720,
    setBy: 'discord:admin',
    ...overrides,
  };
}

describe('DailyScheduler', () => {
  let app: App;
  let platform: FakePlatform;
  let clock: Clock;
  let ids = 0;
  const scheduler = (options: DailySchedulerOptions = {}) =>
    new DailyScheduler(
      { store: app.services.store, deck: app.services.deck, posters: [platform], clock: clock.read, newId: () => `daily${String(++ids).padStart(6, '0')}`, log },
      options,
    );

  beforeEach(async () => {
    app = await createTestApp();
    platform = new FakePlatform();
    clock = new Clock(new Date('2026-03-28T07:00:00Z'));
    lines.length = 0;
  });
  afterEach(async () => {
    await app.close();
  });

  test('GIVEN 09:00 Europe/Berlin THEN nothing before it, one post at it, and the next one is 09:00 the next local day across the DST change', async () => {
    await saveDailySchedule(app.services.store, settings('c1', { roleId: 'role-7' }), clock.now);
    const daily = scheduler();
    clock.set('2026-03-28T07:59:59Z');
    expect((await daily.tick()).posted).toBe(0);
    clock.set('2026-03-28T08:00:03Z');
    expect((await daily.tick()).posted).toBe(1);
    expect((await daily.tick()).posted).toBe(0);
    const [message] = platform.postsIn('c1');
    expect(message!.reply.title).toMatch(/^Daily quiz · .+ · 2026-03-28$/);
    expect(message!.reply.actions?.[0]?.map((a) => a.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(message!.pingRoleId).toBe('role-7');
    const schedule = await app.services.store.daily.schedule('discord', 'c1');
    // Sunday 29 March: the clocks go forward, 09:00 CEST is 07:00 UTC.
    expect(schedule).toMatchObject({ lastPostedDate: '2026-03-28', nextDue: { at: new Date('2026-03-29T07:00:00Z'), localDate: '2026-03-29' } });
  });

  test('GIVEN a tick of several batches THEN its progress is recorded at each claim and each finished send, before the tick ends; stale after three ticks or two leases', async () => {
    for (const channel of ['p1', 'p2', 'p3', 'p4']) await saveDailySchedule(app.services.store, settings(channel), clock.now);
    const daily = scheduler({ batchSize: 2, concurrency: 1 });
    expect([daily.lastProgressAt, daily.staleAfterMs]).toEqual([undefined, 120_000]);
    expect(scheduler({ tickMs: 60_000 }).staleAfterMs).toBe(180_000);
    const seen: (Date | undefined)[] = [];
    const post = platform.post.bind(platform);
    platform.post = (outgoing) => {
      seen.push(daily.lastProgressAt);
      clock.advance(5_000);
      return post(outgoing);
    };
    clock.set('2026-03-28T08:00:03Z');
    expect((await daily.tick()).posted).toBe(4);
    // Each send saw the progress before it: the first claim (08:00:03), the first send's end (08:00:08), the
    // second claim right after the second send (08:00:13), the third send's end (08:00:18).
    expect(seen).toEqual(['08:00:03', '08:00:08', '08:00:13', '08:00:18'].map((t) => new Date(`2026-03-28T${t}Z`)));
    expect([daily.lastProgressAt, daily.lastTickAt]).toEqual([new Date('2026-03-28T08:00:23Z'), new Date('2026-03-28T08:00:23Z')]);
  });

  test('GIVEN a post THEN its reveal comes once, at reveal_after, with counts and the buttons disabled', async () => {
    await saveDailySchedule(app.services.store, settings('c1', { revealAfterMinutes: 60 }), clock.now);
    const daily = scheduler();
    clock.set('2026-03-28T08:00:00Z');
    await daily.tick();
    clock.set('2026-03-28T08:59:00Z');
    expect((await daily.tick()).revealed).toBe(0);
    clock.set('2026-03-28T09:00:00Z');
    expect((await daily.tick()).revealed).toBe(1);
    expect((await daily.tick()).revealed).toBe(0);
    const [message] = platform.postsIn('c1');
    expect(message!.edits).toHaveLength(1);
    expect(message!.edits[0]!.text).toContain('The answer is');
    expect(message!.edits[0]!.actions!.flat().every((a) => a.disabled)).toBe(true);
  });

  test('GIVEN the process was down at 09:00 THEN it catches up within the grace window and skips beyond it with a log line', async () => {
    clock.set('2026-03-28T04:00:00Z');
    await saveDailySchedule(app.services.store, settings('late'), clock.now);
    await saveDailySchedule(app.services.store, settings('too-late', { time: '07:00' }), clock.now);
    clock.set('2026-03-28T09:30:00Z'); // 10:30 local: 09:00 is 90 minutes late, 07:00 is 210
    const report = await scheduler().tick();
    expect(report).toMatchObject({ posted: 1, skipped: 1 });
    expect(platform.postsIn('late')).toHaveLength(1);
    expect(platform.postsIn('too-late')).toHaveLength(0);
    expect(lines.join('\n')).toMatch(/too-late.*skipped 2026-03-28: 210 minutes late, past DAILY_GRACE_MINUTES \(120\)/);
    expect((await app.services.store.daily.schedule('discord', 'too-late'))?.nextDue?.localDate).toBe('2026-03-29');
  });

  test('GIVEN a send that fails THEN it is retried with backoff under the same key and posted once', async () => {
    await saveDailySchedule(app.services.store, settings('c1'), clock.now);
    const daily = scheduler();
    platform.failures = ['fail', 'lose-answer'];
    clock.set('2026-03-28T08:00:00Z');
    expect((await daily.tick()).retrying).toBe(1);
    clock.advance(4_000);
    expect(platform.attempts).toHaveLength(1);
    await daily.tick();
    expect(platform.attempts).toHaveLength(1);
    clock.advance(1_000);
    expect((await daily.tick()).retrying).toBe(1); // the answer was lost, but the message exists
    clock.advance(15_000);
    expect((await daily.tick()).posted).toBe(1);
    expect(platform.attempts).toHaveLength(3);
    expect(new Set(platform.attempts.map((a) => a.idempotencyKey)).size).toBe(1);
    expect(platform.attempts[0]!.idempotencyKey.length).toBeLessThanOrEqual(25);
    expect(platform.postsIn('c1')).toHaveLength(1);
  });

  test('GIVEN a process that died after sending THEN another claims it after the lease and the key returns the same message', async () => {
    await saveDailySchedule(app.services.store, settings('c1'), clock.now);
    clock.set('2026-03-28T08:00:00Z');
    const claims = await app.services.store.daily.claimDuePosts(['discord'], clock.now, 60_000, 10);
    expect(claims).toHaveLength(1);
    // The dead process had started the post and sent it; nothing was recorded after that.
    platform.failures = ['lose-answer'];
    const dead = scheduler();
    await dead.tick(); // claimed by the dead process already: nothing for it now
    expect(platform.attempts).toHaveLength(0);
    clock.advance(60_000);
    expect((await scheduler().tick()).retrying).toBe(1);
    clock.advance(5_000);
    expect((await scheduler().tick()).posted).toBe(1);
    expect(platform.postsIn('c1')).toHaveLength(1);
  });

  test('GIVEN a retry that would fall outside the nonce window THEN the day is given up: at most once', async () => {
    await saveDailySchedule(app.services.store, settings('c1'), clock.now);
    platform.failures = ['lose-answer'];
    clock.set('2026-03-28T08:00:00Z');
    await scheduler().tick();
    clock.advance(10 * 60_000); // the process was down for ten minutes
    expect((await scheduler().tick()).gaveUp).toBe(1);
    expect(platform.attempts).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/gave up on 2026-03-28: attempt 2 would fall outside the nonce window/);
    expect((await app.services.store.daily.schedule('discord', 'c1'))?.nextDue?.localDate).toBe('2026-03-29');
  });

  test('GIVEN a channel that is gone THEN its schedule is disabled with a log line and the others go on', async () => {
    await saveDailySchedule(app.services.store, settings('a'), clock.now);
    await saveDailySchedule(app.services.store, settings('b', { time: '09:01' }), clock.now);
    platform.failures = ['gone'];
    clock.set('2026-03-28T08:05:00Z');
    expect(await scheduler().tick()).toMatchObject({ disabled: 1, posted: 1 });
    expect(await app.services.store.daily.schedule('discord', 'a')).toMatchObject({ enabled: false, disabledReason: 'unknown-channel' });
    expect(lines.join('\n')).toMatch(/channel a .*disabled: unknown-channel/);
  });

  describe('on a platform without an idempotency key (Slack)', () => {
    beforeEach(() => {
      platform.idempotent = false;
    });

    test('GIVEN a send whose answer was lost THEN it is not sent again: at most once', async () => {
      await saveDailySchedule(app.services.store, settings('c1'), clock.now);
      platform.failures = ['lose-answer'];
      clock.set('2026-03-28T08:00:00Z');
      expect((await scheduler().tick()).gaveUp).toBe(1);
      clock.advance(60_000);
      expect(await scheduler().tick()).toMatchObject({ posted: 0, retrying: 0 });
      expect(platform.attempts).toHaveLength(1);
      expect(platform.postsIn('c1')).toHaveLength(1);
      expect((await app.services.store.daily.schedule('discord', 'c1'))?.nextDue?.localDate).toBe('2026-03-29');
    });

    test('GIVEN a send refused by a rate limit THEN it is retried with backoff and posted once', async () => {
      await saveDailySchedule(app.services.store, settings('c1'), clock.now);
      platform.failures = ['rate-limited', 'rate-limited'];
      clock.set('2026-03-28T08:00:00Z');
      const daily = scheduler();
      expect((await daily.tick()).retrying).toBe(1);
      clock.advance(5_000);
      expect((await daily.tick()).retrying).toBe(1);
      clock.advance(15_000);
      expect((await daily.tick()).posted).toBe(1);
      expect(platform.attempts).toHaveLength(3);
      expect(platform.postsIn('c1')).toHaveLength(1);
    });

    test('GIVEN a process that died mid-send THEN the next claim gives the day up instead of posting a second time', async () => {
      await saveDailySchedule(app.services.store, settings('c1'), clock.now);
      clock.set('2026-03-28T08:00:00Z');
      const [claim] = await app.services.store.daily.claimDuePosts(['discord'], clock.now, 60_000, 10);
      // What the dead process wrote before its send; nothing after it.
      await app.services.store.daily.startPost({ platform: 'discord', channelId: 'c1', postKey: claim!.localDate, quiz: { id: 'dead00000001', questionId: app.services.deck.questions[0]!.id, optionOrder: [0, 1, 2, 3], createdAt: clock.now } }, clock.now);
      clock.advance(61_000);
      expect((await scheduler().tick()).gaveUp).toBe(1);
      expect(platform.attempts).toHaveLength(0);
      expect(lines.join('\n')).toMatch(/gave up on 2026-03-28: attempt 1 may have posted .*no idempotency key/);
    });

    test('GIVEN a channel the bot was removed from THEN the schedule stops and whoever set it gets a private note', async () => {
      await saveDailySchedule(app.services.store, settings('c1', { setBy: 'discord:U42' }), clock.now);
      platform.failures = ['gone'];
      clock.set('2026-03-28T08:00:00Z');
      expect((await scheduler().tick()).disabled).toBe(1);
      expect(platform.notes).toHaveLength(1);
      expect(platform.notes[0]).toMatchObject({ userId: 'U42', reply: { title: 'Daily quiz stopped' } });
      expect(platform.notes[0]!.reply.text).toContain('channel `c1`');
    });
  });

  test('GIVEN two processes and forty channels due at once THEN each channel gets one post, with bounded concurrency', async () => {
    for (let i = 0; i < 40; i++) await saveDailySchedule(app.services.store, settings(`c${i}`), clock.now);
    let open!: () => void;
    platform.gate = new Promise((resolve) => (open = resolve));
    clock.set('2026-03-28T08:00:00Z');
    const ticks = [scheduler({ concurrency: 4, batchSize: 10 }).tick(), scheduler({ concurrency: 4, batchSize: 10 }).tick()];
    await expect.poll(() => platform.inFlight).toBe(8);
    open();
    const reports = await Promise.all(ticks);
    expect(reports[0]!.posted + reports[1]!.posted).toBe(40);
    expect(platform.maxInFlight).toBe(8);
    for (let i = 0; i < 40; i++) expect(platform.postsIn(`c${i}`)).toHaveLength(1);
  });

  test('GIVEN one channel whose send hangs THEN it holds only its own worker: every other channel is posted meanwhile', async () => {
    await saveDailySchedule(app.services.store, settings('slow', { time: '08:59' }), clock.now);
    for (let i = 0; i < 19; i++) await saveDailySchedule(app.services.store, settings(`c${i}`), clock.now);
    let release!: () => void;
    platform.holds.set('slow', new Promise((resolve) => (release = resolve)));
    clock.set('2026-03-28T08:00:00Z');
    const ticking = scheduler({ concurrency: 4, batchSize: 4 }).tick();
    // Earliest first: the slow channel was claimed first, and still the other nineteen go out.
    await expect.poll(() => platform.messages.size).toBe(19);
    expect(platform.attempts[0]!.channelId).toBe('slow');
    expect(platform.maxInFlight).toBeLessThanOrEqual(4);
    release();
    expect((await ticking).posted).toBe(20);
  });

  test('GIVEN claims that waited half their lease in the queue THEN they are left for the next claim, not sent late', async () => {
    await saveDailySchedule(app.services.store, settings('first'), clock.now);
    await saveDailySchedule(app.services.store, settings('second', { time: '09:01' }), clock.now);
    let open!: () => void;
    platform.gate = new Promise((resolve) => (open = resolve));
    clock.set('2026-03-28T08:02:00Z');
    const ticking = scheduler({ concurrency: 1, batchSize: 2 }).tick();
    await expect.poll(() => platform.inFlight).toBe(1);
    clock.advance(30_000); // the first send took half the lease
    open();
    expect((await ticking).posted).toBe(1);
    expect(platform.postsIn('second')).toHaveLength(0);
    clock.advance(30_000); // its lease has run out: claimable again
    expect((await scheduler().tick()).posted).toBe(1);
    expect(platform.postsIn('second')).toHaveLength(1);
  });

  test('GIVEN a stop during a fan-out THEN the sends in flight finish, the batch\'s unstarted claims are released at once, and nothing more is claimed', async () => {
    for (let i = 0; i < 30; i++) await saveDailySchedule(app.services.store, settings(`c${i}`), clock.now);
    let open!: () => void;
    platform.gate = new Promise((resolve) => (open = resolve));
    clock.set('2026-03-28T08:00:00Z');
    const daily = scheduler({ concurrency: 4, batchSize: 10, tickMs: 3_600_000 });
    daily.start();
    await expect.poll(() => platform.inFlight).toBe(4);
    const stopping = daily.stop();
    open();
    await stopping;
    expect(platform.messages.size).toBe(4);
    // The clock has not moved: the six released claims are claimable without waiting for their 60-second lease,
    // with the twenty never claimed.
    expect(await app.services.store.daily.claimDuePosts(['discord'], clock.now, 60_000, 100)).toHaveLength(26);
  });

  test('GIVEN /daily now THEN an extra post goes out that neither replaces the day nor repeats its question', async () => {
    const schedule = await saveDailySchedule(app.services.store, settings('c1'), clock.now);
    const daily = scheduler();
    expect(await daily.postNow(schedule)).toMatchObject({ status: 'sent' });
    clock.set('2026-03-28T08:00:00Z');
    expect((await daily.tick()).posted).toBe(1);
    const history = await app.services.store.daily.questionHistory('discord', 'c1');
    expect(history).toHaveLength(2);
    expect(history[0]!.questionId).not.toBe(history[1]!.questionId);
  });

  test('GIVEN today was posted and the schedule moved later THEN today is not posted again', async () => {
    await saveDailySchedule(app.services.store, settings('c1'), clock.now);
    clock.set('2026-03-28T08:00:00Z');
    await scheduler().tick();
    const moved = await saveDailySchedule(app.services.store, settings('c1', { time: '18:00' }), clock.now);
    expect(moved.nextDue?.localDate).toBe('2026-03-29');
  });
});
