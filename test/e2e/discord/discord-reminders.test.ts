import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './discord-harness.ts';
import { botMessage, inDm, text, user } from './interaction-payloads.ts';
import { couldPing, HOSTILE_INPUTS } from '../../fixtures/hostile-inputs.ts';
import { giveDueCards } from '../../fixtures/due-cards.ts';

const ADA = user('1400000000000000002', 'ada');
const BO = user('1400000000000000003', 'bo');

/** A clock the test moves; the bot and its scheduler read it. */
let now = new Date('2026-03-27T12:00:00Z');

describe('reminders by direct message on Discord, through the real discord.js client', () => {
  let harness: Harness;
  beforeEach(async () => {
    now = new Date('2026-03-27T12:00:00Z');
    // The loop's own timer is an hour: the test moves the clock and ticks itself.
    harness = await startHarness({ now: () => now, daily: { tickMs: 3_600_000 } });
  });
  afterEach(async () => {
    await harness.stop();
  });

  const settings = async (options: Parameters<Harness['command']>[1], who = ADA) => (await harness.command('settings', options, inDm(who))).answer();
  const tick = () => harness.bot.daily!.tick();

  /** Gives a learner `n` cards due before the reminder, as reviews do. */
  const cardsDue = (userId: string, n: number) =>
    giveDueCards(harness.app.services, { learnerKey: `discord:${userId}`, count: n, due: new Date('2026-03-27T13:00:00Z'), reviewedAt: now });

  test('GIVEN reminders on at 18:00 Europe/Berlin and cards due THEN one DM at 18:00 local, pinging no one, whose Review now button starts a review', async () => {
    await settings([text('time-zone', 'Europe/Berlin')]);
    const saved = await settings([text('reminders', 'on'), text('reminder-time', '18:00')]);
    expect(JSON.stringify(saved.data)).toContain('On: 18:00 Europe/Berlin, next today if cards are due.');
    expect(saved.flags).toBe(64);
    await cardsDue(ADA.id, 2);

    now = new Date('2026-03-27T16:59:00Z');
    expect((await tick()).reminders).toMatchObject({ sent: 0 });
    expect(harness.fake.directMessagesTo(ADA.id)).toEqual([]);
    now = new Date('2026-03-27T17:00:03Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1 });
    expect((await tick()).reminders).toMatchObject({ sent: 0 });

    const opened = harness.fake.requests.filter((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(opened.map((r) => r.body)).toEqual([{ recipient_id: ADA.id }]);
    const [dm] = harness.fake.directMessagesTo(ADA.id);
    expect(harness.fake.directMessagesTo(ADA.id)).toHaveLength(1);
    const body = dm!.bodies[0]!;
    expect(body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(String(body['nonce']).length).toBeLessThanOrEqual(25);
    expect(body['content']).toBeUndefined();
    const embed = (body['embeds'] as Array<{ title: string; description: string }>)[0]!;
    expect(embed.title).toBe('Time to review');
    expect(embed.description).toContain('2 cards are due');
    expect(harness.fake.payloadProblems).toEqual([]);

    // The button in the DM starts /review.
    const message = { ...botMessage(body, { id: dm!.id, type: 0, channelId: dm!.channelId, applicationId: harness.fake.applicationId }), author: { id: harness.fake.botUserId, username: 'Stevedore', discriminator: '0', avatar: null, bot: true } };
    const review = await (await harness.pressOnMessage(message, 'Review now', inDm(ADA))).answer();
    expect(JSON.stringify(review.data)).toContain('Reveal answer');

    // The next day: the same DM channel, a new nonce.
    now = new Date('2026-03-28T17:00:03Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1 });
    const both = harness.fake.directMessagesTo(ADA.id);
    expect(both).toHaveLength(2);
    expect(both[1]!.nonce).not.toBe(both[0]!.nonce);
  });

  test.each(HOSTILE_INPUTS)('GIVEN %s as the reminder time THEN a clean refusal, nothing saved, nothing sent', async (_name, input) => {
    const shown = await settings([text('reminders', 'on'), text('reminder-time', input)]);
    expect(couldPing(JSON.stringify(shown.data))).toBe(false);
    expect(shown.flags).toBe(64);
    expect(harness.fake.payloadProblems).toEqual([]);
    expect(await harness.app.services.store.reminders.reminder(`discord:${ADA.id}`)).toBeUndefined();
  });

  test('GIVEN someone whose DMs are closed (50007) THEN their reminders are turned off with a log line and the others still go out', async () => {
    await settings([text('reminders', 'on'), text('reminder-time', '13:00')]);
    await settings([text('reminders', 'on'), text('reminder-time', '13:00')], BO);
    await cardsDue(ADA.id, 1);
    await cardsDue(BO.id, 1);
    harness.fake.closedDms.add(BO.id);
    now = new Date('2026-03-27T13:00:02Z');
    expect((await tick()).reminders).toMatchObject({ sent: 1, disabled: 1 });
    expect(harness.fake.directMessagesTo(ADA.id)).toHaveLength(1);
    expect(harness.fake.directMessagesTo(BO.id)).toHaveLength(0);
    expect(harness.logs.join('\n')).toMatch(/Reminders: discord:1400000000000000003 turned off: they accept no direct messages from the bot/);
    expect(await harness.app.services.store.reminders.reminder(`discord:${BO.id}`)).toMatchObject({ enabled: false, disabledReason: 'dms-closed' });
    expect(JSON.stringify((await settings([], BO)).data)).toContain('my direct message to you was refused');
  });
});
