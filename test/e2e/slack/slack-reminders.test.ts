import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { giveDueCards } from '../../fixtures/due-cards.ts';
import type { SlackCall } from './fake-slack.ts';
import { expectEveryCallScoped, startSlackHarness, type SlackHarness } from './slack-harness.ts';
import { blockAction, slashCommand } from './slack-payloads.ts';
import { buttonIn, textOf } from './slack-views.ts';

const ADA = 'UADA';
const BO = 'UBO';
/** Where a message to a user id lands: the app's DM with them (the fake names it D + the id's tail). */
const dmOf = (user: string) => `D${user.slice(1)}`;

/** A clock the test moves; the bot and its scheduler read it. */
let now = new Date('2026-03-27T12:00:00Z');

describe('reminders by direct message on Slack, through the real Bolt app', () => {
  let h: SlackHarness;
  let responses = 0;
  beforeEach(async () => {
    now = new Date('2026-03-27T12:00:00Z');
    // The loop's own timer is an hour: the test moves the clock and ticks itself.
    h = await startSlackHarness({ mode: 'http', now: () => now, daily: { tickMs: 3_600_000 } });
  });
  afterEach(async () => {
    await h.stop();
    expect(h.fake.problems).toEqual([]);
    expectEveryCallScoped(h.fake);
  });

  /** Runs `/docker <text>` in the DM and resolves with what the bot sent to its `response_url`. */
  async function docker(text: string, user = ADA): Promise<SlackCall> {
    const id = `r${++responses}`;
    expect((await h.command(slashCommand(text, h.fake.responseUrl(id), { channel: dmOf(user), user }))).status).toBe(200);
    return h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === id);
  }

  const tick = () => h.bot.daily!.tick();
  const remindersTo = (user: string) => h.fake.callsOf('chat.postMessage').filter((c) => c.params['channel'] === user);

  /** Gives a learner `n` cards due before the reminder, as reviews do. */
  const cardsDue = (userId: string, n: number) =>
    giveDueCards(h.app.services, { learnerKey: `slack:${userId}`, count: n, due: new Date('2026-03-27T13:00:00Z'), reviewedAt: now });

  test('GIVEN reminders on at 18:00 Europe/Berlin and cards due THEN one DM at 18:00 local, pinging no one, whose Review now button starts a review', async () => {
    await docker('settings time-zone:Europe/Berlin');
    const saved = await docker('settings reminders:on reminder-time:18:00');
    expect(saved.params['response_type']).toBe('ephemeral');
    expect(textOf(saved)).toContain('On: 18:00 Europe/Berlin, next today if cards are due.');
    expect(await h.app.services.store.reminders.reminder(`slack:${ADA}`)).toMatchObject({ platform: 'slack', userId: ADA, enabled: true });
    await cardsDue(ADA, 2);

    now = new Date('2026-03-27T16:59:00Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0 });
    expect(remindersTo(ADA)).toEqual([]);
    now = new Date('2026-03-27T17:00:03Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1 });
    expect((await tick()).reminders).toMatchObject({ sent: 0 });

    // To the user id: Slack posts it in the app's DM, so no conversations.open.
    expect(h.fake.callsOf('conversations.open')).toEqual([]);
    expect(remindersTo(ADA)).toHaveLength(1);
    const [sent] = remindersTo(ADA);
    expect(sent!.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(textOf(sent!)).toContain('Time to review');
    expect(textOf(sent!)).toContain('2 cards are due');
    expect(JSON.stringify(sent!.params)).not.toMatch(/<!(channel|here|everyone|subteam)|<@U/);
    const [dm] = h.fake.messagesIn(dmOf(ADA));
    expect(h.fake.messagesIn(dmOf(ADA))).toHaveLength(1);

    // The button in the DM starts /review, answered through the existing button handling.
    const id = `r${++responses}`;
    const pressed = await h.action(blockAction(buttonIn(sent!, 'Review now'), { kind: 'message', channel: dmOf(ADA), ts: dm!.ts }, h.fake.responseUrl(id), { user: ADA }));
    expect(pressed.status).toBe(200);
    const review = await h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === id);
    expect(JSON.stringify(review.params)).toContain('Reveal answer');

    // The next day, again once.
    now = new Date('2026-03-28T17:00:03Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1 });
    expect(remindersTo(ADA)).toHaveLength(2);
  });

  test('GIVEN reminders on and no card due THEN no message, and the day is done', async () => {
    await docker('settings time-zone:UTC reminders:on reminder-time:13:00', BO);
    now = new Date('2026-03-27T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0, nothingDue: 1 });
    expect(remindersTo(BO)).toEqual([]);
    expect((await h.app.services.store.reminders.reminder(`slack:${BO}`))?.nextDue?.localDate).toBe('2026-03-28');
  });

  test('GIVEN a send whose answer was lost (it may have posted) THEN it is not sent again; one Slack refused outright (service_unavailable, a 429) is sent once after all', async () => {
    await docker('settings time-zone:UTC reminders:on reminder-time:13:00');
    await cardsDue(ADA, 1);
    h.fake.stub('chat.postMessage', { lose: true });
    now = new Date('2026-03-27T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0, gaveUp: 1 });
    now = new Date('2026-03-27T13:05:00Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0, gaveUp: 0 });
    expect(remindersTo(ADA)).toHaveLength(1);
    expect(h.logs.join('\n')).toMatch(/Reminders: slack:UADA gave up on 2026-03-27/);
    expect((await h.app.services.store.reminders.reminder(`slack:${ADA}`))?.nextDue?.localDate).toBe('2026-03-28');

    // service_unavailable proves nothing was posted: tried again after the first delay, and delivered once.
    h.fake.stub('chat.postMessage', { error: 'service_unavailable' });
    now = new Date('2026-03-28T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0, retrying: 1 });
    now = new Date('2026-03-28T13:00:08Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1, retrying: 0 });
    expect(remindersTo(ADA)).toHaveLength(3);
    expect(h.fake.messagesIn(dmOf(ADA))).toHaveLength(2);

    // internal_error: Slack says it may have posted; no second attempt.
    h.fake.stub('chat.postMessage', { error: 'internal_error' });
    now = new Date('2026-03-29T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0, retrying: 0, gaveUp: 1 });
    now = new Date('2026-03-29T13:01:00Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0 });
    expect(remindersTo(ADA)).toHaveLength(4);

    // A 429 proves nothing was posted: waited out inside the send, then delivered once.
    h.fake.stub('chat.postMessage', { status: 429, retryAfter: 1 });
    now = new Date('2026-03-30T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1, retrying: 0, gaveUp: 0 });
    const attempts = remindersTo(ADA).slice(4);
    expect(attempts).toHaveLength(2);
    expect(Number(attempts[1]!.receivedAt - attempts[0]!.receivedAt) / 1e6).toBeGreaterThanOrEqual(990);
    expect(h.fake.messagesIn(dmOf(ADA))).toHaveLength(3);
  });

  test('GIVEN Slack answers account_inactive (the bot token is dead) THEN the Slack front end stops and the learner keeps their reminders', async () => {
    await docker('settings time-zone:UTC reminders:on reminder-time:13:00');
    await cardsDue(ADA, 1);
    h.fake.stub('chat.postMessage', { error: 'account_inactive' });
    now = new Date('2026-03-27T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0, disabled: 0 });
    await expect.poll(() => h.sessionsLost, { timeout: 15_000 }).toBe(1);
    expect(h.logs.join('\n')).toContain('Slack says account_inactive: the bot token no longer works');
    expect(await h.app.services.store.reminders.reminder(`slack:${ADA}`)).toMatchObject({ enabled: true });
  });

  test.each(['user_not_found', 'cannot_dm_bot', 'user_disabled', 'channel_not_found'])(
    'GIVEN someone Slack will not let the app DM (%s) THEN their reminders are turned off with a log line and the others still go out',
    async (error) => {
      await docker('settings time-zone:UTC reminders:on reminder-time:13:00');
      await docker('settings time-zone:UTC reminders:on reminder-time:13:00', BO);
      await cardsDue(ADA, 1);
      await cardsDue(BO, 1);
      // The workers send both at once: the refusal goes to BO's call, whichever comes first.
      h.fake.stubFor('chat.postMessage', (params) => params['channel'] === BO, { error });
      now = new Date('2026-03-27T13:00:02Z');
      expect((await tick()).reminders).toMatchObject({ sent: 1, disabled: 1 });
      expect(h.fake.messagesIn(dmOf(ADA))).toHaveLength(1);
      expect(h.fake.messagesIn(dmOf(BO))).toHaveLength(0);
      expect(h.logs.join('\n')).toMatch(new RegExp(`Reminders: slack:UBO turned off: they accept no direct messages from the bot \\(chat.postMessage: Slack answered ${error}\\)`));
      expect(await h.app.services.store.reminders.reminder(`slack:${BO}`)).toMatchObject({ enabled: false, disabledReason: 'dms-closed' });
      expect(textOf(await docker('settings', BO))).toContain('my direct message to you was refused');
      // Not tried again the next day.
      now = new Date('2026-03-28T13:00:02Z');
      expect((await tick()).reminders).toMatchObject({ sent: 1, disabled: 0 });
      expect(remindersTo(BO)).toHaveLength(1);
      expect(h.bot.daily).toBeDefined();
      expect(h.sessionsLost).toBe(0);
    },
  );
});
