import { describe, expect, test } from 'vitest';
import type { DailySchedule, Store } from '../../../src/store/index.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LEASE = 60_000;

function schedule(channelId: string, dueMinutes: number, overrides: Partial<DailySchedule> = {}): DailySchedule {
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
    enabled: true,
    nextDue: { at: at(dueMinutes), localDate: '2026-03-01' },
    ...overrides,
  };
}

const quiz = (id: string, channelId = 'c1') => ({
  id,
  questionId: 'volumes/q-anonymous',
  optionOrder: [2, 0, 1, 3],
  serverId: 'guild-1',
  channelId,
  createdAt: T0,
});

/** The daily-post part of the Store contract; `store()` is the store of the current test. */
export function describeDailyStoreContract(store: () => Store): void {
  describe('daily schedules, posts and reveals', () => {
    test('GIVEN a saved schedule THEN it reads back, and disabling it clears its next post', async () => {
      const saved = schedule('c1', 0, { weekdays: [1, 3, 5], topics: ['volumes', 'networks'], roleId: 'role-9' });
      await store().daily.saveSchedule(saved, T0);
      expect(await store().daily.schedule('discord', 'c1')).toEqual(saved);
      expect(await store().daily.disableSchedule('discord', 'c1', 'missing-access')).toBe(true);
      expect(await store().daily.disableSchedule('discord', 'c1', 'missing-access')).toBe(false);
      const disabled = await store().daily.schedule('discord', 'c1');
      expect(disabled).toMatchObject({ enabled: false, disabledReason: 'missing-access' });
      expect(disabled?.nextDue).toBeUndefined();
      expect(await store().daily.claimDuePosts(['discord'], at(10), LEASE, 10)).toEqual([]);
    });

    test('GIVEN schedules due and not due THEN a claim takes the due ones of its platforms, earliest first, leased', async () => {
      await store().daily.saveSchedule(schedule('late', 5), T0);
      await store().daily.saveSchedule(schedule('early', 1), T0);
      await store().daily.saveSchedule(schedule('future', 60), T0);
      await store().daily.saveSchedule(schedule('slack-one', 1, { platform: 'slack' }), T0);
      const claims = await store().daily.claimDuePosts(['discord'], at(10), LEASE, 10);
      expect(claims.map((c) => c.schedule.channelId)).toEqual(['early', 'late']);
      expect(claims[0]).toMatchObject({ localDate: '2026-03-01', dueAt: at(1), leaseUntil: new Date(at(10).getTime() + LEASE) });
      // Leased: nobody else gets them until the lease runs out.
      expect(await store().daily.claimDuePosts(['discord'], at(10.5), LEASE, 10)).toEqual([]);
      const again = await store().daily.claimDuePosts(['discord'], new Date(at(10).getTime() + LEASE), LEASE, 10);
      expect(again.map((c) => c.schedule.channelId)).toEqual(['early', 'late']);
      expect((await store().daily.claimDuePosts(['slack', 'discord'], at(11.5), LEASE, 10)).map((c) => c.schedule.channelId)).toEqual(['slack-one']);
    });

    test('GIVEN thirty due schedules and twelve claimers at once THEN each schedule is claimed exactly once', async () => {
      for (let i = 0; i < 30; i++) await store().daily.saveSchedule(schedule(`c${i}`, i % 7), T0);
      const rounds = await Promise.all(Array.from({ length: 12 }, () => store().daily.claimDuePosts(['discord'], at(10), LEASE, 4)));
      const claimed = rounds.flat().map((c) => c.schedule.channelId);
      expect(new Set(claimed).size).toBe(claimed.length);
      const rest = await store().daily.claimDuePosts(['discord'], at(10), LEASE, 100);
      expect(claimed.length + rest.length).toBe(30);
    });

    test('GIVEN a post started twice under one key THEN the first quiz and question stand and attempts count', async () => {
      const first = await store().daily.startPost({ platform: 'discord', channelId: 'c1', postKey: '2026-03-01', quiz: quiz('daily-q1') }, T0);
      expect(first).toMatchObject({ quizId: 'daily-q1', questionId: 'volumes/q-anonymous', attempts: 1, firstAttemptAt: T0 });
      const retry = await store().daily.startPost(
        { platform: 'discord', channelId: 'c1', postKey: '2026-03-01', quiz: { ...quiz('daily-q2'), questionId: 'other/q' } },
        at(1),
      );
      expect(retry).toMatchObject({ quizId: 'daily-q1', questionId: 'volumes/q-anonymous', attempts: 2, firstAttemptAt: T0 });
      expect(await store().quiz('daily-q2')).toBeUndefined();
      expect(await store().quiz('daily-q1')).toMatchObject({ questionId: 'volumes/q-anonymous', channelId: 'c1' });
    });

    test('GIVEN attempts at one post THEN each says whether the one before it was left open (it may have posted) or closed', async () => {
      const key = { platform: 'slack' as const, channelId: 'C1', postKey: '2026-03-01' };
      expect(await store().daily.startPost({ ...key, quiz: quiz('s1') }, T0)).toMatchObject({ attempts: 1, earlierAttemptOpen: false });
      // The first attempt's process died mid-send: nothing closed it.
      expect(await store().daily.startPost({ ...key, quiz: quiz('s2') }, at(1))).toMatchObject({ attempts: 2, earlierAttemptOpen: true });
      // The platform said this one created nothing.
      await store().daily.closeAttempt('slack', 'C1', '2026-03-01');
      expect(await store().daily.startPost({ ...key, quiz: quiz('s3') }, at(2))).toMatchObject({ attempts: 3, earlierAttemptOpen: false });
      // A recorded send closes the attempt too; other channels are untouched.
      await store().daily.recordPostSent('slack', 'C1', '2026-03-01', '1700000000.000100', at(3), at(60));
      expect(await store().daily.startPost({ ...key, quiz: quiz('s4') }, at(4))).toMatchObject({ attempts: 4, earlierAttemptOpen: false, messageId: '1700000000.000100' });
      expect(await store().daily.startPost({ ...key, channelId: 'C2', quiz: quiz('s5', 'C2') }, at(4))).toMatchObject({ attempts: 1, earlierAttemptOpen: false });
    });

    test('GIVEN a post sent and its schedule advanced THEN the date counts as posted, even after the schedule is changed', async () => {
      await store().daily.saveSchedule(schedule('c1', 0), T0);
      const [claim] = await store().daily.claimDuePosts(['discord'], at(1), LEASE, 10);
      await store().daily.startPost({ platform: 'discord', channelId: 'c1', postKey: claim!.localDate, quiz: quiz('d1') }, at(1));
      await store().daily.recordPostSent('discord', 'c1', claim!.localDate, 'm-1', at(1), at(60));
      await store().daily.recordPostSent('discord', 'c1', claim!.localDate, 'm-2', at(2), at(70));
      const next = { at: at(24 * 60), localDate: '2026-03-02' };
      await store().daily.advanceSchedule('discord', 'c1', claim!.localDate, next);
      expect(await store().daily.schedule('discord', 'c1')).toMatchObject({ nextDue: next, lastPostedDate: '2026-03-01' });
      expect(await store().daily.latestPost('discord', 'c1')).toMatchObject({ messageId: 'm-1', postedAt: at(1), revealDueAt: at(60) });
      // Claimable again right away: the lease was released with the advance.
      expect(await store().daily.claimDuePosts(['discord'], at(24 * 60), LEASE, 10)).toHaveLength(1);
      await store().daily.saveSchedule(schedule('c1', 30, { time: '18:00' }), at(2));
      expect((await store().daily.schedule('discord', 'c1'))?.lastPostedDate).toBe('2026-03-01');
    });

    test('GIVEN a schedule changed while claimed THEN the claim’s advance leaves the new next post alone', async () => {
      await store().daily.saveSchedule(schedule('c1', 0), T0);
      const [claim] = await store().daily.claimDuePosts(['discord'], at(1), LEASE, 10);
      const changed = { at: at(500), localDate: '2026-03-02' };
      await store().daily.saveSchedule(schedule('c1', 0, { nextDue: changed }), at(2));
      await store().daily.advanceSchedule('discord', 'c1', claim!.localDate, { at: at(24 * 60), localDate: '2026-03-03' });
      expect((await store().daily.schedule('discord', 'c1'))?.nextDue).toEqual(changed);
    });

    test('GIVEN a failed send put back for a retry THEN it is claimable at the retry time, not before', async () => {
      await store().daily.saveSchedule(schedule('c1', 0), T0);
      await store().daily.claimDuePosts(['discord'], at(1), LEASE, 10);
      await store().daily.retryClaimAt('discord', 'c1', at(1.25));
      expect(await store().daily.claimDuePosts(['discord'], at(1.2), LEASE, 10)).toEqual([]);
      expect(await store().daily.claimDuePosts(['discord'], at(1.25), LEASE, 10)).toHaveLength(1);
    });

    test('GIVEN sent posts THEN due reveals are claimed once each, leased, and recorded once', async () => {
      for (const channel of ['c1', 'c2', 'c3']) {
        await store().daily.startPost({ platform: 'discord', channelId: channel, postKey: '2026-03-01', quiz: quiz(`q-${channel}`, channel) }, T0);
      }
      await store().daily.recordPostSent('discord', 'c1', '2026-03-01', 'm1', T0, at(30));
      await store().daily.recordPostSent('discord', 'c2', '2026-03-01', 'm2', T0, at(90));
      // c3 was never sent: nothing to reveal.
      const results = await Promise.all(Array.from({ length: 6 }, () => store().daily.claimDueReveals(['discord'], at(40), LEASE, 10)));
      expect(results.flat().map((p) => p.channelId)).toEqual(['c1']);
      expect(await store().daily.recordReveal('discord', 'c1', '2026-03-01', at(40))).toBe(true);
      expect(await store().daily.recordReveal('discord', 'c1', '2026-03-01', at(41))).toBe(false);
      expect(await store().daily.claimDueReveals(['discord'], at(200), LEASE, 10)).toMatchObject([{ channelId: 'c2' }]);
      // Revealed early: due now, and never pushed later.
      expect(await store().daily.revealBy('discord', 'c2', at(300))).toBe(0);
    });

    test('GIVEN /daily reveal THEN an unrevealed post becomes due at once', async () => {
      await store().daily.startPost({ platform: 'discord', channelId: 'c1', postKey: '2026-03-01', quiz: quiz('q1') }, T0);
      await store().daily.recordPostSent('discord', 'c1', '2026-03-01', 'm1', T0, at(720));
      expect(await store().daily.claimDueReveals(['discord'], at(5), LEASE, 10)).toEqual([]);
      expect(await store().daily.revealBy('discord', 'c1', at(5))).toBe(1);
      expect(await store().daily.claimDueReveals(['discord'], at(5), LEASE, 10)).toMatchObject([{ quizId: 'q1', messageId: 'm1' }]);
    });

    test('GIVEN answers to daily quizzes THEN history and results count them, and the first right answer is named', async () => {
      await store().daily.startPost({ platform: 'discord', channelId: 'c1', postKey: '2026-03-01', quiz: quiz('q1') }, T0);
      await store().daily.startPost({ platform: 'discord', channelId: 'c1', postKey: 'now:x', quiz: { ...quiz('q2'), questionId: 'networks/q-bridge' } }, at(1));
      const answer = (key: string, name: string, choice: number, correct: boolean, minute: number) =>
        store().recordQuizAnswer({ quizId: 'q1', learner: { key, name }, serverId: 'guild-1', choice, correct, answeredAt: at(minute), studyDate: '2026-03-01' });
      await answer('discord:u1', 'Una', 2, false, 1);
      await answer('discord:u2', 'Bo', 0, true, 2);
      await answer('discord:u3', 'Cy', 0, true, 3);
      expect(await store().daily.quizResults('q1', 4)).toEqual({ counts: [2, 0, 1, 0], firstCorrect: { learnerKey: 'discord:u2', name: 'Bo' } });
      expect(await store().daily.quizResults('q2', 4)).toEqual({ counts: [0, 0, 0, 0] });
      expect(await store().daily.questionHistory('discord', 'c1')).toEqual([
        { questionId: 'volumes/q-anonymous', postKey: '2026-03-01', answers: 3, correct: 2 },
        { questionId: 'networks/q-bridge', postKey: 'now:x', answers: 0, correct: 0 },
      ]);
      expect(await store().daily.postOfQuiz('q2')).toMatchObject({ postKey: 'now:x', channelId: 'c1' });
    });
  });
}
