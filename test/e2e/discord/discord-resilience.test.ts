import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, TEST_TOKEN, type Harness } from './discord-harness.ts';
import { inServer, slashCommand, text, user } from './interaction-payloads.ts';

const EPHEMERAL = 64;
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;

let harness: Harness;
let sessionsLost = 0;
beforeAll(async () => {
  // Acknowledge after 100 ms rather than 1.5 s, so a slow handler is quick to show; one retry after a 5xx.
  harness = await startHarness({ deferAfterMs: 100, retries: 1, onSessionLost: () => sessionsLost++ });
});
afterAll(() => harness.stop());
afterEach(() => {
  expect(harness.fake.payloadProblems).toEqual([]);
  expect(harness.logs.join('\n')).not.toContain(TEST_TOKEN);
});

const ada = inServer(user('1300000000000000021', 'ada'));
const titleOf = (data: Record<string, unknown>) => (data['embeds'] as Array<{ title?: string }>)[0]!.title;

/** After whatever happened before, the bot still answers. */
async function stillServes(): Promise<void> {
  const shown = await (await harness.command('ask', [text('question', 'what is a volume')], ada)).answer();
  expect(titleOf(shown.data)).toBe('Volumes');
}

/** The outcome in the one `interaction handled` entry for the interaction, once it is logged; its kind and latency checked on the way. */
async function outcomeLogged(interaction: Record<string, unknown>, kind: string): Promise<string> {
  const pattern = new RegExp(` info {2}interaction handled interaction=${String(interaction['id'])} kind=${kind} latencyMs=\\d+ outcome=([a-z-]+)$`);
  await expect.poll(() => harness.logs.filter((l) => pattern.test(l)).length).toBe(1);
  return pattern.exec(harness.logs.find((l) => pattern.test(l))!)![1]!;
}

describe("Discord's 429s and 5xx", () => {
  test('GIVEN a 429 on the interaction callback THEN discord.js waits the retry-after and the answer still arrives', async () => {
    harness.fake.stubNext('POST', CALLBACK, {
      status: 429,
      headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
    });
    const exchange = await harness.command('ask', [text('question', 'what is a volume')], ada);
    const [limited, answered] = exchange.requests();
    expect([limited?.status, answered?.status]).toEqual([429, 204]);
    expect(Number(answered!.receivedAt - limited!.receivedAt) / 1e6).toBeGreaterThanOrEqual(200);
    expect(titleOf((await exchange.answer()).data)).toBe('Volumes');
    expect(harness.logs).toContainEqual(expect.stringMatching(/ warn {2}Discord answered 429 to POST \/interactions\/:id\/:token\/callback: rate limited, retrying after 0\.2 s$/));
    expect(await outcomeLogged(exchange.interaction, '/ask')).toBe('answered');
    // The question never reaches an info entry.
    expect(harness.logs.filter((l) => / info /.test(l) && l.includes('what is a volume'))).toEqual([]);
  });

  test('GIVEN a 429 on the edit that carries an attachment THEN it is sent again after the wait, file and all', async () => {
    harness.fake.stubNext('PATCH', ORIGINAL, { status: 429, headers: { 'retry-after': '0.1' }, body: { message: 'You are being rate limited.', retry_after: 0.1, global: false } });
    const exchange = await harness.command('picture', [], ada);
    const shown = await exchange.answer();
    expect(exchange.requests().map((r) => [r.method, r.status])).toEqual([['POST', 204], ['PATCH', 429], ['PATCH', 200]]);
    expect(shown.files).toHaveLength(1);
    expect(await outcomeLogged(exchange.interaction, '/picture')).toBe('deferred');
  });

  test('GIVEN one 500 on the callback THEN the request is retried and the user gets the answer', async () => {
    harness.fake.stubNext('POST', CALLBACK, { status: 500, body: { message: 'Internal Server Error', code: 0 } });
    const exchange = await harness.command('ask', [text('question', 'what is a volume')], ada);
    expect(exchange.requests().map((r) => r.status)).toEqual([500, 204]);
    expect(harness.logs).toContainEqual(expect.stringMatching(/ warn {2}Discord answered 500 to POST \/interactions\/:id\/:token\/callback$/));
  });

  test('GIVEN a callback that keeps failing THEN it is logged, and the next interaction is served', async () => {
    harness.fake.stubNext('POST', CALLBACK, { status: 502, body: { message: 'Bad Gateway', code: 0 } }, 2);
    const lost = slashCommand('ask', [text('question', 'what is a volume')], ada, harness.fake.applicationId);
    harness.fake.dispatch('INTERACTION_CREATE', lost);
    const sent = () => harness.fake.requests.filter((r) => r.path.includes(String(lost['token']))).map((r) => r.status);
    // Two tries of the answer, then the notice, which gets through.
    await expect.poll(sent).toEqual([502, 502, 204]);
    const notice = harness.fake.requests.filter((r) => r.path.includes(String(lost['token']))).at(-1)!;
    expect(notice.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'I could not send that answer' }] } });
    await expect.poll(() => harness.logs.some((l) => /\/ask \(interaction \d+\): could not send the answer: Discord answered 502/.test(l))).toBe(true);
    expect(await outcomeLogged(lost, '/ask')).toBe('delivery-failed');
    await stillServes();
  });

  test('GIVEN an edit that keeps failing after the acknowledgement THEN the user is told, in a follow-up only they see', async () => {
    harness.fake.stubNext('PATCH', ORIGINAL, { status: 503, body: { message: 'Service Unavailable', code: 0 } }, 2);
    const exchange = await harness.command('picture', [], ada);
    const told = await harness.fake.waitForRequest((r) => r.path.includes(String(exchange.interaction['token'])) && r.method === 'POST' && !r.path.endsWith('/callback'));
    expect(told.body).toMatchObject({ flags: EPHEMERAL, embeds: [{ title: 'I could not send that answer' }], allowed_mentions: { parse: [] } });
    await stillServes();
  });
});

