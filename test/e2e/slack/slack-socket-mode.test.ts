import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { SlackStartError } from '../../../src/adapters/slack/slack-start-error.ts';
import { startSlack } from '../../../src/adapters/slack/start-slack.ts';
import { createLogger } from '../../../src/logger.ts';
import { FakeSlack } from './fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN, startSlackHarness, type SlackHarness } from './slack-harness.ts';
import { blockAction, eventCallback, mention, slashCommand, viewSubmission } from './slack-payloads.ts';
import { buttonIn, textOf } from './slack-views.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ mode: 'socket' });
});
afterAll(async () => {
  await h.stop();
  const logs = h.logs.join('\n');
  expect(logs).not.toContain(APP_TOKEN);
  expect(logs).not.toContain(BOT_TOKEN);
});
afterEach(() => {
  expect(h.fake.problems).toEqual([]);
});

describe('Socket Mode, the default', () => {
  test('GIVEN the bot starts THEN it opened a connection with the app token and the fake said hello', async () => {
    expect(h.bot.mode).toBe('socket');
    const open = h.fake.callsOf('apps.connections.open')[0]!;
    expect(open.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    await h.fake.connected(1);
  });

  test('GIVEN a mention over the socket THEN the envelope is acked and the answer is posted in a thread', async () => {
    const event = mention('what is a dangling image?');
    const before = h.fake.calls.length;
    await h.fake.sendEnvelope('events_api', eventCallback(event));
    const answer = await h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === 'chat.postMessage');
    expect(answer.params).toMatchObject({ channel: 'CGENERAL', thread_ts: event.ts });
    expect(answer.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  test('GIVEN Slack delivers one event twice over the socket THEN it is answered once', async () => {
    const before = h.fake.calls.length;
    const payload = eventCallback(mention('what is a registry'), 'EvSocketRetry');
    await h.fake.sendEnvelope('events_api', payload);
    await h.fake.sendEnvelope('events_api', payload, 1);
    await h.fake.sendEnvelope('events_api', eventCallback(mention('what is a tag')));
    await h.fake.waitFor(() => h.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage').length >= 2);
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
  });

  test('GIVEN /docker explain-dockerfile with no text and its form submitted over the socket THEN the form opens, the submission is acked (closing it), and the answer is in the DM', async () => {
    const fields = slashCommand('explain-dockerfile', h.fake.responseUrl('socket-form'));
    await h.fake.sendEnvelope('slash_commands', fields);
    const form = await h.fake.waitFor((c) => c.method === 'views.open' && c.params['trigger_id'] === fields['trigger_id']);
    expect(form.params['view']).toMatchObject({ callback_id: 'paste:explain-dockerfile:dockerfile' });
    const before = h.fake.calls.length;
    // An empty ack: Slack closes the form (no response_action: errors or update).
    const ack = await h.fake.sendEnvelope('interactive', viewSubmission('paste:explain-dockerfile:dockerfile', { blockId: 'paste', actionId: 'dockerfile', value: 'FROM alpine:3.20\nCMD echo hi' }));
    expect(ack).toEqual({});
    const answer = await h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === 'chat.postMessage');
    expect(answer.params['channel']).toBe('DADA');
    expect(textOf(answer)).toContain('Your Dockerfile, explained');
  });

  test('GIVEN /docker quiz and a press of Reveal over the socket THEN both are acked and answered through response_url', async () => {
    const ack = await h.fake.sendEnvelope('slash_commands', slashCommand('quiz', h.fake.responseUrl('socket-1')));
    expect(ack).toEqual({});
    const card = await h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === 'socket-1');
    expect(card.params['response_type']).toBe('ephemeral');
    await h.fake.sendEnvelope('interactive', blockAction(buttonIn(card, 'Reveal answer'), { kind: 'message', channel: 'CGENERAL', ts: '1800000900.000100', ephemeral: true }, h.fake.responseUrl('socket-2')));
    const revealed = await h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === 'socket-2');
    expect(revealed.params['replace_original']).toBe(true);
    expect(textOf(revealed)).toMatch(/Again/);
  });

  test('GIVEN Slack drops the socket THEN the bot reconnects through apps.connections.open and answers again', async () => {
    const opened = h.fake.callsOf('apps.connections.open').length;
    h.fake.dropSockets();
    await h.fake.connected(2);
    expect(h.fake.callsOf('apps.connections.open').length).toBe(opened + 1);
    const before = h.fake.calls.length;
    await h.fake.sendEnvelope('events_api', eventCallback(mention('what is a volume')));
    await h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === 'chat.postMessage');
  }, 45_000); // The client waits its pong timeout (5 s) before it reconnects.

  test('GIVEN Slack rejects the app token THEN start-up stops with one clear line', async () => {
    const fake = await FakeSlack.start();
    const rejected = 'xapp-1-A0000000000-3000000000-rejectedtoken';
    fake.rejectToken(rejected);
    const { app } = h;
    const error = await startSlack(app, {
      botToken: BOT_TOKEN,
      connection: { mode: 'socket', appToken: rejected },
      logger: createLogger({ write: () => undefined }),
      apiUrl: fake.apiUrl,
    }).catch((e: unknown) => e);
    await fake.close();
    expect(error).toBeInstanceOf(SlackStartError);
    expect((error as Error).message).toMatch(/^Slack rejected SLACK_APP_TOKEN \(invalid_auth\): generate an app-level token with connections:write/);
    expect((error as Error).message).not.toContain(rejected);
  });
});
