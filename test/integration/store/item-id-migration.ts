import { expect, test } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations.ts';
import type { SqlValue } from '../../../src/store/sql-driver.ts';
import type { Store } from '../../../src/store/index.ts';

/** A database written by the release before items had their own ids (schema version 1), and a way to open it. */
export interface VersionOneDatabase {
  /** Runs one statement with `?` placeholders, outside the store. */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Rows of a query, outside the store. */
  all(sql: string): Promise<Record<string, unknown>[]>;
  /** Closes the connection `run` and `all` use. */
  close(): Promise<void>;
  /** Opens it with today's store, which applies the later migrations. */
  open(): Promise<Store>;
}

const T0 = Date.parse('2026-11-20T09:00:00Z');

/**
 * The migration from positional item ids (`volumes/c1`) to the items' own ids, on one database: rows written
 * by the old release are carried over, and ids it cannot map are left alone.
 */
export function describeItemIdMigration(name: string, createVersionOne: () => Promise<VersionOneDatabase>) {
  test(`${name}: GIVEN progress, sessions, reviews and quizzes stored by position THEN the migration renames them to the items' own ids`, async () => {
    const db = await createVersionOne();
    for (const statement of MIGRATIONS[0]!.statements) await db.run(statement);
    await db.run(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    await db.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, ?, 0)`, [MIGRATIONS[0]!.name]);
    const progress = (cardId: string, reps: number) =>
      db.run(
        `INSERT INTO card_progress (learner_key, card_id, due_at, stability, difficulty, elapsed_days, scheduled_days,
           learning_steps, reps, lapses, state, last_review_at) VALUES ('discord:ada', ?, ?, 3.5, 5, 0, 3, 0, ?, 0, 2, ?)`,
        [cardId, T0 + 86_400_000, reps, T0],
      );
    await progress('volumes/c1', 2);
    await progress('volumes/c3', 1);
    await progress('gone-topic/c9', 1);
    await db.run(`INSERT INTO card_sessions (id, learner_key, card_id, created_at) VALUES ('open-session', 'discord:ada', 'volumes/c2', ?)`, [T0]);
    await db.run(`INSERT INTO reviews (session_id, learner_key, card_id, server_id, rating, reviewed_at) VALUES ('old-session', 'discord:ada', 'volumes/c1', NULL, 3, ?)`, [T0]);
    await db.run(`INSERT INTO quizzes (id, question_id, option_order, created_at) VALUES ('posted-quiz', 'volumes/q2', '2,0,3,1', ?)`, [T0]);

    const store = await db.open();
    try {
      const ids = (await store.cardProgress('discord:ada')).map((p) => [p.cardId, p.reps]).sort();
      expect(ids).toEqual([
        ['gone-topic/c9', 1],
        ['volumes/mount-empty-volume-over-folder', 1],
        ['volumes/volume-different-containers-writable', 2],
      ]);
      expect(await store.cardSession('open-session')).toMatchObject({ cardId: 'volumes/anonymous-volume' });
      expect(await store.quiz('posted-quiz')).toMatchObject({ questionId: 'volumes/docker-volume-prune-remove-default', optionOrder: [2, 0, 3, 1] });
      expect(await db.all(`SELECT session_id, card_id FROM reviews`)).toEqual([
        { session_id: 'old-session', card_id: 'volumes/volume-different-containers-writable' },
      ]);
      expect(await db.all(`SELECT COUNT(*) AS n FROM schema_migrations WHERE version = 2`)).toEqual([{ n: expect.anything() }]);
      expect(await db.all(`SELECT stable_id FROM item_id_renames`).catch(() => 'dropped')).toBe('dropped');
    } finally {
      await store.close();
      await db.close();
    }
  });
}
