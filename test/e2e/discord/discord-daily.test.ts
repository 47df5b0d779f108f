import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDiscordDailyPoster } from '../../../src/adapters/discord/discord-daily-poster.ts';
import { startHarness, type Harness } from './discord-harness.ts';
import type { ChannelMessage } from './fake-discord.ts';
import { botMessage, CHANNEL_ID, GUILD_ID, inServer, MANAGER_PERMISSIONS, roleOption, text, user, type CommandOption } from './interaction-payloads.ts';

const ROLE_ID = '1300000000000000001';
const OTHER_CHANNEL = '1200000000000000009';
/** View Channel, Send Messages and Embed Links: what the invite asks for. */
const POSTING = String(1024 + 2048 + 16384);
const admin = inServer(user('1400000000000000001', 'admin'), { permissions: MANAGER_PERMISSIONS, appPermissions: POSTING });
const member = (id: string, name: string, nick: string | null = null) => inServer(user(id, name), { nick });

/** A clock the test moves; the bot and its scheduler read it. */
let now = new Date('2026-03-27T12:00:00Z');

/** The embed and buttons of a channel message as it stands after its edits. */
function latest(message: ChannelMessage) {
  const body = Object.assign({}, ...message.bodies) as Record<string, unknown>;
  const embed = (body['embeds'] as Array<{ title?: string; description?: string }>)[0]!;
  const buttons = (body['components'] as Array<{ components: Array<{ label: string; disabled?: boolean }> }>).flatMap((r) => r.components);
  return { body, embed, buttons };
}

