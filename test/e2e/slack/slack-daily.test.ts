import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ADMIN, type SlackCall } from './fake-slack.ts';
import { expectEveryCallScoped, startSlackHarness, type SlackHarness } from './slack-harness.ts';
import { blockAction, slashCommand } from './slack-payloads.ts';
import { buttonsOf, textOf } from './slack-views.ts';

const STUDY = 'CSTUDY';

/** A clock the test moves; the bot and its scheduler read it. */
let now = new Date('2026-03-27T12:00:00Z');

describe('daily quiz posts on Slack, through the real Bolt app', () => {
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

  /** Runs `/docker <text>` and resolves with what the bot sent to its `response_url`. */
  async function docker(text: string, options: { channel?: string; user?: string } = {}): Promise<SlackCall> {
    const id = `r${++responses}`;
    expect((await h.command(slashCommand(text, h.fake.responseUrl(id), { channel: STUDY, user: ADMIN, ...options }))).status).toBe(200);
    return h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === id);
  }

  /** Presses a button on a message in `channel` and resolves with the bot's answer to the presser. */
  async function press(actionId: string, ts: string, user: string): Promise<SlackCall> {
    const id = `r${++responses}`;
    expect((await h.action(blockAction(actionId, { kind: 'message', channel: STUDY, ts }, h.fake.responseUrl(id), { user }))).status).toBe(200);
    return h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === id);
  }

  const tick = () => h.bot.daily!.tick();
  const schedule = () => h.app.services.store.daily.schedule('slack', STUDY);

  test('GIVEN /docker daily set by an admin THEN the post arrives at 09:00 local with its ping, answers count once each, and the reveal edits it', async () => {
    const set = await docker('daily set 9am europe/berlin role:@docker-study');
    expect(textOf(set)).toContain('Daily quiz set');
    expect(await schedule()).toMatchObject({ roleId: 'SSTUDY01', setBy: `slack:${ADMIN}`, timeZone: 'Europe/Berlin', enabled: true });
    const status = await docker('daily status', { user: 'UREADER' });
    expect(textOf(status)).toContain('tomorrow at 09:00 Europe/Berlin, in 20 hours');
    expect(textOf(status)).toContain('the user group `SSTUDY01`');
    expect(JSON.stringify(status.params)).not.toContain('<!subteam');

    now = new Date('2026-03-28T07:59:00Z');
    expect((await tick()).posted).toBe(0);
    now = new Date('2026-03-28T08:00:04Z');
    expect((await tick()).posted).toBe(1);
    expect((await tick()).posted).toBe(0);
    const [post] = h.fake.messagesIn(STUDY);
    expect(h.fake.messagesIn(STUDY)).toHaveLength(1);
    const sent = h.fake.callsOf('chat.postMessage').find((c) => c.params['channel'] === STUDY)!;
    expect(String(sent.params['text'])).toMatch(/^<!subteam\^SSTUDY01> Daily quiz · .+ · 2026-03-28$/);
    expect((sent.params['blocks'] as Array<{ text?: { text: string } }>)[0]!.text!.text).toBe('<!subteam^SSTUDY01>');
    expect(textOf(sent)).toMatch(/Daily quiz · .+ · 2026-03-28/);
    expect(buttonsOf(sent).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);

    const stored = await h.app.services.store.daily.latestPost('slack', STUDY);
    expect(stored).toMatchObject({ messageId: post!.ts });
    const quiz = await h.app.services.store.quiz(stored!.quizId);
    const rightAt = quiz!.optionOrder.indexOf(0);
    const right = buttonsOf(sent)[rightAt]!.actionId;
    const wrong = buttonsOf(sent)[(rightAt + 1) % 4]!.actionId;

    h.fake.displayNames.set('UADA', '<!channel> *Ada* @here');
    const first = await press(right, post!.ts, 'UADA');
    expect(first.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(first)).toContain('Correct!');
    const again = await press(wrong, post!.ts, 'UADA');
    expect(textOf(again)).toContain('You have answered this one');
    const other = await press(wrong, post!.ts, 'UBO');
    expect(textOf(other)).toContain('Not quite');
    // The post itself is unchanged by answers.
    expect(post!.versions).toHaveLength(1);

    // reveal_after defaults to 12 hours.
    now = new Date('2026-03-28T19:59:00Z');
    expect((await tick()).revealed).toBe(0);
    now = new Date('2026-03-28T20:00:04Z');
    expect((await tick()).revealed).toBe(1);
    expect((await tick()).revealed).toBe(0);
    expect(post!.versions).toHaveLength(2);
    const update = h.fake.callsOf('chat.update')[0]!;
    expect(update.params).toMatchObject({ channel: STUDY, ts: post!.ts });
    expect(buttonsOf(update)).toEqual([]);
    const revealed = textOf(update);
    expect(revealed).toContain(`The answer is *${'ABCD'[rightAt]}.`);
    expect(revealed).toContain('2 people answered.');
    // The name is quoted: its `<` cannot open a mention, its `*` cannot format, its `@here` is broken up.
    expect(revealed).toMatch(/First right answer: ‹!channel&gt; \*\u200BAda\*\u200B @\u200Bhere\./);
    expect(JSON.stringify(update.params)).not.toMatch(/<!(channel|here|subteam)/);
  });

  test('GIVEN a member who is not an admin THEN set, off, now and reveal are refused, status is open, and whoever set it keeps the right', async () => {
    for (const action of ['set 09:00', 'off', 'now', 'reveal']) {
      const answer = await docker(`daily ${action}`, { user: 'UREADER' });
      expect(textOf(answer)).toContain('Only for workspace admins');
      expect(answer.params['response_type']).toBe('ephemeral');
    }
    expect(await schedule()).toBeUndefined();
    expect(textOf(await docker('daily', { user: 'UREADER' }))).toContain('A workspace admin can start one');

    await docker('daily set 09:00 UTC');
    // The admin who set it is an admin no more, and may still stop it; others still may not.
    h.fake.admins.delete(ADMIN);
    expect(textOf(await docker('daily off', { user: 'UREADER' }))).toContain('Only for workspace admins');
    expect(textOf(await docker('daily off'))).toContain('Daily quiz stopped');
    expect(await schedule()).toMatchObject({ enabled: false, disabledReason: 'off' });
  });

  test('GIVEN a channel the bot is not in, a DM, or a user group that does not exist THEN set says so and saves nothing', async () => {
    const notIn = await docker('daily set 09:00 UTC', { channel: 'CNOTIN' });
    expect(textOf(notIn)).toContain('I am not in this channel');
    expect(textOf(notIn)).toContain('/invite @Stevedore');
    h.fake.channelsWithoutBot.add('GPRIVATE');
    expect(textOf(await docker('daily set 09:00 UTC', { channel: 'GPRIVATE' }))).toContain('I am not in this channel');
    expect(textOf(await docker('daily set 09:00 UTC', { channel: 'DADMIN' }))).toContain('Not in a direct message');
    expect(textOf(await docker('daily set 09:00 UTC role:@nobody-here'))).toContain('is not a user group in this workspace');
    expect(textOf(await docker('daily set 09:00 UTC role:<!channel>'))).toContain('is not a user group: give its handle');
    h.fake.stub('usergroups.list', { error: 'missing_scope', needed: 'usergroups:read' });
    expect(textOf(await docker('daily set 09:00 UTC role:SSTUDY01'))).toContain('usergroups:read');
    expect(await h.app.services.store.daily.schedule('slack', 'CNOTIN')).toBeUndefined();
    expect(await schedule()).toBeUndefined();
    // By id it is found, and so is Slack's own escaped mention.
    expect(textOf(await docker('daily set 09:00 UTC role:<!subteam^SSTUDY01|@docker-study>'))).toContain('Daily quiz set');
    expect(await schedule()).toMatchObject({ roleId: 'SSTUDY01' });
  });

  test('GIVEN the bot was removed from the channel THEN the schedule stops with a log line and a note to whoever set it', async () => {
    await docker('daily set 09:00 UTC');
    h.fake.channelsWithoutBot.add(STUDY);
    now = new Date('2026-03-28T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 0, disabled: 1 });
    expect(await schedule()).toMatchObject({ enabled: false, disabledReason: 'missing-access' });
    expect(h.logs.join('\n')).toMatch(/slack channel CSTUDY .*disabled: missing-access .*Set by slack:UADMIN/);
    const note = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.params['channel'] === ADMIN);
    expect(textOf(note)).toContain('Daily quiz stopped');
    expect(textOf(note)).toContain('CSTUDY');
    now = new Date('2026-03-29T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 0, disabled: 0 });
  });

  test('GIVEN a forged or stale answer button on the post THEN the presser is told, privately, and nothing counts', async () => {
    await docker('daily set 09:00 UTC');
    now = new Date('2026-03-28T09:00:00Z');
    await tick();
    const [post] = h.fake.messagesIn(STUDY);
    const real = buttonsOf(h.fake.callsOf('chat.postMessage').find((c) => c.params['channel'] === STUDY)!)[0]!.actionId;
    const stored = await h.app.services.store.daily.latestPost('slack', STUDY);
    const forged = real.replace(stored!.quizId, 'zzzzzzzzzzzz');
    expect(forged).not.toBe(real);
    const stale = await press(forged, post!.ts, 'UADA');
    expect(stale.params['response_type']).toBe('ephemeral');
    expect(textOf(stale)).toMatch(/expired|not valid/);
    const garbage = await press('x'.repeat(255), post!.ts, 'UADA');
    expect(textOf(garbage)).toContain('That button is not valid');
    expect(await h.app.services.store.daily.quizResults(stored!.quizId, 4)).toMatchObject({ counts: [0, 0, 0, 0] });
  });

  test('GIVEN a post whose answer was lost THEN it is not sent again (at most once); a 429 is waited out and posted once', async () => {
    await docker('daily set 09:00 UTC');
    h.fake.stub('chat.postMessage', { lose: true });
    now = new Date('2026-03-28T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 0, gaveUp: 1 });
    now = new Date('2026-03-28T09:05:00Z');
    expect(await tick()).toMatchObject({ posted: 0, gaveUp: 0 });
    expect(h.fake.messagesIn(STUDY)).toHaveLength(1);
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.params['channel'] === STUDY)).toHaveLength(1);
    expect((await schedule())?.nextDue?.localDate).toBe('2026-03-29');

    h.fake.stub('chat.postMessage', { status: 429, retryAfter: 1 });
    now = new Date('2026-03-29T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 1, gaveUp: 0 });
    expect(h.fake.messagesIn(STUDY)).toHaveLength(2);
    const attempts = h.fake.callsOf('chat.postMessage').filter((c) => c.params['channel'] === STUDY).slice(1);
    expect(attempts).toHaveLength(2);
    expect(Number(attempts[1]!.receivedAt - attempts[0]!.receivedAt) / 1e6).toBeGreaterThanOrEqual(990);
  });

  test('GIVEN Slack refuses a post (service_unavailable) THEN it is tried again and posted once; after internal_error (it may have posted) it is not', async () => {
    await docker('daily set 09:00 UTC');
    h.fake.stub('chat.postMessage', { error: 'service_unavailable' });
    now = new Date('2026-03-28T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 0, retrying: 1 });
    now = new Date('2026-03-28T09:00:05Z');
    expect(await tick()).toMatchObject({ posted: 1, retrying: 0 });
    expect(h.fake.messagesIn(STUDY)).toHaveLength(1);

    h.fake.stub('chat.postMessage', { error: 'internal_error' });
    now = new Date('2026-03-29T09:00:00Z');
    expect(await tick()).toMatchObject({ posted: 0, retrying: 0, gaveUp: 1 });
    expect(h.logs.join('\n')).toMatch(/gave up on 2026-03-29 after 1 attempt\(s\) \(chat.postMessage: Slack answered internal_error\)/);
    expect((await schedule())?.nextDue?.localDate).toBe('2026-03-30');
  });

  test('GIVEN /docker daily now twice at once THEN both extra posts go out, a second apart in that channel', async () => {
    await docker('daily set 09:00 UTC');
    const [a, b] = await Promise.all([docker('daily now'), docker('daily now')]);
    expect(textOf(a!)).toContain('An extra question is up');
    expect(textOf(b!)).toContain('An extra question is up');
    const posts = h.fake.callsOf('chat.postMessage').filter((c) => c.params['channel'] === STUDY);
    expect(posts).toHaveLength(2);
    expect(Number(posts[1]!.receivedAt - posts[0]!.receivedAt) / 1e6).toBeGreaterThanOrEqual(990);
    expect(textOf(await docker('daily reveal'))).toContain('Revealing');
    await expect.poll(() => h.fake.callsOf('chat.update').length, { timeout: 15_000 }).toBe(1);
  });
});
