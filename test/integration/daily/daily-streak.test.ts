import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../../../src/app.ts';
import type { CommandRequest } from '../../../src/core/index.ts';
import { answerQuestion } from '../../../src/core/study/multiple-choice.ts';
import { saveDailySchedule } from '../../../src/daily/index.ts';
import { createTestApp } from '../../fixtures/test-app.ts';

describe('daily streaks from right answers to daily posts', () => {
  let app: App;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  /** A daily post in a Pacific/Auckland channel, its right answer in display position `right`. */
  async function dailyPost(postKey: string, at: Date) {
    const { store, deck } = app.services;
    await saveDailySchedule(store, { platform: 'discord', channelId: 'c1', serverId: 'g1', time: '09:00', timeZone: 'Pacific/Auckland', weekdays: [], topics: [], revealAfterMinutes: 720, setBy: 'discord:admin' }, at);
    const question = deck.questions[0]!;
    await store.daily.startPost({ platform: 'discord', channelId: 'c1', postKey, quiz: { id: `quiz-${postKey}`, questionId: question.id, optionOrder: [1, 0, 2, 3], serverId: 'g1', channelId: 'c1', createdAt: at } }, at);
    return { quizId: `quiz-${postKey}`, right: 1, wrong: 0 };
  }
  const request = (now: string, timeZone?: string): CommandRequest => ({
    platform: 'discord',
    user: { id: '1400000000000000002', name: 'ada' },
    serverId: 'g1',
    channelId: 'c1',
    now: new Date(now),
    ...(timeZone ? { timeZone } : {}),
  });
  const dailyDates = async () => (await app.services.store.learnerActivity('discord:1400000000000000002')).dailyDates;

  test('GIVEN a learner with no time zone THEN a right answer counts on the channel’s local date; a wrong one not at all', async () => {
    // 2026-03-01T22:00Z is already 2 March in Auckland (UTC+13).
    const first = await dailyPost('2026-03-02', new Date('2026-03-01T20:00:00Z'));
    await answerQuestion(first.quizId, first.right, request('2026-03-01T22:00:00Z'), app.services);
    const second = await dailyPost('2026-03-03', new Date('2026-03-02T20:00:00Z'));
    await answerQuestion(second.quizId, second.wrong, request('2026-03-02T22:00:00Z'), app.services);
    expect(await dailyDates()).toEqual(['2026-03-02']);
  });

  test('GIVEN a learner with their own time zone THEN a right answer counts on their local date, and /stats shows the streak', async () => {
    const first = await dailyPost('2026-03-02', new Date('2026-03-01T20:00:00Z'));
    // The same instant is still 1 March in Los Angeles.
    await answerQuestion(first.quizId, first.right, request('2026-03-01T22:00:00Z', 'America/Los_Angeles'), app.services);
    const second = await dailyPost('2026-03-03', new Date('2026-03-02T20:00:00Z'));
    await answerQuestion(second.quizId, second.right, request('2026-03-02T22:00:00Z', 'America/Los_Angeles'), app.services);
    expect(await dailyDates()).toEqual(['2026-03-02', '2026-03-01']);
    const stats = await app.registry.execute('stats', {}, request('2026-03-02T23:00:00Z', 'America/Los_Angeles'), app.services);
    expect(stats.fields).toContainEqual({ name: 'Daily quiz streak', value: '2 days right in a row (best 2)', inline: true });
  });

  test('GIVEN a right answer to an ordinary /quiz question THEN no daily date is recorded', async () => {
    const { store, deck } = app.services;
    await store.createQuiz({ id: 'plain', questionId: deck.questions[0]!.id, optionOrder: [0, 1, 2, 3], serverId: 'g1', createdAt: new Date('2026-03-01T00:00:00Z') });
    await answerQuestion('plain', 0, request('2026-03-01T22:00:00Z'), app.services);
    expect(await dailyDates()).toEqual([]);
  });
});
