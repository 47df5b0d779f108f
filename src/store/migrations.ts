import { POSITIONAL_ITEM_IDS } from './positional-item-ids.ts';
import type { SqlDriver } from './sql-driver.ts';

/**
 * The schema, as numbered steps applied in order at start-up. Never edit a released step: add a new one.
 * The SQL is the common subset of SQLite and PostgreSQL (times are BIGINT milliseconds since the epoch,
 * flags are INTEGER 0/1), so both stores share it.
 */
export const MIGRATIONS: readonly { version: number; name: string; statements: readonly string[] }[] = [
  {
    version: 1,
    name: 'learning: cards, reviews, quizzes, study days, answers and votes',
    statements: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE learners (learner_key TEXT PRIMARY KEY, name TEXT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE TABLE card_progress (
         learner_key TEXT NOT NULL, card_id TEXT NOT NULL, due_at BIGINT NOT NULL,
         stability DOUBLE PRECISION NOT NULL, difficulty DOUBLE PRECISION NOT NULL,
         elapsed_days DOUBLE PRECISION NOT NULL, scheduled_days DOUBLE PRECISION NOT NULL,
         learning_steps INTEGER NOT NULL, reps INTEGER NOT NULL, lapses INTEGER NOT NULL,
         state INTEGER NOT NULL, last_review_at BIGINT,
         PRIMARY KEY (learner_key, card_id))`,
      `CREATE TABLE card_sessions (
         id TEXT PRIMARY KEY, learner_key TEXT NOT NULL, card_id TEXT NOT NULL,
         created_at BIGINT NOT NULL, revealed_at BIGINT, graded_at BIGINT)`,
      `CREATE TABLE reviews (
         session_id TEXT PRIMARY KEY, learner_key TEXT NOT NULL, card_id TEXT NOT NULL, server_id TEXT,
         rating INTEGER NOT NULL, reviewed_at BIGINT NOT NULL)`,
      `CREATE INDEX reviews_by_learner ON reviews (learner_key)`,
      `CREATE INDEX reviews_by_server ON reviews (server_id, reviewed_at)`,
      `CREATE TABLE quizzes (
         id TEXT PRIMARY KEY, question_id TEXT NOT NULL, option_order TEXT NOT NULL,
         server_id TEXT, channel_id TEXT, created_at BIGINT NOT NULL)`,
      `CREATE TABLE quiz_answers (
         quiz_id TEXT NOT NULL REFERENCES quizzes (id), learner_key TEXT NOT NULL, server_id TEXT,
         choice INTEGER NOT NULL, correct INTEGER NOT NULL, answered_at BIGINT NOT NULL,
         PRIMARY KEY (quiz_id, learner_key))`,
      `CREATE INDEX quiz_answers_by_learner ON quiz_answers (learner_key)`,
      `CREATE INDEX quiz_answers_by_server ON quiz_answers (server_id, answered_at)`,
      `CREATE TABLE study_days (learner_key TEXT NOT NULL, study_date TEXT NOT NULL, PRIMARY KEY (learner_key, study_date))`,
      `CREATE TABLE answers (
         id TEXT PRIMARY KEY, question TEXT NOT NULL, topic_id TEXT, confidence DOUBLE PRECISION NOT NULL,
         answered INTEGER NOT NULL, asked_at BIGINT NOT NULL, asker_digest TEXT NOT NULL)`,
      `CREATE TABLE votes (
         answer_id TEXT NOT NULL REFERENCES answers (id), voter_digest TEXT NOT NULL,
         vote TEXT NOT NULL CHECK (vote IN ('up', 'down')), voted_at BIGINT NOT NULL,
         PRIMARY KEY (answer_id, voter_digest))`,
    ],
  },
  {
    version: 2,
    name: 'learning: cards and questions by their own ids',
    // Progress, sessions, review logs and posted quizzes named items by position (`volumes/c1`); items now
    // carry their own ids (`volumes/anonymous-volume`). Rows naming an id the frozen table does not
    // know are left as they are: no card has that id, so they are ignored, and their buttons answer "expired".
    statements: [
      `CREATE TABLE item_id_renames (positional_id TEXT PRIMARY KEY, stable_id TEXT NOT NULL)`,
      `INSERT INTO item_id_renames (positional_id, stable_id) VALUES ${POSITIONAL_ITEM_IDS.map(
        ([positional, stable]) => `(${sqlString(positional)}, ${sqlString(stable)})`,
      ).join(', ')}`,
      ...(
        [
          ['card_progress', 'card_id'],
          ['card_sessions', 'card_id'],
          ['reviews', 'card_id'],
          ['quizzes', 'question_id'],
        ] as const
      ).map(
        ([table, column]) =>
          `UPDATE ${table} SET ${column} = (SELECT stable_id FROM item_id_renames WHERE positional_id = ${table}.${column})
           WHERE ${column} IN (SELECT positional_id FROM item_id_renames)`,
      ),
      `DROP TABLE item_id_renames`,
    ],
  },
  {
    version: 3,
    name: 'delivery claims: platform events and button presses handled once',
    statements: [
      `CREATE TABLE delivery_claims (id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)`,
      `CREATE INDEX delivery_claims_by_expiry ON delivery_claims (expires_at)`,
    ],
  },
  {
    version: 4,
    name: 'flash cards: the state a reveal was computed from, and the same-day interval cap',
    statements: [
      `ALTER TABLE card_sessions ADD COLUMN revealed_reps INTEGER`,
      `ALTER TABLE card_progress ADD COLUMN interval_cap_date TEXT`,
      `ALTER TABLE card_progress ADD COLUMN interval_cap_ms BIGINT`,
    ],
  },
  {
    version: 5,
    name: 'multiple choice: the questions each learner has drawn from each pool this round',
    statements: [
      `CREATE TABLE question_draws (
         learner_key TEXT NOT NULL, pool TEXT NOT NULL, question_id TEXT NOT NULL, position INTEGER NOT NULL,
         drawn_at BIGINT NOT NULL,
         PRIMARY KEY (learner_key, pool, question_id))`,
    ],
  },
  {
    version: 6,
    name: 'learner settings: time zone and new cards per day',
    statements: [
      `CREATE TABLE learner_settings (
         learner_key TEXT PRIMARY KEY, time_zone TEXT, new_cards_per_day INTEGER, updated_at BIGINT NOT NULL)`,
    ],
  },
  {
    version: 7,
    name: 'reviews: the card state before each grade, so the last grade can be undone',
    statements: [`ALTER TABLE reviews ADD COLUMN previous_state TEXT`],
  },
  {
    version: 8,
    name: 'daily quiz posts: schedules, posts and reveals, claimed with leases',
    // Self-contained: quizzes are referenced by id only, so this step does not depend on later ones.
    statements: [
      `CREATE TABLE daily_schedules (
         platform TEXT NOT NULL, channel_id TEXT NOT NULL, server_id TEXT NOT NULL,
         local_time TEXT NOT NULL, time_zone TEXT NOT NULL, weekdays TEXT NOT NULL, topics TEXT NOT NULL,
         role_id TEXT, reveal_after_minutes INTEGER NOT NULL, set_by TEXT NOT NULL,
         enabled INTEGER NOT NULL, disabled_reason TEXT,
         next_due_at BIGINT, next_local_date TEXT, last_posted_date TEXT,
         lease_until BIGINT NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL,
         PRIMARY KEY (platform, channel_id))`,
      `CREATE INDEX daily_schedules_by_due ON daily_schedules (platform, enabled, next_due_at)`,
      `CREATE TABLE daily_posts (
         platform TEXT NOT NULL, channel_id TEXT NOT NULL, post_key TEXT NOT NULL,
         quiz_id TEXT NOT NULL UNIQUE, question_id TEXT NOT NULL,
         first_attempt_at BIGINT NOT NULL, attempts INTEGER NOT NULL,
         message_id TEXT, posted_at BIGINT, reveal_due_at BIGINT, revealed_at BIGINT,
         reveal_lease_until BIGINT NOT NULL DEFAULT 0,
         PRIMARY KEY (platform, channel_id, post_key))`,
      `CREATE INDEX daily_posts_by_reveal ON daily_posts (platform, revealed_at, reveal_due_at)`,
    ],
  },
  {
    version: 9,
    name: 'answers: why the engine abstained, and how much of the question the answer explains',
    // Rows from before stay NULL in both: kb:gaps treats them as it did (abstained or unsure).
    statements: [
      `ALTER TABLE answers ADD COLUMN abstention TEXT`,
      `ALTER TABLE answers ADD COLUMN explained_share DOUBLE PRECISION`,
    ],
  },
  {
    version: 10,
    name: 'daily posts: whether the latest send attempt may still have reached the platform',
    // 1 from the start of an attempt until its failure is known to have posted nothing; rows from before stay 0.
    statements: [`ALTER TABLE daily_posts ADD COLUMN attempt_open INTEGER NOT NULL DEFAULT 0`],
  },
  {
    version: 11,
    name: 'reminders by direct message, and the dates of right daily answers',
    // Self-contained: both tables are keyed by learner only, so this step depends on no other.
    statements: [
      `CREATE TABLE reminders (
         learner_key TEXT PRIMARY KEY, platform TEXT NOT NULL, user_id TEXT NOT NULL,
         local_time TEXT NOT NULL, time_zone TEXT NOT NULL, enabled INTEGER NOT NULL, disabled_reason TEXT,
         next_due_at BIGINT, next_local_date TEXT, last_done_date TEXT, first_attempt_at BIGINT,
         lease_until BIGINT NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL)`,
      `CREATE INDEX reminders_by_due ON reminders (platform, enabled, next_due_at)`,
      `CREATE TABLE daily_answer_days (learner_key TEXT NOT NULL, local_date TEXT NOT NULL, PRIMARY KEY (learner_key, local_date))`,
    ],
  },
  {
    version: 12,
    name: 'gateway heartbeats: which Discord shards each process sharing the database runs',
    statements: [
      `CREATE TABLE gateway_heartbeats (
         process_id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL,
         shard_first INTEGER NOT NULL, shard_last INTEGER NOT NULL, shard_count INTEGER NOT NULL,
         started_at BIGINT NOT NULL, seen_at BIGINT NOT NULL)`,
    ],
  },
];

/** A string literal in the SQL both databases read: single quotes, doubled inside. */
function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the database up to `SCHEMA_VERSION`. Each step runs in its own transaction holding the write lock,
 * so two processes starting at once apply it once. A database newer than this code is refused.
 */
export async function applyMigrations(driver: SqlDriver): Promise<number[]> {
  const applied: number[] = [];
  // Up to date already (the usual start): a plain read, so a start-up never waits for another process's write lock.
  if ((await currentVersion(driver)) === SCHEMA_VERSION) return applied;
  for (const migration of MIGRATIONS) {
    const ran = await driver.transaction(async (tx) => {
      if (driver.migrationLock) await tx.run(driver.migrationLock);
      await tx.run(
        `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
      );
      const [row] = await tx.all(`SELECT MAX(version) AS version FROM schema_migrations`);
      const current = Number(row?.['version'] ?? 0);
      if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current);
      if (current >= migration.version) return false;
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** The schema version recorded in the database, or undefined before the first migration. */
async function currentVersion(driver: SqlDriver): Promise<number | undefined> {
  try {
    const [row] = await driver.all(`SELECT MAX(version) AS version FROM schema_migrations`);
    return row?.['version'] === null || row?.['version'] === undefined ? undefined : Number(row['version']);
  } catch {
    return undefined;
  }
}

/** The database was written by a newer release; running old code against it could lose data. */
export class SchemaTooNewError extends Error {
  constructor(readonly version: number) {
    super(`The database is at schema version ${version}, newer than this release knows (${SCHEMA_VERSION}). Upgrade Stevedore.`);
    this.name = 'SchemaTooNewError';
  }
}
