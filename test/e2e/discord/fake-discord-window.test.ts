import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord } from './fake-discord.ts';
import { inServer, slashCommand, user } from './interaction-payloads.ts';

/**
 * The fake's enforcement of Discord's window for a first response, checked with a bare gateway client and plain
 * HTTP, so the timing is the test's own and not the bot's.
 */
let fake: FakeDiscord | undefined;
let gateway: WebSocket | undefined;

afterEach(async () => {
  gateway?.terminate();
  await fake?.close();
});

/** Starts the fake and identifies on its gateway, as a bot would, so it can dispatch. */
async function connectedFake(options: Parameters<typeof FakeDiscord.start>[0]): Promise<FakeDiscord> {
  fake = await FakeDiscord.start(options);
  gateway = new WebSocket(`ws://127.0.0.1:${fake.port}/gateway`);
  await once(gateway, 'open');
  gateway.send(JSON.stringify({ op: 2, d: { token: 'x', intents: 1, properties: {} } }));
  await fake.waitUntilConnected();
  return fake;
}

const interaction = (f: FakeDiscord) => slashCommand('topics', [], inServer(user('1300000000000000001', 'learner')), f.applicationId);
const acknowledge = (f: FakeDiscord, i: Record<string, unknown>) =>
  fetch(`${f.apiUrl}/v10/interactions/${String(i['id'])}/${String(i['token'])}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 5 }),
  });

describe('the fake Discord enforces the window for a first response when asked to', () => {
  test('GIVEN a window WHEN a callback comes after it THEN it gets 404 Unknown interaction (10062) and is counted', async () => {
    const f = await connectedFake({ interactionWindowMs: 50 });
    const late = interaction(f);
    f.dispatch('INTERACTION_CREATE', late);
    await sleep(150);
    const response = await acknowledge(f, late);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Unknown interaction', code: 10062 });
    expect(f.lateCallbacks).toHaveLength(1);
    expect(f.lateCallbacks[0]!.interactionId).toBe(late['id']);
    expect(f.lateCallbacks[0]!.afterMs).toBeGreaterThan(50);
  });

  test('GIVEN a window WHEN a callback comes within it THEN it is accepted', async () => {
    const f = await connectedFake({ interactionWindowMs: 5_000 });
    const prompt = interaction(f);
    f.dispatch('INTERACTION_CREATE', prompt);
    expect((await acknowledge(f, prompt)).status).toBe(204);
    expect(f.lateCallbacks).toEqual([]);
  });

  test('GIVEN a window WHEN a callback names an interaction never dispatched THEN it is refused like a late one', async () => {
    const f = await connectedFake({ interactionWindowMs: 5_000 });
    expect((await acknowledge(f, interaction(f))).status).toBe(404);
    expect(f.lateCallbacks).toMatchObject([{ afterMs: undefined }]);
  });

  test('GIVEN no window (the default) WHEN a callback comes late THEN it is accepted as before', async () => {
    const f = await connectedFake({});
    const late = interaction(f);
    f.dispatch('INTERACTION_CREATE', late);
    await sleep(100);
    expect((await acknowledge(f, late)).status).toBe(204);
    expect(f.lateCallbacks).toEqual([]);
  });
});
