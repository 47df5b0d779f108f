import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { SlackStartError } from '../../../src/adapters/slack/slack-start-error.ts';
import { startSlack } from '../../../src/adapters/slack/start-slack.ts';
import { createLogger } from '../../../src/logger.ts';
import { HOSTILE_INPUTS, couldPing } from '../../fixtures/hostile-inputs.ts';
import { CHANNEL_WITHOUT_BOT, FakeSlack, type SlackCall } from './fake-slack.ts';
import { BOT_TOKEN, expectEveryCallScoped, startSlackHarness, type SlackHarness } from './slack-harness.ts';
import { blockAction, directMessage, eventCallback, homeOpened, mention, sign, slashCommand, viewSubmission, type PressedOn } from './slack-payloads.ts';
import { buttonIn, buttonsOf, textOf } from './slack-views.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ mode: 'http' });
});
afterAll(async () => {
  await h.stop();
  expect(h.logs.join('\n')).not.toContain(BOT_TOKEN);
  expectEveryCallScoped(h.fake);
});
afterEach(() => {
  expect(h.fake.problems).toEqual([]);
});

let responses = 0;
/** Runs `/docker <text>` and resolves with what the bot sent to its `response_url`. */
async function docker(text: string, options: { channel?: string; user?: string } = {}): Promise<SlackCall> {
  const id = `r${++responses}`;
  const response = await h.command(slashCommand(text, h.fake.responseUrl(id), options));
  expect(response.status).toBe(200);
  return h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === id);
}

/** Presses a button and resolves with the bot's `response_url` answer. */
async function press(actionId: string, on: PressedOn, options: { user?: string; selected?: string } = {}): Promise<SlackCall> {
  const id = `r${++responses}`;
  expect((await h.action(blockAction(actionId, on, h.fake.responseUrl(id), options))).status).toBe(200);
  return h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === id);
}

/** Sends an event and resolves with the first post in reply (a message or an ephemeral one) to `channel`. */
async function answerTo(event: Record<string, unknown>, method = 'chat.postMessage'): Promise<SlackCall> {
  const before = h.fake.calls.length;
  expect((await h.event(event)).status).toBe(200);
  return h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === method);
}

