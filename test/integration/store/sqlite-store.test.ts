import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore, SchemaTooNewError, SCHEMA_VERSION } from '../../../src/store/index.ts';
import { describeItemIdMigration } from './item-id-migration.ts';
import { describeStoreContract } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'stevedore-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(folder, `store-${++files}.db`);

describeStoreContract('SQLite', () => openStore({ DATABASE_PATH: freshPath() }));

describe('SQLite store on disk', () => {
  describeItemIdMigration('SQLite', async () => {
    const path = freshPath();
    const db = new Database(path);
    return {
      run: async (sql, params = []) => void db.prepare(sql).run(...params),
      all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
      open: () => openStore({ DATABASE_PATH: path }),
      close: async () => void db.close(),
    };
  });

  test('GIVEN a new path in a missing folder THEN the folder and file are created, in WAL mode at the current schema', async () => {
    const path = join(folder, 'nested', 'deeper', 'stevedore.db');
    const store = await openStore({ DATABASE_PATH: path });
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: SCHEMA_VERSION });
    db.close();
  });

  test('GIVEN progress written and the store closed THEN reopening finds it and applies no migration twice', async () => {
    const path = freshPath();
    const first = await openStore({ DATABASE_PATH: path });
    await first.createQuiz({ id: 'q1', questionId: 'volumes/docker-volume-prune-remove-default', optionOrder: [1, 0, 2, 3], createdAt: new Date(0) });
    await first.close();

    const second = await openStore({ DATABASE_PATH: path });
    expect(await second.quiz('q1')).toMatchObject({ questionId: 'volumes/docker-volume-prune-remove-default', optionOrder: [1, 0, 2, 3] });
    await second.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: SCHEMA_VERSION });
    db.close();
  });

  test('GIVEN a database from a newer release THEN opening it is refused with a clear error and nothing is changed', async () => {
    const path = freshPath();
    await (await openStore({ DATABASE_PATH: path })).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', 0);
    db.close();
    await expect(openStore({ DATABASE_PATH: path })).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(openStore({ DATABASE_PATH: path })).rejects.toThrow(/newer than this release knows/);
  });
});
