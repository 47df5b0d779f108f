import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../../../src/app.ts';
import type { CommandRequest, Reply } from '../../../src/core/index.ts';
import { DailyScheduler, type DailySchedulerOptions, type OutgoingReminder, type ReminderOutcome, type ReminderSender } from '../../../src/daily/index.ts';
import type { Logger } from '../../../src/logger.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { giveDueCards } from '../../fixtures/due-cards.ts';
import { FakePlatform } from './fake-platform.ts';

/** Direct messages as Discord keeps them: a repeated nonce returns the first message instead of a second. */
class FakeDirectMessages implements ReminderSender {
  readonly platform = 'discord' as const;
  readonly idempotent = true;
  readonly attempts: OutgoingReminder[] = [];
  readonly delivered = new Map<string, OutgoingReminder>();
  /** What the next attempts answer (`lose-answer`: delivered, but the answer is lost). */
  failures: ('fail' | 'lose-answer' | 'closed')[] = [];

  async send(reminder: OutgoingReminder): Promise<ReminderOutcome> {
    this.attempts.push(reminder);
    const failure = this.failures.shift();
    if (failure === 'closed') return { status: 'dms-closed', detail: '403 Cannot send messages to this user (50007)' };
    if (failure === 'fail') return { status: 'failed', detail: '500 Internal Server Error' };
    if (!this.delivered.has(reminder.idempotencyKey)) this.delivered.set(reminder.idempotencyKey, reminder);
    if (failure === 'lose-answer') return { status: 'failed', detail: 'timed out' };
    return { status: 'sent' };
  }

  to(userId: string): OutgoingReminder[] {
    return [...this.delivered.values()].filter((r) => r.userId === userId);
  }
}

const lines: string[] = [];
const log: Logger = { debug: () => undefined, info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) };
const text = (reply: Reply) => JSON.stringify(reply);

