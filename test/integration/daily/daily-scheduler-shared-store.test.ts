import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { DailyScheduler, saveDailySchedule } from '../../../src/daily/index.ts';
import type { Logger } from '../../../src/logger.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { FakePlatform } from './fake-platform.ts';

// Two schedulers over two connections to one database: what two bot processes are to the Store.
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const folder = mkdtempSync(join(tmpdir(), 'stevedore-daily-'));
const url = process.env['STEVEDORE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
const postgres = await admin.connect().then(
  () => true,
  (error: Error) => (console.warn(`Skipping the PostgreSQL daily scheduler test: no PostgreSQL answered (${error.message}).`), false),
);
const schemas: string[] = [];
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (!postgres) return;
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

async function twoPostgresStores(): Promise<[Store, Store]> {
  const schema = `stevedore_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const first = await openStore({ DATABASE_URL: scoped.toString() });
  return [first, await openStore({ DATABASE_URL: scoped.toString() })];
}

async function twoSqliteStores(): Promise<[Store, Store]> {
  const path = join(folder, `${randomBytes(6).toString('hex')}.db`);
  const first = await openStore({ DATABASE_PATH: path });
  return [first, await openStore({ DATABASE_PATH: path })];
}

const cases = [['SQLite', twoSqliteStores, true], ['PostgreSQL', twoPostgresStores, postgres]] as const;

describe.each(cases)('two schedulers sharing one %s database', (_name, open, available) => {
  test.skipIf(!available)('GIVEN 120 channels due at once THEN each is sent exactly once, by one of them, and revealed once', async () => {
    const app = await createTestApp();
    const stores = await open();
    const platform = new FakePlatform();
    let now = new Date('2026-03-28T04:00:00Z');
    let ids = 0;
    try {
      for (let i = 0; i < 120; i++) {
        await saveDailySchedule(stores[0], { platform: 'discord', channelId: `c${i}`, serverId: 'g', time: '09:00', timeZone: 'Europe/Berlin', weekdays: [], topics: [], revealAfterMinutes: 60, setBy: 'discord:a' }, now);
      }
      const schedulers = stores.map(
        (store, n) =>
          new DailyScheduler(
            { store, deck: app.services.deck, posters: [platform], clock: () => now, newId: () => `p${n}x${String(++ids).padStart(8, '0')}`, log: silent },
            { concurrency: 6, batchSize: 10 },
          ),
      );
      now = new Date('2026-03-28T08:00:00Z');
      // Sends wait until both schedulers hold claims, so both take part whichever claims first.
      let open!: () => void;
      platform.gate = new Promise((resolve) => (open = resolve));
      const ticking = Promise.all(schedulers.map((s) => s.tick()));
      await expect.poll(() => platform.inFlight).toBe(12);
      open();
      const posts = await ticking;
      expect(posts[0]!.posted + posts[1]!.posted).toBe(120);
      expect(posts[0]!.posted).toBeGreaterThan(0);
      expect(posts[1]!.posted).toBeGreaterThan(0);
      // Exactly once by the claims alone: no channel needed the idempotency key to avoid a second message.
      expect(platform.attempts).toHaveLength(120);
      expect(new Set(platform.attempts.map((a) => a.channelId)).size).toBe(120);

      now = new Date('2026-03-28T09:00:00Z');
      const reveals = await Promise.all(schedulers.map((s) => s.tick()));
      expect(reveals[0]!.revealed + reveals[1]!.revealed).toBe(120);
      expect([...platform.messages.values()].every((m) => m.edits.length === 1)).toBe(true);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await app.close();
    }
  });
});
