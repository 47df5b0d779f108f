import type { Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { checkHealth, HealthStartError, serveHealth, type HealthSources } from '../../src/health.ts';

const answers = () => Promise.resolve({});
const tick = new Date('2026-11-29T09:00:15Z');

/** A scheduler that last ticked (and made progress) at `tick`, judged stale after two minutes. */
const ticked = { lastTick: tick, lastProgress: tick, staleAfterMs: 120_000 };
const at = (iso: string) => () => new Date(iso);

describe('checkHealth', () => {
  test('GIVEN the store answers and every platform is connected THEN 200 and status ok, with the scheduler\'s last tick', async () => {
    const sources: HealthSources = { probeStore: answers, platforms: () => ({ discord: 'connected', slack: 'connected' }), scheduler: () => ticked, now: at('2026-11-29T09:00:30Z') };
    expect(await checkHealth(sources)).toEqual({
      httpStatus: 200,
      report: { status: 'ok', store: 'ok', platforms: { discord: 'connected', slack: 'connected' }, scheduler: { lastTick: '2026-11-29T09:00:15.000Z', stale: false } },
    });
  });

  test('GIVEN no scheduler runs THEN the report has no scheduler; before its first tick, lastTick is null', async () => {
    const without = await checkHealth({ probeStore: answers, platforms: () => ({ slack: 'connected' }) });
    expect(without.report).not.toHaveProperty('scheduler');
    const started = { lastTick: undefined, lastProgress: tick, staleAfterMs: 120_000 };
    const before = await checkHealth({ probeStore: answers, platforms: () => ({ discord: 'connected' }), scheduler: () => started, now: at('2026-11-29T09:00:20Z') });
    expect([before.httpStatus, before.report.scheduler]).toEqual([200, { lastTick: null, stale: false }]);
  });

  test('GIVEN the scheduler made no progress for longer than staleAfterMs THEN 503 with stale: true; at exactly staleAfterMs it is still ok', async () => {
    const sources = (now: string): HealthSources => ({ probeStore: answers, platforms: () => ({ discord: 'connected' }), scheduler: () => ticked, now: at(now) });
    const edge = await checkHealth(sources('2026-11-29T09:02:15Z'));
    expect([edge.httpStatus, edge.report.status, edge.report.scheduler]).toEqual([200, 'ok', { lastTick: '2026-11-29T09:00:15.000Z', stale: false }]);
    const stuck = await checkHealth(sources('2026-11-29T09:02:15.001Z'));
    expect([stuck.httpStatus, stuck.report]).toEqual([
      503,
      { status: 'unhealthy', store: 'ok', platforms: { discord: 'connected' }, scheduler: { lastTick: '2026-11-29T09:00:15.000Z', stale: true } },
    ]);
    // A long tick whose batches keep finishing is progress, not a stuck loop, though its last tick is old.
    const busy = { ...ticked, lastProgress: new Date('2026-11-29T09:05:00Z') };
    const fanningOut = await checkHealth({ ...sources('2026-11-29T09:05:30Z'), scheduler: () => busy });
    expect([fanningOut.httpStatus, fanningOut.report.scheduler]).toEqual([200, { lastTick: '2026-11-29T09:00:15.000Z', stale: false }]);
  });

  test.each([
    ['a revoked token on one platform', { discord: 'connected', slack: 'token-revoked' }],
    ['a platform stopped by a shutdown', { discord: 'stopped' }],
    ['no platform at all', {}],
  ] as const)('GIVEN %s THEN 503 and status unhealthy, the platforms as they are', async (_, platforms) => {
    const { httpStatus, report } = await checkHealth({ probeStore: answers, platforms: () => platforms });
    expect(httpStatus).toBe(503);
    expect(report).toEqual({ status: 'unhealthy', store: 'ok', platforms });
  });

  test('GIVEN the store probe fails or hangs THEN 503 with the store unavailable, within the timeout', async () => {
    const failing = await checkHealth({ probeStore: () => Promise.reject(new Error('database is locked')), platforms: () => ({ discord: 'connected' }) });
    expect(failing).toEqual({ httpStatus: 503, report: { status: 'unhealthy', store: 'unavailable', platforms: { discord: 'connected' } } });
    const started = Date.now();
    const hanging = await checkHealth({ probeStore: () => new Promise(() => undefined), platforms: () => ({ discord: 'connected' }) }, 50);
    expect(hanging.report.store).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('serveHealth', () => {
  let server: Server | undefined;
  afterEach(() => void server?.close());

  test('GIVEN a request for /health THEN the report as JSON with its status; other paths 404, other methods 405', async () => {
    let platform: 'connected' | 'token-revoked' = 'connected';
    const served = await serveHealth({ probeStore: answers, platforms: () => ({ discord: platform }) }, 0, '127.0.0.1');
    server = served.server;
    const base = `http://127.0.0.1:${served.port}`;
    const ok = await fetch(`${base}/health`);
    expect([ok.status, ok.headers.get('content-type'), await ok.json()]).toEqual([200, 'application/json', { status: 'ok', store: 'ok', platforms: { discord: 'connected' } }]);
    platform = 'token-revoked';
    const revoked = await fetch(`${base}/health`);
    expect([revoked.status, await revoked.json()]).toEqual([503, { status: 'unhealthy', store: 'ok', platforms: { discord: 'token-revoked' } }]);
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(405);
  });

  test('GIVEN a port already taken THEN a HealthStartError naming the setting', async () => {
    const first = await serveHealth({ probeStore: answers, platforms: () => ({}) }, 0, '127.0.0.1');
    server = first.server;
    await expect(serveHealth({ probeStore: answers, platforms: () => ({}) }, first.port, '127.0.0.1')).rejects.toThrow(HealthStartError);
    await expect(serveHealth({ probeStore: answers, platforms: () => ({}) }, first.port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE\): choose another HEALTH_PORT or HEALTH_HOST/);
  });
});