describe('daily quiz posts on Discord, through the real discord.js client', () => {
  let harness: Harness;
  beforeEach(async () => {
    now = new Date('2026-03-27T12:00:00Z');
    // The loop's own timer is an hour: the test moves the clock and ticks itself.
    harness = await startHarness({ now: () => now, daily: { tickMs: 3_600_000 } });
  });
  afterEach(async () => {
    await harness.stop();
  });

  const daily = async (options: CommandOption[], who = admin) => (await harness.command('daily', options, who)).answer();
  const tick = () => harness.bot.daily!.tick();

  test('GIVEN /daily set at 09:00 Europe/Berlin THEN one post arrives at 09:00 local, answers count once each, and the reveal edits it', async () => {
    const set = await daily([text('action', 'set'), text('time', '9am'), text('timezone', 'europe/berlin'), roleOption('role', ROLE_ID, { mentionable: true })]);
    expect(set.data['embeds']).toMatchObject([{ title: 'Daily quiz set' }]);
    const status = await daily([], member('1400000000000000009', 'reader'));
    expect(JSON.stringify(status.data)).toContain('tomorrow at 09:00 Europe/Berlin, in 20 hours');

    now = new Date('2026-03-28T07:59:00Z');
    expect((await tick()).posted).toBe(0);
    now = new Date('2026-03-28T08:00:04Z');
    expect((await tick()).posted).toBe(1);
    expect((await tick()).posted).toBe(0);

    const [post] = harness.fake.messagesIn(CHANNEL_ID);
    expect(harness.fake.messagesIn(CHANNEL_ID)).toHaveLength(1);
    const { body, embed, buttons } = latest(post!);
    expect(body).toMatchObject({ enforce_nonce: true, content: `<@&${ROLE_ID}>`, allowed_mentions: { parse: [], roles: [ROLE_ID] } });
    expect(String(body['nonce']).length).toBeLessThanOrEqual(25);
    expect(embed.title).toMatch(/^Daily quiz · .+ · 2026-03-28$/);
    expect(buttons.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(harness.fake.payloadProblems).toEqual([]);

    // Which letter is right, from the quiz the post stored.
    const stored = await harness.app.services.store.daily.latestPost('discord', CHANNEL_ID);
    const quiz = await harness.app.services.store.quiz(stored!.quizId);
    const right = 'ABCD'[quiz!.optionOrder.indexOf(0)]!;
    const wrong = 'ABCD'[(quiz!.optionOrder.indexOf(0) + 1) % 4]!;
    const message = { ...botMessage(body, { id: post!.id, type: 0, channelId: CHANNEL_ID, applicationId: harness.fake.applicationId }), author: { id: harness.fake.botUserId, username: 'Stevedore', discriminator: '0', avatar: null, bot: true } };

    const ada = member('1400000000000000002', 'ada', '*Ada* @everyone');
    const bo = member('1400000000000000003', 'bo');
    const first = await (await harness.pressOnMessage(message, right, ada)).answer();
    expect(first.flags).toBe(64);
    expect(JSON.stringify(first.data)).toContain('Correct!');
    const again = await (await harness.pressOnMessage(message, wrong, ada)).answer();
    expect(JSON.stringify(again.data)).toContain('You have answered this one');
    const other = await (await harness.pressOnMessage(message, wrong, bo)).answer();
    expect(JSON.stringify(other.data)).toContain('Not quite');

    // A right daily answer starts a daily streak (the channel's zone: Ada set none) and is a point on the leaderboard.
    const stats = (await (await harness.command('stats', [], ada)).answer()).data;
    expect(JSON.stringify(stats)).toContain('"name":"Daily quiz streak","value":"1 day right in a row (best 1)"');
    expect(JSON.stringify((await (await harness.command('stats', [], bo)).answer()).data)).not.toContain('Daily quiz streak');
    const board = JSON.stringify((await (await harness.command('leaderboard', [], ada)).answer()).data);
    expect(board).toContain('1 point');
    expect(board).toContain('daily quiz included');

    // reveal_after defaults to 12 hours.
    now = new Date('2026-03-28T19:59:00Z');
    expect((await tick()).revealed).toBe(0);
    now = new Date('2026-03-28T20:00:04Z');
    expect((await tick()).revealed).toBe(1);
    expect((await tick()).revealed).toBe(0);
    const revealed = latest(post!);
    expect(post!.bodies).toHaveLength(2);
    expect(revealed.buttons.every((b) => b.disabled === true)).toBe(true);
    expect(revealed.embed.description).toContain(`The answer is **${right}.`);
    expect(revealed.embed.description).toContain('2 people answered.');
    expect(revealed.embed.description).toContain('First right answer: \\*Ada\\* @\u200Beveryone.');
    expect(revealed.body['allowed_mentions']).toEqual({ parse: [] });
    expect(harness.fake.payloadProblems).toEqual([]);
  });

  test('GIVEN a post retried with the same nonce THEN Discord (the fake) returns the first message and creates no other', async () => {
    const poster = createDiscordDailyPoster(harness.bot.client.rest);
    const reply = { tone: 'info' as const, title: 'Daily quiz', text: 'Q?' };
    const first = await poster.post({ channelId: CHANNEL_ID, idempotencyKey: 'abcdefghijklmnopqrstuvwxy', reply });
    const retry = await poster.post({ channelId: CHANNEL_ID, idempotencyKey: 'abcdefghijklmnopqrstuvwxy', reply });
    expect(first).toMatchObject({ status: 'sent' });
    expect(retry).toEqual(first);
    expect(harness.fake.messagesIn(CHANNEL_ID)).toHaveLength(1);
    const body = harness.fake.messagesIn(CHANNEL_ID)[0]!.bodies[0]!;
    expect(body['allowed_mentions']).toEqual({ parse: [] });
    expect(body['content']).toBeUndefined();
  });

  test('GIVEN a channel deleted and another whose access was removed THEN both schedules are disabled and the others still post', async () => {
    await daily([text('action', 'set'), text('time', '09:00'), text('timezone', 'UTC')]);
    await daily([text('action', 'set'), text('time', '09:00'), text('timezone', 'UTC')], { ...admin, channelId: OTHER_CHANNEL });
    await daily([text('action', 'set'), text('time', '09:00'), text('timezone', 'UTC')], { ...admin, channelId: '1200000000000000010' });
    harness.fake.deletedChannels.add(OTHER_CHANNEL);
    harness.fake.forbiddenChannels.add('1200000000000000010');
    now = new Date('2026-03-28T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 1, disabled: 2 });
    const store = harness.app.services.store.daily;
    expect(await store.schedule('discord', OTHER_CHANNEL)).toMatchObject({ enabled: false, disabledReason: 'unknown-channel' });
    expect(await store.schedule('discord', '1200000000000000010')).toMatchObject({ enabled: false, disabledReason: 'missing-access' });
    expect(harness.logs.join('\n')).toMatch(/channel 1200000000000000009 .*disabled: unknown-channel/);
    now = new Date('2026-03-29T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 1, disabled: 0 });
  });

  test('GIVEN a channel where the bot may not send messages THEN /daily set names what is missing and saves nothing', async () => {
    const answer = await daily([text('action', 'set'), text('time', '09:00')], { ...admin, appPermissions: String(1024 + 16384) });
    expect(JSON.stringify(answer.data)).toContain('I cannot post in this channel');
    expect(JSON.stringify(answer.data)).toContain('Send Messages');
    expect(JSON.stringify(answer.data)).not.toContain('Embed Links');
    expect(await harness.app.services.store.daily.schedule('discord', CHANNEL_ID)).toBeUndefined();
  });

  test('GIVEN a member without Manage Server THEN set, off, now and reveal are refused and status is open', async () => {
    const reader = member('1400000000000000009', 'reader');
    for (const action of ['set', 'off', 'now', 'reveal']) {
      const answer = await daily([text('action', action), text('time', '09:00')], reader);
      expect(JSON.stringify(answer.data)).toContain('Only for server managers');
    }
    expect(JSON.stringify((await daily([], reader)).data)).toContain('No daily quiz here');
    const bad = await daily([text('action', 'set'), text('time', '25:00'), text('timezone', 'Europe/Berlin')]);
    expect(JSON.stringify(bad.data)).toContain('is out of range');
    const offset = await daily([text('action', 'set'), text('time', '09:00'), text('timezone', '+05:30')]);
    expect(JSON.stringify(offset.data)).toContain('fixed offset');
    const everyone = await daily([text('action', 'set'), text('time', '09:00'), roleOption('role', GUILD_ID, { mentionable: true, name: '@everyone' })]);
    expect(JSON.stringify(everyone.data)).toContain('is @everyone');
    const typed = await daily([text('action', 'set'), text('time', '09:00'), text('role', `<@&${GUILD_ID}>`)]);
    expect(JSON.stringify(typed.data)).toContain('is @everyone');
    expect(await harness.app.services.store.daily.schedule('discord', CHANNEL_ID)).toBeUndefined();
  });

  test('GIVEN a role that does not allow @mentions THEN /daily set says exactly what to change and schedules nothing, unless the bot may mention any role', async () => {
    const quiet = await daily([text('action', 'set'), text('time', '09:00'), roleOption('role', ROLE_ID, { mentionable: false })]);
    const said = JSON.stringify(quiet.data);
    expect(said).toContain('I cannot ping that role');
    expect(said).toContain('Allow anyone to @mention this role');
    expect(quiet.data['allowed_mentions']).toEqual({ parse: [] });
    expect(await harness.app.services.store.daily.schedule('discord', CHANNEL_ID)).toBeUndefined();

    // Mention Everyone (never asked for by the invite, but a server may grant it) lets the bot ping any role.
    const mentionEveryone = String(BigInt(POSTING) | (1n << 17n));
    const granted = await daily([text('action', 'set'), text('time', '09:00'), roleOption('role', ROLE_ID, { mentionable: false })], { ...admin, appPermissions: mentionEveryone });
    expect(JSON.stringify(granted.data)).toContain('Daily quiz set');
    expect(await harness.app.services.store.daily.schedule('discord', CHANNEL_ID)).toMatchObject({ roleId: ROLE_ID });
  });

  test('GIVEN /daily now and /daily reveal THEN an extra post goes out at once and is revealed on request', async () => {
    await daily([text('action', 'set'), text('time', '09:00'), text('timezone', 'Europe/Berlin')]);
    const posted = await daily([text('action', 'now')]);
    expect(JSON.stringify(posted.data)).toContain('An extra question is up');
    expect(harness.fake.messagesIn(CHANNEL_ID)).toHaveLength(1);
    await daily([text('action', 'reveal')]);
    await expect.poll(() => harness.fake.messagesIn(CHANNEL_ID)[0]!.bodies.length).toBe(2);
    expect(latest(harness.fake.messagesIn(CHANNEL_ID)[0]!).embed.description).toContain('The answer is');
  });
});