describe('requests Slack did not sign are refused before any listener', () => {
  test.each([
    ['a wrong signature', (body: string) => ({ ...sign(body, undefined, '0'.repeat(32)) })],
    ['no signature', () => ({})],
    ['a timestamp older than five minutes', (body: string) => sign(body, Math.floor(Date.now() / 1000) - 6 * 60)],
  ])('GIVEN %s THEN 401 and nothing runs', async (_, headers) => {
    const before = h.fake.calls.length;
    const body = JSON.stringify(eventCallback(mention('what is an image')));
    const response = await h.post(body, { 'content-type': 'application/json', ...headers(body) });
    expect(response.status).toBe(401);
    // A signed request after it is answered, and nothing else was.
    await answerTo(mention('what is a volume'));
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  test('GIVEN a signed url_verification THEN Bolt answers the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 't', challenge: 'ch4llenge' });
    const response = await h.post(body, { 'content-type': 'application/json', ...sign(body) });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('ch4llenge');
  });
});

describe('mentions and direct messages', () => {
  test('GIVEN a mention in a channel THEN the answer is a thread under that message, from the knowledge base', async () => {
    const event = mention("what's a dangling image?");
    const answer = await answerTo(event);
    expect(answer.params).toMatchObject({ channel: 'CGENERAL', thread_ts: event.ts });
    expect(textOf(answer)).toMatch(/dangling/i);
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(expect.arrayContaining(['Quiz me on this', '👍 Helpful', '👎 Not helpful']));
  });

  test('GIVEN a mention inside a thread THEN the answer goes to that thread', async () => {
    const answer = await answerTo(mention('and what about volumes?', { threadTs: '1799999999.000100' }));
    expect(answer.params).toMatchObject({ channel: 'CGENERAL', thread_ts: '1799999999.000100' });
  });

  test('GIVEN a direct message without a mention THEN it is answered in the DM, not in a thread', async () => {
    const answer = await answerTo(directMessage('image vs container?'));
    expect(answer.params['channel']).toBe('DADA');
    expect(answer.params['thread_ts']).toBeUndefined();
  });

  test('GIVEN a lone command word in a mention THEN it runs that command: help lists /docker subcommands', async () => {
    const answer = await answerTo(mention('help'));
    expect(textOf(answer)).toContain('/docker ask');
  });

  test('GIVEN a personal command in a channel mention THEN only the asker sees the answer', async () => {
    const answer = await answerTo(mention('stats'), 'chat.postEphemeral');
    expect(answer.params).toMatchObject({ channel: 'CGENERAL', user: 'UADA' });
    expect(textOf(answer)).toContain('Progress for Ada');
    expect(textOf(answer)).toContain('Europe/Paris');
  });

  test('GIVEN bots, edits, deletions and a mention quoted in code THEN none is answered', async () => {
    const before = h.fake.calls.length;
    const ignored = [
      mention('what is a layer', { extra: { bot_id: 'BOTHER' } }),
      mention('what is a layer', { extra: { edited: { user: 'UADA', ts: '1' } } }),
      { ...mention('x'), text: 'see `<@UBOT> what is a layer`' },
      directMessage('what is a layer', { extra: { subtype: 'message_changed' } }),
      directMessage('', { extra: { subtype: 'message_deleted' } }),
      directMessage('what is a layer', { extra: { bot_id: 'BOTHER', subtype: 'bot_message' } }),
      directMessage('what is a layer', { user: 'UBOT', extra: { bot_id: 'BBOT' } }),
    ];
    for (const event of ignored) expect((await h.event(event)).status).toBe(200);
    await answerTo(mention('what is a layer'));
    expect(h.fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toHaveLength(1);
  });

  test('GIVEN Slack retries an event (the same event_id, X-Slack-Retry-Num) THEN it is answered once', async () => {
    const before = h.fake.calls.length;
    const event = mention('what is a registry');
    await h.event(event, { eventId: 'EvRetried' });
    await h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === 'chat.postMessage');
    expect((await h.event(event, { eventId: 'EvRetried', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await answerTo(mention('what is a tag'));
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
  });
});

describe('/docker subcommands', () => {
  test('GIVEN /docker ask THEN the answer is visible to the channel, with the text exactly as asked', async () => {
    const answer = await docker('ask what does "docker   run" do?');
    expect(answer.params['response_type']).toBe('in_channel');
    expect(answer.params['replace_original']).toBe(false);
    expect(textOf(answer)).toMatch(/run/i);
  });

  test.each([
    ['explain volumes', 'in_channel', /volume/i],
    ['topics', 'in_channel', /volumes/i],
    ['help', 'in_channel', /\/docker quiz/],
    ['help quiz', 'in_channel', /\/docker quiz/],
    ['', 'in_channel', /\/docker ask/],
    ['stats', 'ephemeral', /Progress for Ada/],
    ['review', 'ephemeral', /.+/],
    ['quiz', 'ephemeral', /Reveal answer/],
    ['quiz mcq volumes', 'in_channel', /A\./],
    ['leaderboard week', 'in_channel', /.+/],
    ['diagram', 'in_channel', /diagrams/],
    ['qiuz', 'ephemeral', /Did you mean `\/docker quiz`\?/],
    ['explain no-such-topic', 'ephemeral', /No such topic/],
  ])('GIVEN /docker %s THEN it answers %s', async (text, visibility, expected) => {
    const answer = await docker(text);
    expect(answer.params['response_type']).toBe(visibility);
    expect(textOf(answer)).toMatch(expected);
  });

  test('GIVEN /docker diagram lifecycle THEN the PNG is uploaded to the channel with alt text, and the caption follows', async () => {
    const before = h.fake.calls.length;
    const answer = await docker('diagram lifecycle');
    const since = h.fake.calls.slice(before);
    const url = since.find((c) => c.method === 'files.getUploadURLExternal')!;
    expect(url.params).toMatchObject({ filename: 'container-lifecycle.png' });
    expect(String(url.params['alt_text'] ?? url.params['alt_txt'])).toMatch(/.{20,}/);
    const bytes = since.find((c) => c.method === 'upload')!.bytes!;
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(since.find((c) => c.method === 'files.completeUploadExternal')!.params).toMatchObject({ channel_id: 'CGENERAL' });
    expect(answer.params['response_type']).toBe('in_channel');
    expect(textOf(answer)).not.toContain('I could not upload');
  });

  test('GIVEN a slow command (a diagram) THEN Slack gets its acknowledgement before any of the work starts', async () => {
    const logsBefore = h.logs.length;
    await docker('diagram build push pull run');
    const logs = h.logs.slice(logsBefore);
    const acked = logs.findIndex((l) => l.includes('ack() response sent'));
    const workStarted = logs.findIndex((l) => l.includes("apiCall('files.getUploadURLExternal') start"));
    expect(acked).toBeGreaterThanOrEqual(0);
    expect(workStarted).toBeGreaterThan(acked);
  });

  test('GIVEN a diagram asked for in a mention THEN the PNG goes into the thread, and the caption follows it there', async () => {
    const event = mention('/diagram lifecycle');
    const before = h.fake.calls.length;
    const caption = await answerTo(event);
    const upload = h.fake.calls.slice(before).find((c) => c.method === 'files.completeUploadExternal')!;
    expect(upload.params).toMatchObject({ channel_id: 'CGENERAL', thread_ts: event.ts });
    expect(h.fake.calls.indexOf(upload)).toBeLessThan(h.fake.calls.indexOf(caption));
    expect(caption.params['thread_ts']).toBe(event.ts);
  });

  test('GIVEN /docker diagram in a channel the bot is not in THEN the text drawing and a one-line hint come instead', async () => {
    const answer = await docker('diagram layers', { channel: CHANNEL_WITHOUT_BOT });
    expect(textOf(answer)).toContain('I could not upload the picture here');
    expect(textOf(answer)).toContain('```');
    expect(h.logs.some((l) => /could not upload .*not_in_channel/.test(l))).toBe(true);
  });

  test('GIVEN the files:write scope is missing THEN the same fallback, never a failure', async () => {
    h.fake.stub('files.getUploadURLExternal', { error: 'missing_scope', needed: 'files:write' });
    const answer = await docker('diagram vm');
    expect(textOf(answer)).toContain('I could not upload the picture here');
    expect(h.logs.some((l) => l.includes('needs the files:write scope'))).toBe(true);
  });
});

/** Long enough that the explainer's reply is cut ("…and 12 more") and the whole report comes as a file. */
const LONG_DOCKERFILE = ['FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'ENV PASSWORD=x', ...Array.from({ length: 12 }, (_, i) => `RUN echo step${i}`), 'CMD node server.js'].join('\n');

describe('the explainer', () => {
  test('GIVEN /docker explain-command docker run -p 8080:80 nginx THEN each part, both findings and the topic buttons read well in Block Kit', async () => {
    const answer = await docker('explain-command docker run -p 8080:80 nginx');
    expect(answer.params['response_type']).toBe('in_channel');
    const blocks = answer.params['blocks'] as Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string | { text: string } }> }>;
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'actions', 'context']);
    expect(blocks[0]!.text!.text).toBe('Your docker command, explained');
    const parts = blocks[1]!.text!.text;
    expect(parts).toContain('• `-p 8080:80`: Publishes container port 80/tcp on host port 8080');
    expect(parts).toContain('More: *Publishing ports*');
    expect(blocks[2]!.text!.text).toMatch(/^\*⚠️ Warning · line 1 · publish-on-all-addresses\*\n/);
    expect(blocks[2]!.text!.text).toContain('*Fix:* To keep it on this machine, publish on the loopback address: `-p 127.0.0.1:8080:80`.');
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(['Publishing ports', 'Tags and latest', 'What docker run does']);
    expect(textOf(answer)).toContain('Findings: 2 warnings.');
    // A topic button opens the topic, for the presser.
    const topic = await press(buttonIn(answer, 'Publishing ports'), { kind: 'message', channel: 'CGENERAL', ts: '1800000050.000100' });
    expect(textOf(topic)).toMatch(/publish/i);
  });
});

describe('the form for a pasted Dockerfile', () => {
  /** Runs `/docker <text>` and resolves with the `views.open` it caused. */
  async function formFor(text: string): Promise<{ form: SlackCall; trigger: string }> {
    const fields = slashCommand(text, h.fake.responseUrl(`r${++responses}`));
    expect((await h.command(fields)).status).toBe(200);
    const form = await h.fake.waitFor((c) => c.method === 'views.open' && c.params['trigger_id'] === fields['trigger_id']);
    return { form, trigger: fields['trigger_id']! };
  }

  /** Submits the form and resolves with the answer posted in the DM. */
  async function submit(callbackId: string, value: string, user = 'UADA'): Promise<SlackCall> {
    const before = h.fake.calls.length;
    expect((await h.action(viewSubmission(callbackId, { blockId: 'paste', actionId: 'dockerfile', value }, { user }))).status).toBe(200);
    return h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === 'chat.postMessage');
  }

  test('GIVEN /docker explain-dockerfile with no text THEN a modal opens with one multiline input of up to 3,000 characters, and nothing is posted', async () => {
    const respondsBefore = h.fake.callsOf('respond').length;
    const { form } = await formFor('explain-dockerfile');
    const view = form.params['view'] as Record<string, unknown>;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'paste:explain-dockerfile:dockerfile', title: { text: 'explain-dockerfile' }, submit: { text: 'Explain' } });
    const [input] = view['blocks'] as Array<Record<string, unknown>>;
    expect(input).toMatchObject({
      type: 'input',
      block_id: 'paste',
      label: { text: 'Paste your dockerfile here' },
      element: { type: 'plain_text_input', action_id: 'dockerfile', multiline: true, max_length: 3000 },
    });
    expect(JSON.stringify(input)).toContain('npm run -s explain -- FILE');
    expect(h.fake.callsOf('respond').length).toBe(respondsBefore);
  });

  test('GIVEN the form is submitted THEN the explanation and its full report arrive in the DM with the bot, to that person alone', async () => {
    await formFor('explain-dockerfile   ');
    const before = h.fake.calls.length;
    const answer = await submit('paste:explain-dockerfile:dockerfile', LONG_DOCKERFILE);
    const since = h.fake.calls.slice(before);
    expect(since.find((c) => c.method === 'conversations.open')!.params).toMatchObject({ users: 'UADA' });
    expect(since.find((c) => c.method === 'files.completeUploadExternal')!.params).toMatchObject({ channel_id: 'DADA' });
    expect(new TextDecoder().decode(since.find((c) => c.method === 'upload')!.bytes)).toMatch(/^# Dockerfile explained/);
    expect(answer.params['channel']).toBe('DADA');
    expect(textOf(answer)).toContain('Your Dockerfile, explained');
    expect(textOf(answer)).toContain('…and 12 more');
    expect(textOf(answer)).not.toContain('I could not attach');
  });

  test('GIVEN the DM cannot be opened (no im:write) THEN the answer still reaches the app\'s Messages tab', async () => {
    h.fake.stub('conversations.open', { error: 'missing_scope', needed: 'im:write' });
    const answer = await submit('paste:explain-dockerfile:dockerfile', 'FROM alpine:3.20\nCMD echo hi', 'UFAY');
    expect(answer.params['channel']).toBe('UFAY');
    expect(textOf(answer)).toContain('Your Dockerfile, explained');
    expect(h.logs.some((l) => l.includes('could not open the DM: Slack answered missing_scope (needs the im:write scope)'))).toBe(true);
  });

  test('GIVEN text that is no Dockerfile is submitted THEN a clear error in the DM, and nothing breaks', async () => {
    const answer = await submit('paste:explain-dockerfile:dockerfile', 'hello, is this thing on?', 'UBOB');
    expect(answer.params['channel']).toBe('DBOB');
    expect(textOf(answer)).toMatch(/does not look like a Dockerfile/i);
  });

  test('GIVEN a form id that is not ours THEN nothing is run or posted', async () => {
    const before = h.fake.calls.length;
    for (const id of ['paste:explain-dockerfile:other', 'paste:no-such:dockerfile', 'paste:ask:question']) {
      expect((await h.action(viewSubmission(id, { blockId: 'paste', actionId: 'dockerfile', value: 'FROM alpine' }))).status).toBe(200);
    }
    await answerTo(mention('what is a layer'));
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'conversations.open' || c.method === 'chat.postMessage')).toHaveLength(1);
  });

  test('GIVEN /docker explain-command with no text THEN the same form, for the command', async () => {
    const { form } = await formFor('explain-command');
    expect(form.params['view']).toMatchObject({ callback_id: 'paste:explain-command:command' });
  });

  test('GIVEN the form cannot be opened THEN the command answers that the paste is missing', async () => {
    h.fake.stub('views.open', { error: 'expired_trigger_id' });
    const answer = await docker('explain-dockerfile');
    expect(answer.params['response_type']).toBe('ephemeral');
    expect(textOf(answer)).toContain('`/docker explain-dockerfile` needs a dockerfile');
    expect(h.logs.some((l) => /could not open the form: Slack answered expired_trigger_id/.test(l))).toBe(true);
  });
});