describe('handlers that fail or take long', () => {
  test('GIVEN a handler that throws THEN the user gets a clear ephemeral error, the log says why, and the bot keeps serving', async () => {
    const exchange = await harness.command('broken', [], ada);
    expect(exchange.callback.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, embeds: [{ title: 'Something went wrong', description: 'I could not finish that because of a problem on my side. Please try again in a moment.' }] },
    });
    expect(harness.logs.some((l) => /error \/broken \(interaction \d+\) failed: Error: the database is on fire/.test(l))).toBe(true);
    expect(await outcomeLogged(exchange.interaction, '/broken')).toBe('failed');
    await stillServes();
  });

  test('GIVEN a slow handler that throws after the acknowledgement THEN the error comes privately, then the public placeholder goes', async () => {
    const exchange = await harness.command('broken-late', [], ada);
    expect(exchange.callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const shown = await exchange.answer();
    await expect.poll(() => exchange.requests().map((r) => r.method)).toEqual(['POST', 'POST', 'DELETE']);
    expect(shown).toMatchObject({ flags: EPHEMERAL, data: { embeds: [{ title: 'Something went wrong' }] } });
    await stillServes();
  });

  test('GIVEN a handler that outlasts the defer threshold THEN it is acknowledged, and its ephemeral answer follows', async () => {
    const exchange = await harness.command('sluggish', [], ada);
    expect(exchange.callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const shown = await exchange.answer();
    expect(shown.via.method).toBe('POST');
    expect(shown).toMatchObject({ flags: EPHEMERAL, data: { embeds: [{ title: 'Done' }] } });
    await expect.poll(() => exchange.requests().map((r) => r.method)).toEqual(['POST', 'POST', 'DELETE']);
  });

  test('GIVEN every follow-up fails THEN the public placeholder is kept and edited into a clear notice, never left empty', async () => {
    const FOLLOW_UP = /^\/webhooks\/\d+\/[^/]+$/;
    harness.fake.stubNext('POST', FOLLOW_UP, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, 2);
    const exchange = await harness.command('broken-late', [], ada);
    await expect.poll(() => exchange.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'POST 500', 'POST 500', 'PATCH 200']);
    expect(exchange.requests().at(-1)!.body).toMatchObject({ embeds: [{ title: 'I could not send that answer' }], allowed_mentions: { parse: [] } });
    expect(harness.logs.some((l) => /\/broken-late \(interaction \d+\): could not send the answer as a follow-up/.test(l))).toBe(true);
    await stillServes();
  });

  test('GIVEN every edit of the placeholder fails THEN the user is told privately and the placeholder is removed', async () => {
    harness.fake.stubNext('PATCH', ORIGINAL, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, 2);
    const exchange = await harness.command('picture', [], ada);
    await expect.poll(() => exchange.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 500', 'PATCH 500', 'POST 200', 'DELETE 204']);
    expect(exchange.requests()[3]!.body).toMatchObject({ flags: EPHEMERAL, embeds: [{ title: 'I could not send that answer' }] });
    await stillServes();
  });
});

describe('the gateway connection', () => {
  test('GIVEN the connection drops THEN the bot resumes its session and answers the next command', async () => {
    harness.fake.dropConnection();
    await expect.poll(() => harness.fake.gatewayOps.at(-1), { timeout: 5_000 }).toBe(6);
    await harness.fake.waitUntilConnected();
    expect(harness.fake.gatewayOps.filter((op) => op === 2)).toHaveLength(1);
    expect(harness.logs).toContainEqual(expect.stringMatching(/ warn {2}gateway connection 0 lost: reconnecting$/));
    await expect.poll(() => harness.logs.some((l) => / info {2}gateway connection 0 resumed$/.test(l))).toBe(true);
    await stillServes();
  });

  // Last: after this the harness has no connection.
  test('GIVEN Discord ends the session for good (the token was reset) THEN the bot says so and reports the session lost', async () => {
    harness.fake.closeConnection(4004, 'Authentication failed.');
    await expect.poll(() => sessionsLost).toBe(1);
    expect(harness.logs).toContainEqual(expect.stringMatching(/ error Discord closed gateway connection 0 for good \(code 4004\).*Authentication failed.*DISCORD_TOKEN/));
  });
});
