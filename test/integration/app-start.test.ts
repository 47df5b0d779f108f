import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { KnowledgeLoadError } from '../../src/knowledge/index.ts';
import { StoreOpenError } from '../../src/store/index.ts';

/** The worker threads this process runs now (SQLite's writer is one while a store is open). */
const workerThreads = () => (process.report.getReport() as unknown as { workers: unknown[] }).workers.length;

const scratch = await mkdtemp(path.join(tmpdir(), 'stevedore-app-start-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('createApp: the store opens while the knowledge loads', () => {
  test('GIVEN knowledge that cannot be loaded THEN the knowledge problem is reported and the store that opened meanwhile is closed again', async () => {
    const database = path.join(scratch, 'opened.db');
    const before = workerThreads();
    const error: unknown = await createApp({ KNOWLEDGE_DIR: path.join(scratch, 'no-such-folder'), DATABASE_PATH: database }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    // The store did open (its file exists), and its writer thread has ended: nothing was left running.
    expect(existsSync(database)).toBe(true);
    expect(workerThreads()).toBe(before);
  });

  test('GIVEN both broken knowledge and a database path that cannot be opened THEN the knowledge problem is the one reported, as when they ran in turn', async () => {
    const error: unknown = await createApp({ KNOWLEDGE_DIR: path.join(scratch, 'no-such-folder'), DATABASE_PATH: scratch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
  });

  test('GIVEN good knowledge and a database path that cannot be opened THEN the store problem is reported', async () => {
    const error: unknown = await createApp({ DATABASE_PATH: scratch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
  });

  test('GIVEN good knowledge and a database THEN the app serves both, with the cache in CACHE_DIR', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const before = workerThreads();
    const app = await createApp({ DATABASE_PATH: path.join(scratch, 'good.db'), CACHE_DIR: cacheDir });
    try {
      expect(workerThreads()).toBe(before + 1);
      expect(app.services.engine.answer('what is a docker volume').topic?.id).toBe('volumes');
      expect(await app.services.store.learnerSettings('ada')).toBeDefined();
      expect(existsSync(path.join(cacheDir, 'knowledge.json'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