describe('files: the explainer\'s full report', () => {
  test('GIVEN a Dockerfile too long for one message THEN the full report is uploaded to the channel before the cut reply', async () => {
    const before = h.fake.calls.length;
    const answer = await docker(`explain-dockerfile ${LONG_DOCKERFILE}`);
    const since = h.fake.calls.slice(before);
    expect(since.find((c) => c.method === 'files.getUploadURLExternal')!.params).toMatchObject({ filename: 'dockerfile-explained.md' });
    const report = new TextDecoder().decode(since.find((c) => c.method === 'upload')!.bytes);
    expect(report).toMatch(/^# Dockerfile explained/);
    expect(report).toContain('RUN echo step11');
    const complete = since.find((c) => c.method === 'files.completeUploadExternal')!;
    expect(complete.params).toMatchObject({ channel_id: 'CGENERAL' });
    expect(h.fake.calls.indexOf(complete)).toBeLessThan(h.fake.calls.indexOf(answer));
    expect(answer.params['response_type']).toBe('in_channel');
    expect(textOf(answer)).toContain('…and 12 more (all in the attached report).');
    expect(textOf(answer)).not.toContain('I could not attach');
  });

  test.each([
    ['in a channel the bot is not in', CHANNEL_WITHOUT_BOT, undefined],
    ['without the files:write scope', 'CGENERAL', 'missing_scope'],
  ])('GIVEN the report cannot be uploaded (%s) THEN the reply is still shown, with a one-line note', async (_, channel, stub) => {
    if (stub) h.fake.stub('files.getUploadURLExternal', { error: stub, needed: 'files:write' });
    const answer = await docker(`explain-dockerfile ${LONG_DOCKERFILE}`, { channel });
    expect(answer.params['response_type']).toBe('in_channel');
    const text = textOf(answer);
    expect(text).toContain('Your Dockerfile, explained');
    expect(text).toContain('…and 12 more');
    expect(text).toContain('I could not attach the full report here');
    expect(h.logs.some((l) => /could not upload dockerfile-explained\.md: Slack answered (not_in_channel|missing_scope)/.test(l))).toBe(true);
  });
});

describe('buttons', () => {
  test('GIVEN a card from /docker quiz THEN reveal and grade replace it in place, the grades name their intervals, and Home is republished', async () => {
    const card = await docker('quiz');
    const on: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: '1800000100.000100', ephemeral: true };
    const revealed = await press(buttonIn(card, 'Reveal answer'), on);
    expect(revealed.params).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const grades = buttonsOf(revealed).filter((b) => b.actionId.startsWith('v1:grade:')).map((b) => b.label);
    expect(grades).toHaveLength(4);
    for (const grade of grades) expect(grade).toMatch(/^(Again|Hard|Good|Easy) · \S+/);
    const publishes = h.fake.callsOf('views.publish').length;
    const graded = await press(buttonIn(revealed, /^Good/), on);
    expect(graded.params['replace_original']).toBe(true);
    await h.fake.waitFor(() => h.fake.callsOf('views.publish').length > publishes);
    // A second grade of the same card is refused and changes nothing.
    const again = await press(buttonIn(revealed, /^Easy/), { ...on, ts: '1800000100.000200' });
    expect(textOf(again)).toContain('Already graded');
    expect(again.params['replace_original']).toBe(false);
  });

  test('GIVEN a public multiple-choice question THEN an answer gets presser-only feedback, the question stays, and a double press counts once', async () => {
    const question = await docker('quiz mcq volumes');
    const on: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: '1800000200.000100' };
    const choice = buttonsOf(question)[0]!.actionId;
    const feedback = await press(choice, on);
    expect(feedback.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(feedback)).toMatch(/Correct!|Not quite/);
    const before = h.fake.callsOf('respond').length;
    await h.action(blockAction(choice, on, h.fake.responseUrl('double')));
    const other = await press(buttonsOf(question)[1]!.actionId, on);
    expect(textOf(other)).toContain('You have answered this one');
    expect(h.fake.callsOf('respond').length).toBe(before + 1);
    // Bob's answer is his own.
    expect(textOf(await press(choice, on, { user: 'UBOB' }))).toMatch(/Correct!|Not quite/);
  });

  test('GIVEN an answer in a thread THEN votes, Quiz me, a related topic and Show diagram answer the presser', async () => {
    const event = mention('what is an image');
    const answer = await answerTo(event);
    const on: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: String(answer.params['thread_ts']).replace('200', '201'), threadTs: String(event.ts) };
    expect(textOf(await press(buttonIn(answer, '👍 Helpful'), on))).toContain('Glad it helped');
    expect(textOf(await press(buttonIn(answer, 'Quiz me on this'), on))).toContain('Reveal answer');
    const related = buttonsOf(answer).find((b) => b.actionId.startsWith('v1:explain:'))!;
    const topic = await press(related.actionId, on);
    expect(topic.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });

    const withDiagram = await docker('explain images-vs-containers');
    const before = h.fake.calls.length;
    const diagram = await press(buttonIn(withDiagram, 'Show diagram'), on);
    expect(diagram.params['response_type']).toBe('ephemeral');
    // The picture goes into the thread of the message, for everyone there; the caption to the presser.
    expect(h.fake.calls.slice(before).find((c) => c.method === 'files.completeUploadExternal')!.params).toMatchObject({ channel_id: 'CGENERAL', thread_ts: event.ts });
  });

  test('GIVEN a card in the DM with the bot THEN reveal replaces it in place, since only the learner sees the DM', async () => {
    const card = await answerTo(directMessage('quiz'));
    const revealed = await press(buttonIn(card, 'Reveal answer'), { kind: 'message', channel: 'DADA', ts: '1800000300.000100' });
    expect(revealed.params).toMatchObject({ replace_original: true, response_type: 'in_channel' });
  });

  test('GIVEN a forged or stale button id THEN a clear error, and nothing changes', async () => {
    const answer = await press('v1:grade:nosuchsession:3', { kind: 'message', channel: 'CGENERAL', ts: '1800000400.000100', ephemeral: true });
    expect(answer.params['replace_original']).toBe(false);
    expect(textOf(answer)).toMatch(/expired|not valid/);
  });
});