describe('reminders by direct message, driven by the daily scheduler', () => {
  let app: App;
  let dms: FakeDirectMessages;
  let now: Date;
  const set = (iso: string) => (now = new Date(iso));
  const scheduler = (options: DailySchedulerOptions = {}) =>
    new DailyScheduler(
      { store: app.services.store, deck: app.services.deck, posters: [new FakePlatform()], reminderSenders: [dms], clock: () => now, newId: app.services.newId, log },
      options,
    );
  const request = (userId = '1400000000000000002', platform: CommandRequest['platform'] = 'discord'): CommandRequest => ({
    platform,
    user: { id: userId, name: 'ada' },
    channelId: '1200000000000000001',
    now,
  });
  const settings = (args: Record<string, unknown>, who = request()) =>
    app.registry.execute('settings', args, { ...who, now }, { ...app.services, daily: scheduler() });

  /** Gives the learner `n` cards that come due at `due`, as reviews do. */
  const cardsDue = (userId: string, n: number, due: Date) =>
    giveDueCards(app.services, { learnerKey: `discord:${userId}`, count: n, due, reviewedAt: now });

  beforeEach(async () => {
    app = await createTestApp();
    dms = new FakeDirectMessages();
    lines.length = 0;
    set('2026-03-27T12:00:00Z');
  });
  afterEach(async () => {
    await app.close();
  });

  test('GIVEN reminders on at 18:00 in Europe/Berlin THEN one DM at 18:00 local each day, across the spring-forward change, with the count and a Review now button', async () => {
    await settings({ 'time-zone': 'Europe/Berlin' });
    const saved = await settings({ reminders: 'on', 'reminder-time': '6pm' });
    expect(text(saved)).toContain('On: 18:00 Europe/Berlin, next today if cards are due.');
    await cardsDue('1400000000000000002', 3, new Date('2026-03-27T13:00:00Z'));
    const daily = scheduler();
    set('2026-03-27T16:59:59Z'); // 17:59:59 CET
    expect((await daily.tick()).reminders).toMatchObject({ sent: 0 });
    set('2026-03-27T17:00:02Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 1 });
    expect((await daily.tick()).reminders).toMatchObject({ sent: 0 });
    const [first] = dms.to('1400000000000000002');
    expect(first!.reply.text).toContain('3 cards are due');
    expect(first!.reply.actions?.[0]?.[0]).toMatchObject({ label: 'Review now', id: 'v1:review' });
    expect(first!.idempotencyKey.length).toBeLessThanOrEqual(25);

    // 2026-03-29 is the spring-forward day: 18:00 CEST is 16:00 UTC. The 28th comes at 17:00 UTC as before.
    set('2026-03-28T17:00:01Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 1 });
    set('2026-03-29T15:59:59Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 0 });
    set('2026-03-29T16:00:01Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 1 });
    expect(dms.attempts).toHaveLength(3);
    expect(new Set(dms.attempts.map((a) => a.idempotencyKey)).size).toBe(3);
  });

  test('GIVEN no card due at the reminder time THEN no message, the day is done, and the next day with cards due gets one', async () => {
    await settings({ reminders: 'on' }); // 18:00 UTC by default, with no zone set
    await cardsDue('1400000000000000002', 2, new Date('2026-03-28T06:00:00Z'));
    const daily = scheduler();
    set('2026-03-27T18:00:05Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 0, nothingDue: 1 });
    expect(dms.attempts).toEqual([]);
    set('2026-03-28T18:00:05Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 1 });
    expect(dms.attempts[0]!.reply.text).toContain('2 cards are due');
  });

  test('GIVEN two schedulers over one store ticking at once THEN the reminder goes out once', async () => {
    await settings({ reminders: 'on', 'reminder-time': '13:00' });
    await cardsDue('1400000000000000002', 1, new Date('2026-03-27T12:30:00Z'));
    set('2026-03-27T13:00:01Z');
    const reports = await Promise.all([scheduler().tick(), scheduler().tick(), scheduler().tick()]);
    expect(reports.reduce((sum, r) => sum + (r.reminders?.sent ?? 0), 0)).toBe(1);
    expect(dms.attempts).toHaveLength(1);
    expect(dms.attempts[0]!.reply.text).toContain('1 card is due');
  });

  test('GIVEN someone whose direct messages are closed THEN their reminders are turned off with a log line, and /settings says why', async () => {
    await settings({ reminders: 'on', 'reminder-time': '13:00' });
    await cardsDue('1400000000000000002', 1, new Date('2026-03-27T12:30:00Z'));
    dms.failures = ['closed'];
    set('2026-03-27T13:00:01Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ disabled: 1, sent: 0 });
    expect(lines.join('\n')).toMatch(/Reminders: discord:1400000000000000002 turned off: they accept no direct messages/);
    expect(await app.services.store.reminders.reminder('discord:1400000000000000002')).toMatchObject({ enabled: false, disabledReason: 'dms-closed' });
    expect(text(await settings({}))).toContain('my direct message to you was refused');
    set('2026-03-28T13:00:01Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ sent: 0, disabled: 0 });
    expect(dms.attempts).toHaveLength(1);
  });

  test('GIVEN a send whose answer is lost and a failure THEN retries carry the same nonce and one message arrives; past the window the day is given up', async () => {
    await settings({ reminders: 'on', 'reminder-time': '13:00' });
    await cardsDue('1400000000000000002', 1, new Date('2026-03-27T12:30:00Z'));
    const daily = scheduler();
    dms.failures = ['lose-answer', 'fail'];
    set('2026-03-27T13:00:00Z');
    expect((await daily.tick()).reminders).toMatchObject({ retrying: 1 });
    set('2026-03-27T13:00:04Z');
    expect((await daily.tick()).reminders).toMatchObject({ retrying: 0, sent: 0 });
    set('2026-03-27T13:00:05Z');
    expect((await daily.tick()).reminders).toMatchObject({ retrying: 1 });
    set('2026-03-27T13:00:20Z');
    expect((await daily.tick()).reminders).toMatchObject({ sent: 1 });
    expect(dms.attempts).toHaveLength(3);
    expect(new Set(dms.attempts.map((a) => a.idempotencyKey)).size).toBe(1);
    expect(dms.delivered.size).toBe(1);

    // The next day every attempt fails: 5 s, 20 s and 60 s after the first, then it is given up.
    dms.failures = ['fail', 'fail', 'fail', 'fail'];
    for (const [iso, outcome] of [
      ['2026-03-28T13:00:00Z', { retrying: 1 }],
      ['2026-03-28T13:00:05Z', { retrying: 1 }],
      ['2026-03-28T13:00:20Z', { retrying: 1 }],
      ['2026-03-28T13:01:00Z', { gaveUp: 1 }],
    ] as const) {
      set(iso);
      expect((await daily.tick()).reminders).toMatchObject(outcome);
    }
    expect(lines.join('\n')).toMatch(/gave up on 2026-03-28/);
    expect((await app.services.store.reminders.reminder('discord:1400000000000000002'))?.nextDue?.localDate).toBe('2026-03-29');
  });

  test('GIVEN a process down at reminder time THEN within the grace window it goes out late, beyond it the day is skipped with a log line', async () => {
    await settings({ reminders: 'on', 'reminder-time': '13:00' });
    await cardsDue('1400000000000000002', 1, new Date('2026-03-27T12:30:00Z'));
    set('2026-03-27T14:59:00Z');
    expect((await scheduler({ graceMinutes: 120 }).tick()).reminders).toMatchObject({ sent: 1 });
    set('2026-03-28T15:01:00Z');
    expect((await scheduler({ graceMinutes: 120 }).tick()).reminders).toMatchObject({ sent: 0, skipped: 1 });
    expect(lines.join('\n')).toMatch(/skipped 2026-03-28: 121 minutes late, past DAILY_GRACE_MINUTES \(120\)/);
    expect((await app.services.store.reminders.reminder('discord:1400000000000000002'))?.nextDue).toEqual({ at: new Date('2026-03-29T13:00:00Z'), localDate: '2026-03-29' });
  });

  test('GIVEN a new time zone in /settings THEN the reminder follows it; reminders off stops them and on again the same day does not remind twice', async () => {
    await settings({ reminders: 'on', 'reminder-time': '13:00' });
    await cardsDue('1400000000000000002', 1, new Date('2026-03-27T12:30:00Z'));
    const moved = await settings({ 'time-zone': 'Asia/Kathmandu' }); // UTC+05:45
    expect(text(moved)).toContain('On: 13:00 Asia/Kathmandu, next tomorrow if cards are due.');
    expect((await app.services.store.reminders.reminder('discord:1400000000000000002'))?.nextDue).toEqual({ at: new Date('2026-03-28T07:15:00Z'), localDate: '2026-03-28' });
    set('2026-03-28T07:15:01Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ sent: 1 });
    expect(text(await settings({ reminders: 'off' }))).toContain('Off. `/settings reminders:on` turns them on again.');
    set('2026-03-28T07:16:00Z');
    const again = await settings({ reminders: 'on' });
    expect(text(again)).toContain('On: 13:00 Asia/Kathmandu, next tomorrow if cards are due.');
  });

  test('GIVEN hostile or impossible input THEN nothing is saved and the answer says what to write', async () => {
    for (const bad of ['<@&1300000000000000001>', '@everyone', '25:00', '9:75', '1'.repeat(16), '18:00; DROP TABLE reminders']) {
      const reply = await settings({ reminders: 'on', 'reminder-time': bad });
      expect(reply.tone).toBe('error');
      expect(text(reply)).not.toContain('@everyone');
    }
    expect((await settings({ 'reminder-time': 'x'.repeat(17) })).tone).toBe('error');
    expect(await app.services.store.reminders.reminder('discord:1400000000000000002')).toBeUndefined();
    // The console has no direct messages: said plainly, nothing saved.
    const console = await settings({ reminders: 'on' }, request('console', 'console'));
    expect(text(console)).toContain('Reminders are not available here');
    expect(await app.services.store.reminders.reminder('console:console')).toBeUndefined();
  });
});

/** Slack-like direct messages: no idempotency key, so a repeated attempt is a second message. */
class KeylessDirectMessages implements ReminderSender {
  readonly platform = 'discord' as const;
  readonly idempotent = false;
  readonly delivered: OutgoingReminder[] = [];
  failures: ('rate-limited' | 'lose-answer' | 'crash')[] = [];
  /** Refuse every attempt (a refusal that never clears, such as Slack's `restricted_action`). */
  refuseAll = false;
  attempts = 0;

  async send(reminder: OutgoingReminder): Promise<ReminderOutcome> {
    this.attempts++;
    if (this.refuseAll) return { status: 'failed', detail: 'restricted_action', notPosted: true };
    const failure = this.failures.shift();
    if (failure === 'rate-limited') return { status: 'failed', detail: '429 ratelimited', notPosted: true };
    this.delivered.push(reminder);
    if (failure === 'crash') throw new Error('process died after the message went out');
    if (failure === 'lose-answer') return { status: 'failed', detail: 'timed out' };
    return { status: 'sent' };
  }
}

describe('reminders on a platform without an idempotency key', () => {
  let app: App;
  let now: Date;
  let dms: KeylessDirectMessages;
  const scheduler = () =>
    new DailyScheduler({ store: app.services.store, deck: app.services.deck, posters: [], reminderSenders: [dms], clock: () => now, newId: app.services.newId, log });

  beforeEach(async () => {
    app = await createTestApp();
    dms = new KeylessDirectMessages();
    lines.length = 0;
    now = new Date('2026-03-27T12:00:00Z');
    await app.services.store.reminders.saveReminder({ learnerKey: 'discord:u1', platform: 'discord', userId: 'u1', time: '13:00', timeZone: 'UTC', enabled: true, nextDue: { at: new Date('2026-03-27T13:00:00Z'), localDate: '2026-03-27' } }, now);
    await giveDueCards(app.services, { learnerKey: 'discord:u1', name: 'u1', count: 1, due: new Date('2026-03-27T12:30:00Z'), reviewedAt: now });
  });
  afterEach(async () => {
    await app.close();
  });

  test('GIVEN a rate limit (proven not posted) THEN it is retried; GIVEN a lost answer THEN it is never sent again', async () => {
    dms.failures = ['rate-limited'];
    now = new Date('2026-03-27T13:00:01Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ retrying: 1 });
    now = new Date('2026-03-27T13:00:06Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ sent: 1 });
    expect(dms.delivered).toHaveLength(1);

    dms.failures = ['lose-answer'];
    now = new Date('2026-03-28T13:00:01Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ gaveUp: 1 });
    now = new Date('2026-03-28T13:05:00Z');
    expect((await scheduler().tick()).reminders).toMatchObject({ sent: 0, gaveUp: 0 });
    expect(dms.delivered).toHaveLength(2);
  });

  test('GIVEN a refusal that never clears THEN the retries back off and stop at the end of the grace window', async () => {
    dms.refuseAll = true;
    // Every 5 seconds (the scheduler's tick) from the due time to past the two-hour grace window.
    for (let at = Date.parse('2026-03-27T13:00:01Z'); at <= Date.parse('2026-03-27T15:01:00Z'); at += 5_000) {
      now = new Date(at);
      await scheduler().tick();
    }
    expect(dms.attempts).toBeGreaterThanOrEqual(10);
    expect(dms.attempts).toBeLessThanOrEqual(20);
    expect(dms.delivered).toHaveLength(0);
    expect((await app.services.store.reminders.reminder('discord:u1'))?.nextDue?.localDate).toBe('2026-03-28');
  });

  test('GIVEN a process that died mid-send THEN the next claim gives the day up instead of sending it twice', async () => {
    dms.failures = ['crash'];
    now = new Date('2026-03-27T13:00:01Z');
    await scheduler().tick();
    expect(lines.join('\n')).toMatch(/process died after the message went out/);
    now = new Date('2026-03-27T13:01:30Z'); // the 60-second lease has run out
    expect((await scheduler().tick()).reminders).toMatchObject({ gaveUp: 1, sent: 0 });
    expect(dms.delivered).toHaveLength(1);
    expect((await app.services.store.reminders.reminder('discord:u1'))?.nextDue?.localDate).toBe('2026-03-28');
  });
});
