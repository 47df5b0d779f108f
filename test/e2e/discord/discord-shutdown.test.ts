import { expect, test } from 'vitest';
import { startHarness } from './discord-harness.ts';
import { inServer, slashCommand, user } from './interaction-payloads.ts';
import { closeGate } from './test-commands.ts';

const ada = inServer(user('1300000000000000051', 'ada'));

test('GIVEN an interaction being answered WHEN the bot is stopped THEN new interactions are left alone, the one in flight is answered, and only then does stop() end', async () => {
  const h = await startHarness();
  try {
    const gate = closeGate();
    const inFlight = h.command('gated', [], ada);
    await gate.reached;
    let stopped = false;
    const stopping = h.bot.stop().then(() => (stopped = true));

    // An interaction that arrives during the shutdown is not taken on.
    const late = slashCommand('sluggish', [], ada, h.fake.applicationId);
    h.fake.dispatch('INTERACTION_CREATE', late);
    await expect.poll(() => h.logs.some((l) => l.includes(`shutting down: interaction ${String(late['id'])} left unanswered`))).toBe(true);
    expect(stopped).toBe(false);

    gate.open();
    const answer = await (await inFlight).answer();
    expect(answer.data).toMatchObject({ embeds: [{ title: 'Gate passed' }] });
    await stopping;
    expect(h.logs.some((l) => / interaction handled interaction=\d+ kind=\/gated latencyMs=\d+ outcome=(answered|deferred)$/.test(l))).toBe(true);
    expect(h.fake.requests.filter((r) => r.path.includes(String(late['token'])))).toEqual([]);
  } finally {
    await h.stop();
  }
});

test('GIVEN an interaction that does not finish WHEN the bot is stopped THEN stop() gives up after drainTimeoutMs with a warning', async () => {
  const h = await startHarness({ drainTimeoutMs: 300 });
  const gate = closeGate();
  try {
    void h.command('gated', [], ada).catch(() => undefined);
    await gate.reached;
    const started = performance.now();
    await h.bot.stop();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(h.logs.some((l) => l.includes('Discord: 1 interaction(s) still being answered after 300 ms; disconnecting anyway'))).toBe(true);
  } finally {
    gate.open();
    await h.stop();
  }
});