describe('learner settings and confirmations', () => {
  test('GIVEN no time zone of their own THEN the Slack profile\'s (users.info) counts; once they set one with /docker settings, theirs wins everywhere', async () => {
    const carl = { user: 'UCARL' };
    const shown = await docker('settings', carl);
    expect(shown.params['response_type']).toBe('ephemeral');
    expect(textOf(shown)).toContain('Europe/Paris (from your profile)');
    expect(textOf(await docker('stats', carl))).toContain('Days are counted in Europe/Paris.');

    const saved = await docker('settings time-zone:Asia/Tokyo', carl);
    expect(textOf(saved)).toContain('Settings saved');
    expect(textOf(saved)).toContain('Asia/Tokyo (yours)');
    expect(textOf(await docker('stats', carl))).toContain('Days are counted in Asia/Tokyo.');
    // Buttons and the Home tab read it too.
    const publishes = h.fake.callsOf('views.publish').length;
    await h.event(homeOpened('UCARL'));
    await h.fake.waitFor(() => h.fake.callsOf('views.publish').length > publishes);
    expect(textOf(h.fake.callsOf('views.publish').at(-1)!)).toContain('Days are counted in Asia/Tokyo.');
    // Someone else still gets their profile's zone.
    expect(textOf(await docker('stats', { user: 'UDORA' }))).toContain('Days are counted in Europe/Paris.');
  });

  test('GIVEN a time zone that is not one THEN a clear error, and the setting stays as it was', async () => {
    const refused = await docker('settings time-zone:Mars/Olympus', { user: 'UCARL2' });
    expect(refused.params['response_type']).toBe('ephemeral');
    expect(textOf(refused)).toContain('The time-zone for `/docker settings` must be an IANA time zone such as Europe/Paris or America/New_York.');
    expect(textOf(await docker('settings', { user: 'UCARL2' }))).toContain('Europe/Paris (from your profile)');
  });

  test('GIVEN /docker forget-me and the confirmation pressed THEN everything about the learner is gone, and Home is republished', async () => {
    const dan = { user: 'UDAN' };
    const fresh = textOf(await docker('stats', { user: 'UFRESH' }));
    const card = await docker('quiz', dan);
    const on: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: '1800000600.000100', ephemeral: true };
    const revealed = await press(buttonIn(card, 'Reveal answer'), on, dan);
    await press(buttonIn(revealed, /^Good/), on, dan);
    expect(textOf(await docker('stats', dan))).not.toBe(fresh);

    const asked = await docker('forget-me', dan);
    expect(asked.params['response_type']).toBe('ephemeral');
    expect(textOf(asked)).toContain('Delete everything about you?');
    const publishes = h.fake.callsOf('views.publish').length;
    const confirmOn: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: '1800000600.000200', ephemeral: true };
    const done = await press(buttonIn(asked, 'Yes, delete everything'), confirmOn, dan);
    expect(done.params).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(textOf(done)).toContain('Everything about you is deleted');
    expect(textOf(done)).toMatch(/[1-9]\d* stored records? (is|are) gone/);
    await h.fake.waitFor(() => h.fake.callsOf('views.publish').length > publishes);
    // Dan is now as new as someone never seen.
    expect(textOf(await docker('stats', dan))).toBe(fresh);
  });

  test('GIVEN a grade THEN Practise ahead works, and undo and reset ask first and work when confirmed, each replacing its confirmation in place', async () => {
    const erin = { user: 'UERIN' };
    const on: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: '1800000800.000100', ephemeral: true };
    const studyVolumes = async (ts: string) => {
      const card = await docker('quiz cards volumes', erin);
      const revealed = await press(buttonIn(card, 'Reveal answer'), { ...on, ts }, erin);
      return press(buttonIn(revealed, /^Good/), { ...on, ts }, erin);
    };
    await studyVolumes('1800000800.000200');
    // With no new cards a day and nothing due, review offers to practise ahead.
    await docker('settings new-cards:0', erin);
    const review = await docker('review', erin);
    const practice = await press(buttonIn(review, 'Practise ahead'), { ...on, ts: '1800000800.000250' }, erin);
    expect(buttonsOf(practice).map((b) => b.label)).toContain('Reveal answer');

    const undo = await docker('undo', erin);
    expect(textOf(undo)).toContain('Undo Good?');
    const undone = await press(buttonIn(undo, 'Yes, undo it'), { ...on, ts: '1800000800.000300' }, erin);
    expect(undone.params['replace_original']).toBe(true);
    expect(textOf(undone)).toContain('Grade undone');

    await studyVolumes('1800000800.000400');
    const reset = await docker('reset volumes', erin);
    expect(textOf(reset)).toContain('Start Volumes over?');
    const done = await press(buttonIn(reset, 'Yes, reset Volumes'), { ...on, ts: '1800000800.000500' }, erin);
    expect(done.params['replace_original']).toBe(true);
    expect(textOf(done)).toContain('Volumes starts afresh');
  });

  test('GIVEN a topic name with a typo THEN the close matches are buttons that open the topic for the presser', async () => {
    const missed = await docker('explain storage');
    expect(missed.params['response_type']).toBe('ephemeral');
    const matches = buttonsOf(missed).filter((b) => b.actionId.startsWith('v1:explain:'));
    expect(matches.length).toBeGreaterThan(0);
    const topic = await press(matches[0]!.actionId, { kind: 'message', channel: 'CGENERAL', ts: '1800000700.000100', ephemeral: true });
    expect(topic.params['response_type']).toBe('ephemeral');
    expect(textOf(topic)).toContain(matches[0]!.label);
  });
});

