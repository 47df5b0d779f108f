import { describe, expect, test } from 'vitest';
import type { Reminder, Store } from '../../../src/store/index.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LEASE = 60_000;

function reminder(userId: string, dueMinutes: number, overrides: Partial<Reminder> = {}): Reminder {
  return {
    learnerKey: `discord:${userId}`,
    platform: 'discord',
    userId,
    time: '18:00',
    timeZone: 'Europe/Berlin',
    enabled: true,
    nextDue: { at: at(dueMinutes), localDate: '2026-03-01' },
    ...overrides,
  };
}

/** The reminder and daily-streak part of the Store contract; `store()` is the store of the current test. */
export function describeReminderStoreContract(store: () => Store): void {
  describe('reminders by direct message', () => {
    test('GIVEN a saved reminder THEN it reads back, and disabling it clears its next date and stops claims', async () => {
      const saved = reminder('u1', 0);
      await store().reminders.saveReminder(saved, T0);
      expect(await store().reminders.reminder('discord:u1')).toEqual(saved);
      expect(await store().reminders.reminder('discord:nobody')).toBeUndefined();
      expect(await store().reminders.disableReminder('discord:u1', 'dms-closed')).toBe(true);
      expect(await store().reminders.disableReminder('discord:u1', 'dms-closed')).toBe(false);
      const disabled = await store().reminders.reminder('discord:u1');
      expect(disabled).toMatchObject({ enabled: false, disabledReason: 'dms-closed' });
      expect(disabled?.nextDue).toBeUndefined();
      expect(await store().reminders.claimDueReminders(['discord'], at(10), LEASE, 10)).toEqual([]);
    });

    test('GIVEN reminders due and not due THEN a claim takes the due ones of its platforms, earliest first, leased, and a begun attempt is kept', async () => {
      await store().reminders.saveReminder(reminder('late', 5), T0);
      await store().reminders.saveReminder(reminder('early', 1), T0);
      await store().reminders.saveReminder(reminder('future', 60), T0);
      await store().reminders.saveReminder(reminder('s1', 1, { platform: 'slack', learnerKey: 'slack:s1' }), T0);
      const claims = await store().reminders.claimDueReminders(['discord'], at(10), LEASE, 10);
      expect(claims.map((c) => c.reminder.userId)).toEqual(['early', 'late']);
      expect(claims[0]).toEqual({ reminder: expect.objectContaining({ userId: 'early' }), localDate: '2026-03-01', dueAt: at(1), leaseUntil: new Date(at(10).getTime() + LEASE) });
      expect(await store().reminders.startReminderAttempt('discord:early', at(10))).toEqual(at(10));
      expect(await store().reminders.startReminderAttempt('discord:early', at(10.2))).toEqual(at(10));
      expect(await store().reminders.claimDueReminders(['discord'], at(10.5), LEASE, 10)).toEqual([]);
      // The lease ran out (a process died mid-send): claimed again, with the attempt it had begun.
      const again = await store().reminders.claimDueReminders(['discord'], new Date(at(10).getTime() + LEASE), LEASE, 10);
      expect(again.map((c) => [c.reminder.userId, c.firstAttemptAt])).toEqual([['early', at(10)], ['late', undefined]]);
      expect((await store().reminders.claimDueReminders(['slack', 'discord'], at(11.5), LEASE, 10)).map((c) => c.reminder.learnerKey)).toEqual(['slack:s1']);
    });

    test('GIVEN twenty due reminders and eight claimers at once THEN each is claimed exactly once', async () => {
      for (let i = 0; i < 20; i++) await store().reminders.saveReminder(reminder(`u${i}`, i % 5), T0);
      const rounds = await Promise.all(Array.from({ length: 8 }, () => store().reminders.claimDueReminders(['discord'], at(10), LEASE, 3)));
      const claimed = rounds.flat().map((c) => c.reminder.learnerKey);
      expect(new Set(claimed).size).toBe(claimed.length);
      const rest = await store().reminders.claimDueReminders(['discord'], at(10), LEASE, 100);
      expect(claimed.length + rest.length).toBe(20);
    });

    test('GIVEN a claimed reminder advanced THEN its date is done, its next date is claimable in time, and the first attempt starts afresh', async () => {
      await store().reminders.saveReminder(reminder('u1', 0), T0);
      const [claim] = await store().reminders.claimDueReminders(['discord'], at(1), LEASE, 10);
      await store().reminders.startReminderAttempt('discord:u1', at(1));
      await store().reminders.advanceReminder('discord:u1', claim!.localDate, { at: at(24 * 60), localDate: '2026-03-02' });
      expect(await store().reminders.reminder('discord:u1')).toMatchObject({ lastDoneDate: '2026-03-01', nextDue: { at: at(24 * 60), localDate: '2026-03-02' } });
      expect(await store().reminders.claimDueReminders(['discord'], at(2), LEASE, 10)).toEqual([]);
      const [next] = await store().reminders.claimDueReminders(['discord'], at(24 * 60 + 3), LEASE, 10);
      expect(next).toMatchObject({ localDate: '2026-03-02' });
      expect(next!.firstAttemptAt).toBeUndefined();
      // A stale advance (for a date no longer pending) changes nothing.
      await store().reminders.advanceReminder('discord:u1', '2026-03-01', { at: at(99_999), localDate: '2026-05-01' });
      expect((await store().reminders.reminder('discord:u1'))?.nextDue?.localDate).toBe('2026-03-02');
    });

    test('GIVEN a failed send put back for a retry THEN it is claimable again at the retry time, not before', async () => {
      await store().reminders.saveReminder(reminder('u1', 0), T0);
      await store().reminders.claimDueReminders(['discord'], at(1), LEASE, 10);
      await store().reminders.startReminderAttempt('discord:u1', at(1));
      await store().reminders.retryReminderAt('discord:u1', at(1.25));
      expect(await store().reminders.claimDueReminders(['discord'], at(1.2), LEASE, 10)).toEqual([]);
      const [retry] = await store().reminders.claimDueReminders(['discord'], at(1.25), LEASE, 10);
      expect(retry).toMatchObject({ localDate: '2026-03-01', firstAttemptAt: at(1) });
      // An attempt proven not posted is forgotten: the retry starts afresh.
      await store().reminders.retryReminderAt('discord:u1', at(1.5), true);
      const [fresh] = await store().reminders.claimDueReminders(['discord'], at(1.5), LEASE, 10);
      expect(fresh).toMatchObject({ localDate: '2026-03-01' });
      expect(fresh!.firstAttemptAt).toBeUndefined();
    });

    test('GIVEN a reminder saved again after its day was done THEN the done date is kept, and /forget-me deletes it', async () => {
      await store().reminders.saveReminder(reminder('u1', 0), T0);
      const [claim] = await store().reminders.claimDueReminders(['discord'], at(1), LEASE, 10);
      await store().reminders.advanceReminder('discord:u1', claim!.localDate, { at: at(24 * 60), localDate: '2026-03-02' });
      await store().reminders.saveReminder(reminder('u1', 30, { time: '10:30', nextDue: { at: at(30), localDate: '2026-03-01' } }), at(2));
      expect(await store().reminders.reminder('discord:u1')).toMatchObject({ time: '10:30', lastDoneDate: '2026-03-01' });
      await store().reminders.saveReminder(reminder('u2', 0), T0);
      expect((await store().forgetLearner('discord:u1'))['reminders']).toBe(1);
      expect(await store().reminders.reminder('discord:u1')).toBeUndefined();
      expect(await store().reminders.reminder('discord:u2')).toBeDefined();
    });
  });

  describe('daily streak days', () => {
    const ada = { key: 'discord:ada', name: 'Ada' };
    const answer = (quizId: string, correct: boolean, dailyDate?: string) => ({
      quizId,
      learner: ada,
      serverId: 'guild-1',
      choice: 0,
      correct,
      answeredAt: T0,
      studyDate: '2026-03-01',
      ...(dailyDate ? { dailyDate } : {}),
    });

    test('GIVEN right and wrong answers to daily posts THEN only right ones record their date, once each, and /forget-me deletes them', async () => {
      for (const id of ['d1', 'd2', 'd3', 'd4', 'plain']) await store().createQuiz({ id, questionId: 'volumes/q', optionOrder: [0, 1, 2, 3], createdAt: T0 });
      expect(await store().recordQuizAnswer(answer('d1', true, '2026-03-01'))).toBe('recorded');
      expect(await store().recordQuizAnswer(answer('d2', false, '2026-03-02'))).toBe('recorded');
      expect(await store().recordQuizAnswer(answer('d3', true, '2026-03-03'))).toBe('recorded');
      // Two right daily answers on one date count that date once; a refused second answer records nothing.
      expect(await store().recordQuizAnswer(answer('d4', true, '2026-03-03'))).toBe('recorded');
      expect(await store().recordQuizAnswer(answer('d2', true, '2026-03-04'))).toBe('already-answered');
      expect(await store().recordQuizAnswer(answer('plain', true))).toBe('recorded');
      expect((await store().learnerActivity(ada.key)).dailyDates).toEqual(['2026-03-03', '2026-03-01']);
      expect((await store().forgetLearner(ada.key))['daily_answer_days']).toBe(2);
      expect((await store().learnerActivity(ada.key)).dailyDates).toEqual([]);
    });

    test('GIVEN right daily answers in a server THEN each is one point on its leaderboard, like any quiz answer', async () => {
      for (const id of ['d1', 'd2']) await store().createQuiz({ id, questionId: 'volumes/q', optionOrder: [0, 1, 2, 3], createdAt: T0 });
      await store().recordQuizAnswer(answer('d1', true, '2026-03-01'));
      await store().recordQuizAnswer(answer('d2', true, '2026-03-02'));
      expect(await store().leaderboard('guild-1', new Date(0), 10)).toEqual([{ learnerKey: ada.key, name: 'Ada', points: 2 }]);
    });
  });
}
