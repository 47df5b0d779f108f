import { describe, expect, test } from 'vitest';
import { createCommandRegistry, RATE_LIMITER_DEFAULTS, RateLimiter, type CommandRequest } from '../../../src/core/index.ts';
import { createTestApp } from '../../fixtures/test-app.ts';

describe('RateLimiter', () => {
  test('GIVEN a burst of commands THEN the default allows 8 at once, then one every 4 seconds', () => {
    const limiter = new RateLimiter();
    const allowed = Array.from({ length: 10 }, () => limiter.take('discord:1', 'command', 0).allowed);
    expect(allowed).toEqual([true, true, true, true, true, true, true, true, false, false]);
    expect(limiter.take('discord:1', 'command', 0)).toEqual({ allowed: false, retryAfterMs: 4_000 });
    expect(limiter.take('discord:1', 'command', 3_999).allowed).toBe(false);
    expect(limiter.take('discord:1', 'command', 4_000).allowed).toBe(true);
  });

  test('GIVEN one person over their limit THEN other people and other kinds of request are not affected', () => {
    const limiter = new RateLimiter({ rules: { command: { burst: 1, refillMs: 1_000 } } });
    expect(limiter.take('discord:1', 'command', 0).allowed).toBe(true);
    expect(limiter.take('discord:1', 'command', 0).allowed).toBe(false);
    expect(limiter.take('discord:2', 'command', 0).allowed).toBe(true);
    expect(limiter.take('discord:1', 'action', 0).allowed).toBe(true);
  });

  test('GIVEN a quiet spell THEN the bucket refills to its burst and no further', () => {
    const limiter = new RateLimiter({ rules: { action: { burst: 3, refillMs: 100 } } });
    for (let i = 0; i < 3; i++) limiter.take('slack:U1', 'action', 0);
    const afterAnHour = Array.from({ length: 4 }, () => limiter.take('slack:U1', 'action', 3_600_000).allowed);
    expect(afterAnHour).toEqual([true, true, true, false]);
  });

  test('GIVEN more people than it tracks THEN memory stays bounded by forgetting the longest-quiet bucket', () => {
    const limiter = new RateLimiter({ rules: { command: { burst: 1, refillMs: 60_000 } }, maxTracked: 100 });
    limiter.take('discord:first', 'command', 0);
    for (let i = 0; i < 100; i++) limiter.take(`discord:${i}`, 'command', 1);
    // Forgotten, so it starts again from a full bucket.
    expect(limiter.take('discord:first', 'command', 2).allowed).toBe(true);
    expect(limiter.take('discord:99', 'command', 2).allowed).toBe(false);
  });

  test('GIVEN requests stamped out of order THEN a clock stepping back neither drains nor refills the bucket', () => {
    const limiter = new RateLimiter({ rules: { command: { burst: 2, refillMs: 1_000 } } });
    expect(limiter.take('discord:1', 'command', 10_000).allowed).toBe(true);
    expect(limiter.take('discord:1', 'command', 0).allowed).toBe(true);
    expect(limiter.take('discord:1', 'command', 5_000).allowed).toBe(false);
    expect(limiter.take('discord:1', 'command', 11_000).allowed).toBe(true);
  });

  test('GIVEN the defaults THEN they are the documented ones', () => {
    expect(RATE_LIMITER_DEFAULTS.rules).toEqual({ command: { burst: 8, refillMs: 4_000 }, action: { burst: 20, refillMs: 1_000 } });
  });
});

describe('rate limits through the registry and buttons', () => {
  const registry = createCommandRegistry();
  const request = (platform: CommandRequest['platform'], seconds = 0): CommandRequest => ({
    platform,
    user: { id: 'U1', name: 'flooder' },
    now: new Date(Date.UTC(2026, 10, 29, 12, 0, seconds)),
  });

  test('GIVEN a Discord user asking a ninth question at once THEN they are asked to slow down, privately, and nothing is stored', async () => {
    const app = await createTestApp();
    const services = { ...app.services, limiter: new RateLimiter() };
    for (let i = 0; i < 8; i++) expect((await registry.execute('ask', { question: 'what is a volume' }, request('discord'), services)).title).toBe('Volumes');
    const refused = await registry.execute('ask', { question: 'what is a volume' }, request('discord'), services);
    expect(refused).toMatchObject({ tone: 'error', title: 'Slow down a little', ephemeral: true });
    expect(refused.text).toContain('Try again in 4 seconds');
    expect(await services.store.knowledgeGaps(1.01)).toHaveLength(8);
    expect((await registry.execute('ask', { question: 'what is a volume' }, request('discord', 4), services)).title).toBe('Volumes');
    await app.close();
  });

  test('GIVEN the console THEN it is one local learner and never limited', async () => {
    const app = await createTestApp();
    const services = { ...app.services, limiter: new RateLimiter({ rules: { command: { burst: 1, refillMs: 60_000 } } }) };
    for (let i = 0; i < 5; i++) expect((await registry.execute('topics', {}, request('console'), services)).tone).not.toBe('error');
    await app.close();
  });
});
