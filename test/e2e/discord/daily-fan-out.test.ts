import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDiscordDailyPoster } from '../../../src/adapters/discord/discord-daily-poster.ts';
import { startDiscordRestProxy, type DiscordRestProxy } from '../../../src/adapters/discord/discord-rest-proxy.ts';
import type { App } from '../../../src/app.ts';
import { DailyScheduler, saveDailySchedule, type DailySchedulerOptions } from '../../../src/daily/index.ts';
import type { Logger } from '../../../src/logger.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';

/**
 * The daily fan-out through the real discord.js REST client against the fake Discord with Discord's rate limits
 * enforced: one process, two processes each with its own limiter, two sharing the REST proxy, and Discord
 * refusing (429 storms, 5xx, a channel deleted in the middle).
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.GfAnOt.fan-out-token-for-the-daily-tests-012345';
const channelId = (i: number) => String(1_700_000_000_000_000_000n + BigInt(i));

describe('the daily fan-out against Discord’s rate limits', () => {
  let app: App;
  let fake: FakeDiscord;
  let proxy: DiscordRestProxy | undefined;
  const lines: string[] = [];
  const log: Logger = { debug: () => undefined, info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) };
  let now = new Date('2026-03-28T08:00:00Z');
  let ids = 0;

  const startFake = async (options: FakeDiscordOptions = {}) => (fake = await FakeDiscord.start(options));
  /** What one bot process has: its own discord.js REST (and so its own limiter) and its own scheduler. */
  const process = (api: string, options: DailySchedulerOptions = {}, timeoutMs?: number) => {
    const rest = new REST({ api, retries: 1, timeout: 5_000 }).setToken(TOKEN);
    const poster = createDiscordDailyPoster(rest, timeoutMs);
    return new DailyScheduler(
      { store: app.services.store, deck: app.services.deck, posters: [poster], clock: () => now, newId: () => `fan${String(++ids).padStart(8, '0')}`, log },
      options,
    );
  };
  const schedule = async (count: number, time = '09:00', first = 0) => {
    for (let i = first; i < first + count; i++) {
      await saveDailySchedule(
        app.services.store,
        { platform: 'discord', channelId: channelId(i), serverId: 'g', time, timeZone: 'UTC', weekdays: [], topics: [], revealAfterMinutes: 720, setBy: 'discord:1' },
        new Date('2026-03-28T04:00:00Z'),
      );
    }
  };
  const createsPerChannel = () => {
    const counts = new Map<string, number>();
    for (const m of fake.channelMessages.values()) counts.set(m.channelId, (counts.get(m.channelId) ?? 0) + 1);
    return counts;
  };

  beforeEach(async () => {
    app = await createTestApp();
    now = new Date('2026-03-28T09:00:00Z');
    lines.length = 0;
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await fake?.close();
    await app.close();
  });

  test('GIVEN one process and 120 channels due under the fake’s limits THEN discord.js paces them and each is posted once', async () => {
    await startFake({ rateLimits: {} });
    await schedule(120);
    const started = Date.now();
    expect(await process(fake.apiUrl).tick()).toMatchObject({ posted: 120, retrying: 0, gaveUp: 0 });
    // 120 requests at 50 a second, the first 50 at once: at least 1.4 s, however fast the machine.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_300);
    expect(createsPerChannel().size).toBe(120);
    expect([...createsPerChannel().values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  /**
   * The next two cases run Discord's mechanism at a fifth of its scale, 10 requests a second, so that the two
   * processes' bursts outrun the budget however slowly a busy machine runs them: 60 posts, 30 by each process's
   * own discord.js REST, all at once.
   */
  const BUDGET = 10;
  const burst = async (api: string) => {
    const posters = [0, 1].map(() =>
      createDiscordDailyPoster(new REST({ api, retries: 1, timeout: 20_000, globalRequestsPerSecond: BUDGET }).setToken(TOKEN), 60_000),
    );
    const reply = { tone: 'info' as const, title: 'Daily quiz', text: 'Q?' };
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => posters[i % 2]!.post({ channelId: channelId(i), idempotencyKey: `burst${i}`, reply })),
    );
    expect(outcomes.filter((o) => o.status !== 'sent')).toEqual([]);
    expect(createsPerChannel().size).toBe(60);
    expect([...createsPerChannel().values()].every((n) => n === 1)).toBe(true);
    return fake.rateLimits!.counts.global429;
  };

  test('GIVEN two processes each keeping the budget on its own THEN a storm of global 429s; through the REST proxy, one budget and hardly any', async () => {
    // Each discord.js lets its 10 through at once: together 20 against a budget of 10, second after second.
    await startFake({ rateLimits: { globalPerSecond: BUDGET } });
    const storm = await burst(fake.apiUrl);
    expect(storm).toBeGreaterThanOrEqual(5);
    await fake.close();

    await startFake({ rateLimits: { globalPerSecond: BUDGET } });
    // A 200 ms margin on each wait (discord.js keeps 50 ms) for the timing jitter of a busy machine between the
    // proxy's clock and the fake's: two tokens at this scale.
    proxy = await startDiscordRestProxy({ port: 0, host: '127.0.0.1', upstream: fake.apiUrl, logger: log, rest: { globalRequestsPerSecond: BUDGET, offset: 200 } });
    const started = Date.now();
    const shared = await burst(proxy.url);
    // One queue paces both: 60 at 10 a second, the first 10 at once, take at least 5 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    expect(shared).toBeLessThan(storm / 5);
    // The proxy answers its own health check without asking Discord.
    expect((await fetch(proxy.url.replace(/\/api$/, '/health'))).status).toBe(200);
  }, 180_000);

  test('GIVEN a storm of 429s on the posts THEN each is waited out as Discord says, and every channel is posted once', async () => {
    await startFake();
    await schedule(20);
    const refusal = { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' }, body: { message: 'You are being rate limited.', retry_after: 0.5, global: false } };
    fake.stubNext('POST', /^\/channels\/\d+\/messages$/, refusal, 40);
    const started = Date.now();
    const report = await process(fake.apiUrl).tick();
    expect(report).toMatchObject({ posted: 20, retrying: 0, gaveUp: 0 });
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(40);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect([...createsPerChannel().values()]).toEqual(Array.from({ length: 20 }, () => 1));
  }, 60_000);

  test('GIVEN Discord answers 5xx to a post THEN discord.js retries once, the scheduler later, with the same nonce, and it is posted once', async () => {
    await startFake();
    await schedule(1);
    fake.stubNext('POST', /^\/channels\/\d+\/messages$/, { status: 502, body: { message: 'Bad Gateway', code: 0 } }, 2);
    const daily = process(fake.apiUrl);
    expect(await daily.tick()).toMatchObject({ posted: 0, retrying: 1 });
    expect(lines.join('\n')).toMatch(/attempt 1 failed \(.*502.*\); retrying in 5 s/);
    now = new Date(now.getTime() + 5_000);
    expect(await daily.tick()).toMatchObject({ posted: 1, retrying: 0 });
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    expect(posts.map((r) => r.status)).toEqual([502, 502, 200]);
    expect(new Set(posts.map((r) => (r.body as { nonce: string }).nonce)).size).toBe(1);
    expect(fake.messagesIn(channelId(0))).toHaveLength(1);
  }, 60_000);

  test('GIVEN a channel deleted in the middle of the fan-out THEN only its schedule is disabled, and the others are posted', async () => {
    await startFake({ holdChannelPostsMs: 100 });
    await schedule(39, '09:00');
    // Due a minute later, so claimed last (earliest first): deleted by the time its turn comes.
    await schedule(1, '09:01', 39);
    now = new Date('2026-03-28T09:02:00Z');
    const ticking = process(fake.apiUrl, { concurrency: 4, batchSize: 4 }).tick();
    await expect.poll(() => fake.channelMessages.size).toBeGreaterThanOrEqual(4);
    fake.deletedChannels.add(channelId(39));
    expect(await ticking).toMatchObject({ posted: 39, disabled: 1 });
    expect(await app.services.store.daily.schedule('discord', channelId(39))).toMatchObject({ enabled: false, disabledReason: 'unknown-channel' });
    expect(lines.join('\n')).toMatch(new RegExp(`channel ${channelId(39)} .*disabled: unknown-channel`));
    expect(createsPerChannel().size).toBe(39);
  }, 60_000);
});