describe('/docker daily in a process without a daily scheduler (slack-daily.test.ts runs one)', () => {
  test.each(['daily', 'daily status', 'daily set 09:00 Europe/Berlin', 'daily off', 'daily now', 'daily reveal'])(
    'GIVEN /docker %s THEN it answers, to the asker alone, that daily posts are not running here, and schedules nothing',
    async (text) => {
      const answer = await docker(text);
      expect(answer.params['response_type']).toBe('ephemeral');
      expect(textOf(answer)).toContain('Daily posts are not running here');
      expect(textOf(answer)).toContain('`/docker review`');
      expect(await h.app.services.store.daily.schedule('slack', 'CGENERAL')).toBeUndefined();
    },
  );
});

describe('the Home tab', () => {
  test('GIVEN the Home tab is opened THEN it shows progress, Start review, Quiz me and every topic in menus, within 100 blocks', async () => {
    const before = h.fake.callsOf('views.publish').length;
    await h.event(homeOpened());
    const view = await h.fake.waitFor(() => h.fake.callsOf('views.publish').length > before).then(() => h.fake.callsOf('views.publish').at(-1)!);
    expect(view.params['user_id']).toBe('UADA');
    const text = textOf(view);
    expect(text).toContain('Progress for Ada');
    expect(buttonsOf(view).map((b) => b.label)).toEqual(expect.arrayContaining(['Start review', 'Quiz me']));
    const menus = JSON.stringify(view.params['view']).match(/"type":"static_select"/g) ?? [];
    expect(menus.length).toBeGreaterThan(0);
    const options = JSON.stringify(view.params['view']).match(/"value":"v1:explain:/g) ?? [];
    expect(options.length).toBe(h.app.services.knowledge.topics.length);
  });

  test('GIVEN Start review and a topic chosen on Home THEN they arrive in the Messages tab (the DM with the bot)', async () => {
    const before = h.fake.calls.length;
    await h.action(blockAction('v1:review', { kind: 'home' }, 'unused'));
    const card = await h.fake.waitFor((c) => h.fake.calls.indexOf(c) >= before && c.method === 'chat.postMessage');
    expect(card.params['channel']).toBe('UADA');
    await h.action(blockAction('home-topics-1', { kind: 'home' }, 'unused', { selected: 'v1:explain:volumes' }));
    const topic = await h.fake.waitFor((c) => h.fake.calls.indexOf(c) > h.fake.calls.indexOf(card) && c.method === 'chat.postMessage');
    expect(topic.params['channel']).toBe('UADA');
    expect(textOf(topic)).toMatch(/volume/i);
  });
});

describe('hostile input', () => {
  test.each(HOSTILE_INPUTS)('GIVEN %s through a mention, /docker ask and as a button id THEN a clear answer that cannot ping', async (_, input) => {
    const viaMention = await answerTo(mention(input));
    const viaCommand = await docker(`ask ${input}`);
    const viaButton = await press(input.slice(0, 300) || 'x', { kind: 'message', channel: 'CGENERAL', ts: `18000005${String(input.length).padStart(2, '0')}.0001` });
    for (const call of [viaMention, viaCommand, viaButton]) {
      expect(couldPing(JSON.stringify(call.params))).toBe(false);
      expect(textOf(call).length).toBeGreaterThan(0);
    }
  });
});

describe('Slack errors', () => {
  test('GIVEN a rejected bot token at start THEN one clear line', async () => {
    const fake = await FakeSlack.start();
    fake.rejectToken(BOT_TOKEN);
    const error = await startSlack(h.app, {
      botToken: BOT_TOKEN,
      connection: { mode: 'http', signingSecret: 'a'.repeat(32), port: 0 },
      logger: createLogger({ write: () => undefined }),
      apiUrl: fake.apiUrl,
    }).catch((e: unknown) => e);
    await fake.close();
    expect(error).toBeInstanceOf(SlackStartError);
    expect((error as Error).message).toMatch(/^Slack rejected SLACK_BOT_TOKEN \(invalid_auth\): install the app again/);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain(BOT_TOKEN);
  });

  test('GIVEN ratelimited answers THEN the client waits them out a bounded number of times, then reports', async () => {
    const limited = await startSlackHarness({ mode: 'http', retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 10 } });
    try {
      limited.fake.stub('chat.postMessage', { status: 429, retryAfter: 0 });
      await limited.event(mention('what is a layer'));
      await limited.fake.waitFor((c) => c.method === 'chat.postMessage' && limited.fake.callsOf('chat.postMessage').length === 2);
      limited.fake.stub('chat.postMessage', { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
      await limited.event(mention('what is a volume'));
      await limited.fake.waitFor(() => limited.fake.callsOf('chat.postMessage').length === 4);
      await expect.poll(() => limited.logs.some((l) => /mention ask: could not send the answer: Slack answered ratelimited/.test(l))).toBe(true).catch((e: unknown) => {
        console.log(limited.logs.filter((l) => !l.includes(' debug ')).join('\n'));
        throw e;
      });
      expect(limited.sessionsLost).toBe(0);
      // Still serving.
      await limited.event(mention('what is a tag'));
      await limited.fake.waitFor(() => limited.fake.callsOf('chat.postMessage').length === 5);
    } finally {
      await limited.stop();
    }
  });

  test('GIVEN the token is revoked while running THEN the Slack front end stops, says so, and reports the session lost', async () => {
    const revoked = await startSlackHarness({ mode: 'http' });
    try {
      revoked.fake.revokeTokens();
      await revoked.event(mention('what is a layer'));
      await expect.poll(() => revoked.sessionsLost).toBe(1);
      expect(revoked.logs.some((l) => l.includes('the bot token no longer works, so the Slack front end stops'))).toBe(true);
      await expect(revoked.event(mention('what is a volume'))).rejects.toThrow();
    } finally {
      await revoked.stop();
    }
  });
});
