import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSlackHarness, type SlackHarness } from './slack-harness.ts';
import { blockAction, homeOpened, mention, slashCommand, type PressedOn } from './slack-payloads.ts';
import { buttonIn } from './slack-views.ts';

/** Words only a learner typed: no info entry may carry them. */
const TYPED = 'zebra-marmalade';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ mode: 'http' });
});
afterAll(async () => {
  await h.stop();
  const info = h.logs.filter((l) => / info {2}/.test(l));
  expect(info.length).toBeGreaterThan(0);
  expect(info.filter((l) => l.includes(TYPED))).toEqual([]);
});

/** The one `interaction handled` entry of `id` (the real Bolt app, logging through the harness's pino logger). */
async function entryOf(id: string): Promise<{ kind: string; latencyMs: number; outcome: string }> {
  const lines = () => h.logs.filter((l) => / info {2}interaction handled /.test(l) && l.includes(` interaction=${id} `));
  await expect.poll(() => lines().length, { timeout: 20_000 }).toBe(1);
  const [, kind, latencyMs, outcome] = /kind=("[^"]*"|\S+) latencyMs=(\d+) outcome=(\S+)$/.exec(lines()[0]!)!;
  return { kind: kind!.startsWith('"') ? (JSON.parse(kind!) as string) : kind!, latencyMs: Number(latencyMs), outcome: outcome! };
}

let responses = 0;

describe('Slack interactions, one log entry each', () => {
  test('GIVEN a mention THEN one info entry with its event id, kind, latency and outcome answered, and none of the text', async () => {
    await h.event(mention(`what is a volume ${TYPED}`), { eventId: 'EvLOG1' });
    const entry = await entryOf('EvLOG1');
    expect(entry).toEqual({ kind: 'mention ask', latencyMs: expect.any(Number), outcome: 'answered' });
    expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
    // A retry of the same event is not handled again, so it is not logged again.
    await h.event(mention(`what is a volume ${TYPED}`), { eventId: 'EvLOG1' });
    await h.event(mention('what is an image'), { eventId: 'EvLOG1b' });
    await entryOf('EvLOG1b');
    expect(h.logs.filter((l) => l.includes(' interaction=EvLOG1 '))).toHaveLength(1);
  });

  test('GIVEN /docker ask and a button on a card THEN each has its entry under its trigger id, named by command and action', async () => {
    const fields = slashCommand(`ask what does ${TYPED} run do`, h.fake.responseUrl(`log${++responses}`));
    await h.command(fields);
    expect(await entryOf(fields['trigger_id']!)).toMatchObject({ kind: '/docker ask', outcome: 'answered' });

    const cardFields = slashCommand('quiz', h.fake.responseUrl(`log${++responses}`));
    await h.command(cardFields);
    const card = await h.fake.waitFor((c) => c.method === 'respond' && c.params['responseId'] === `log${responses}`);
    const on: PressedOn = { kind: 'message', channel: 'CGENERAL', ts: '1800000900.000100', ephemeral: true };
    const press = blockAction(buttonIn(card, 'Reveal answer'), on, h.fake.responseUrl(`log${++responses}`));
    await h.action(press);
    expect(await entryOf(String(press['trigger_id']))).toMatchObject({ kind: expect.stringMatching(/^button v1:reveal/), outcome: 'answered' });
  });

  test('GIVEN Slack refuses the answer THEN the outcome is delivery-failed', async () => {
    h.fake.stub('chat.postMessage', { error: 'channel_not_found' });
    await h.event(mention('what is a layer'), { eventId: 'EvLOG2' });
    expect(await entryOf('EvLOG2')).toMatchObject({ kind: 'mention ask', outcome: 'delivery-failed' });
  });

  test('GIVEN a command that opens its paste form THEN the outcome is form-opened; GIVEN the Home tab opened THEN kind home tab', async () => {
    const fields = slashCommand('explain-dockerfile', h.fake.responseUrl(`log${++responses}`));
    await h.command(fields);
    expect(await entryOf(fields['trigger_id']!)).toMatchObject({ kind: '/docker explain-dockerfile', outcome: 'form-opened' });
    await h.event(homeOpened(), { eventId: 'EvLOG3' });
    expect(await entryOf('EvLOG3')).toMatchObject({ kind: 'home tab', outcome: 'answered' });
  });
});
