import type { DailyPlatform, DailyPost, DailyPostClaim, DailyQuestionHistory, DailyQuizResults, DailySchedule, DailyStore } from './daily-store.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import type { QuizRecord } from './store.ts';
import { toDate } from './to-date.ts';

type Row = Record<string, unknown>;

/** The `DailyStore` in SQL, over the same drivers as `SqlStore`. */
export class SqlDailyStore implements DailyStore {
  readonly #db: SqlDriver;

  constructor(db: SqlDriver) {
    this.#db = db;
  }

  async saveSchedule(s: DailySchedule, at: Date): Promise<void> {
    await this.#db.run(
      `INSERT INTO daily_schedules (platform, channel_id, server_id, local_time, time_zone, weekdays, topics, role_id,
         reveal_after_minutes, set_by, enabled, disabled_reason, next_due_at, next_local_date, last_posted_date, lease_until, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET server_id = excluded.server_id, local_time = excluded.local_time,
         time_zone = excluded.time_zone, weekdays = excluded.weekdays, topics = excluded.topics, role_id = excluded.role_id,
         reveal_after_minutes = excluded.reveal_after_minutes, set_by = excluded.set_by, enabled = excluded.enabled,
         disabled_reason = excluded.disabled_reason, next_due_at = excluded.next_due_at,
         next_local_date = excluded.next_local_date, lease_until = 0, updated_at = excluded.updated_at,
         last_posted_date = COALESCE(daily_schedules.last_posted_date, excluded.last_posted_date)`,
      [
        s.platform,
        s.channelId,
        s.serverId,
        s.time,
        s.timeZone,
        s.weekdays.join(','),
        s.topics.join(','),
        s.roleId ?? null,
        s.revealAfterMinutes,
        s.setBy,
        s.enabled ? 1 : 0,
        s.disabledReason ?? null,
        s.nextDue?.at.getTime() ?? null,
        s.nextDue?.localDate ?? null,
        s.lastPostedDate ?? null,
        at.getTime(),
      ],
    );
  }

  /**
   * Leases up to `limit` rows of `platforms` that are due (`due`, with `now` for its one `?`) and not leased,
   * earliest `order` first, until `now + leaseMs`. PostgreSQL: one statement that skips rows another
   * transaction is claiming; SQLite: one `BEGIN IMMEDIATE` transaction, a read and a few updates, never held
   * across a send.
   */
  async #claim(
    what: { table: string; keys: readonly string[]; lease: string; order: string; due: string },
    platforms: readonly DailyPlatform[],
    now: Date,
    leaseMs: number,
    limit: number,
  ): Promise<Row[]> {
    if (platforms.length === 0) return [];
    const where = `platform IN (${platforms.map(() => '?').join(', ')}) AND ${what.due} AND ${what.lease} <= ?`;
    const params: SqlValue[] = [...platforms, now.getTime(), now.getTime()];
    const leaseUntil = now.getTime() + leaseMs;
    if (this.#db.dialect === 'postgres') {
      return this.#db.all(
        `UPDATE ${what.table} SET ${what.lease} = ? WHERE (${what.keys.join(', ')}) IN (
           SELECT ${what.keys.join(', ')} FROM ${what.table} WHERE ${where} ORDER BY ${what.order} LIMIT ? FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [leaseUntil, ...params, limit],
      );
    }
    return this.#db.transaction(async (tx) => {
      const found = await tx.all(`SELECT * FROM ${what.table} WHERE ${where} ORDER BY ${what.order} LIMIT ?`, [...params, limit]);
      const byKey = what.keys.map((key) => `${key} = ?`).join(' AND ');
      for (const row of found) {
        await tx.run(`UPDATE ${what.table} SET ${what.lease} = ? WHERE ${byKey}`, [leaseUntil, ...what.keys.map((key) => String(row[key]))]);
      }
      return found;
    });
  }

  async schedule(platform: DailyPlatform, channelId: string): Promise<DailySchedule | undefined> {
    const [row] = await this.#db.all(`SELECT * FROM daily_schedules WHERE platform = ? AND channel_id = ?`, [platform, channelId]);
    return row && toSchedule(row);
  }

  async disableSchedule(platform: DailyPlatform, channelId: string, reason: string): Promise<boolean> {
    const changed = await this.#db.run(
      `UPDATE daily_schedules SET enabled = 0, disabled_reason = ?, next_due_at = NULL, next_local_date = NULL, lease_until = 0
       WHERE platform = ? AND channel_id = ? AND enabled = 1`,
      [reason, platform, channelId],
    );
    return changed > 0;
  }

  async claimDuePosts(platforms: readonly DailyPlatform[], now: Date, leaseMs: number, limit: number): Promise<DailyPostClaim[]> {
    const rows = await this.#claim(
      { table: 'daily_schedules', keys: ['platform', 'channel_id'], lease: 'lease_until', order: 'next_due_at', due: 'enabled = 1 AND next_due_at <= ?' },
      platforms,
      now,
      leaseMs,
      limit,
    );
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return rows
      .map((row) => {
        const schedule = toSchedule(row);
        return { schedule, localDate: schedule.nextDue!.localDate, dueAt: schedule.nextDue!.at, leaseUntil };
      })
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  async startPost(post: { platform: DailyPlatform; channelId: string; postKey: string; quiz: QuizRecord }, at: Date): Promise<DailyPost & { earlierAttemptOpen: boolean }> {
    const { quiz } = post;
    return this.#db.transaction(async (tx) => {
      const key = [post.platform, post.channelId, post.postKey];
      const [earlier] = await tx.all(`SELECT * FROM daily_posts WHERE platform = ? AND channel_id = ? AND post_key = ?`, key);
      if (earlier) {
        await tx.run(`UPDATE daily_posts SET attempts = attempts + 1, attempt_open = 1 WHERE platform = ? AND channel_id = ? AND post_key = ?`, key);
        return { ...toPost({ ...earlier, attempts: Number(earlier['attempts']) + 1 }), earlierAttemptOpen: Number(earlier['attempt_open']) === 1 };
      }
      await tx.run(
        `INSERT INTO quizzes (id, question_id, option_order, server_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [quiz.id, quiz.questionId, quiz.optionOrder.join(','), quiz.serverId ?? null, quiz.channelId ?? null, quiz.createdAt.getTime()],
      );
      await tx.run(
        `INSERT INTO daily_posts (platform, channel_id, post_key, quiz_id, question_id, first_attempt_at, attempts, attempt_open) VALUES (?, ?, ?, ?, ?, ?, 1, 1)`,
        [...key, quiz.id, quiz.questionId, at.getTime()],
      );
      return { platform: post.platform, channelId: post.channelId, postKey: post.postKey, quizId: quiz.id, questionId: quiz.questionId, firstAttemptAt: at, attempts: 1, earlierAttemptOpen: false };
    });
  }

  async closeAttempt(platform: DailyPlatform, channelId: string, postKey: string): Promise<void> {
    await this.#db.run(`UPDATE daily_posts SET attempt_open = 0 WHERE platform = ? AND channel_id = ? AND post_key = ?`, [platform, channelId, postKey]);
  }

  async recordPostSent(platform: DailyPlatform, channelId: string, postKey: string, messageId: string, postedAt: Date, revealDueAt: Date): Promise<void> {
    await this.#db.run(
      `UPDATE daily_posts SET message_id = ?, posted_at = ?, reveal_due_at = ?, attempt_open = 0
       WHERE platform = ? AND channel_id = ? AND post_key = ? AND message_id IS NULL`,
      [messageId, postedAt.getTime(), revealDueAt.getTime(), platform, channelId, postKey],
    );
  }

  async advanceSchedule(platform: DailyPlatform, channelId: string, claimedDate: string, next: { at: Date; localDate: string }): Promise<void> {
    await this.#db.run(
      `UPDATE daily_schedules SET next_due_at = ?, next_local_date = ?, lease_until = 0,
         last_posted_date = CASE WHEN last_posted_date IS NULL OR last_posted_date < ? THEN ? ELSE last_posted_date END
       WHERE platform = ? AND channel_id = ? AND next_local_date = ?`,
      [next.at.getTime(), next.localDate, claimedDate, claimedDate, platform, channelId, claimedDate],
    );
  }

  async retryClaimAt(platform: DailyPlatform, channelId: string, retryAt: Date): Promise<void> {
    await this.#db.run(`UPDATE daily_schedules SET lease_until = ? WHERE platform = ? AND channel_id = ?`, [retryAt.getTime(), platform, channelId]);
  }

  async claimDueReveals(platforms: readonly DailyPlatform[], now: Date, leaseMs: number, limit: number): Promise<DailyPost[]> {
    const rows = await this.#claim(
      {
        table: 'daily_posts',
        keys: ['platform', 'channel_id', 'post_key'],
        lease: 'reveal_lease_until',
        order: 'reveal_due_at',
        due: 'revealed_at IS NULL AND message_id IS NOT NULL AND reveal_due_at <= ?',
      },
      platforms,
      now,
      leaseMs,
      limit,
    );
    return rows.map(toPost).sort((a, b) => (a.revealDueAt?.getTime() ?? 0) - (b.revealDueAt?.getTime() ?? 0));
  }

  async recordReveal(platform: DailyPlatform, channelId: string, postKey: string, at: Date): Promise<boolean> {
    const changed = await this.#db.run(
      `UPDATE daily_posts SET revealed_at = ? WHERE platform = ? AND channel_id = ? AND post_key = ? AND revealed_at IS NULL`,
      [at.getTime(), platform, channelId, postKey],
    );
    return changed > 0;
  }

  revealBy(platform: DailyPlatform, channelId: string, at: Date): Promise<number> {
    return this.#db.run(
      `UPDATE daily_posts SET reveal_due_at = ?
       WHERE platform = ? AND channel_id = ? AND message_id IS NOT NULL AND revealed_at IS NULL AND reveal_due_at > ?`,
      [at.getTime(), platform, channelId, at.getTime()],
    );
  }

  async latestPost(platform: DailyPlatform, channelId: string): Promise<DailyPost | undefined> {
    const [row] = await this.#db.all(
      `SELECT * FROM daily_posts WHERE platform = ? AND channel_id = ? AND message_id IS NOT NULL ORDER BY posted_at DESC LIMIT 1`,
      [platform, channelId],
    );
    return row && toPost(row);
  }

  async postOfQuiz(quizId: string): Promise<DailyPost | undefined> {
    const [row] = await this.#db.all(`SELECT * FROM daily_posts WHERE quiz_id = ?`, [quizId]);
    return row && toPost(row);
  }

  async questionHistory(platform: DailyPlatform, channelId: string): Promise<DailyQuestionHistory[]> {
    const rows = await this.#db.all(
      `SELECT p.question_id, p.post_key, COUNT(a.quiz_id) AS answers, COALESCE(SUM(a.correct), 0) AS correct
       FROM daily_posts p LEFT JOIN quiz_answers a ON a.quiz_id = p.quiz_id
       WHERE p.platform = ? AND p.channel_id = ?
       GROUP BY p.question_id, p.post_key, p.first_attempt_at ORDER BY p.first_attempt_at, p.post_key`,
      [platform, channelId],
    );
    return rows.map((r) => ({
      questionId: String(r['question_id']),
      postKey: String(r['post_key']),
      answers: Number(r['answers']),
      correct: Number(r['correct']),
    }));
  }

  async quizResults(quizId: string, options: number): Promise<DailyQuizResults> {
    const rows = await this.#db.all(`SELECT choice, COUNT(*) AS n FROM quiz_answers WHERE quiz_id = ? GROUP BY choice`, [quizId]);
    const counts = Array.from({ length: options }, () => 0);
    for (const row of rows) {
      const choice = Number(row['choice']);
      if (choice >= 0 && choice < options) counts[choice] = Number(row['n']);
    }
    const [first] = await this.#db.all(
      `SELECT a.learner_key, l.name FROM quiz_answers a JOIN learners l ON l.learner_key = a.learner_key
       WHERE a.quiz_id = ? AND a.correct = 1 ORDER BY a.answered_at, a.learner_key LIMIT 1`,
      [quizId],
    );
    return first ? { counts, firstCorrect: { learnerKey: String(first['learner_key']), name: String(first['name']) } } : { counts };
  }
}

function toSchedule(row: Row): DailySchedule {
  const list = (value: unknown) => String(value).split(',').filter(Boolean);
  const schedule: DailySchedule = {
    platform: String(row['platform']) as DailyPlatform,
    channelId: String(row['channel_id']),
    serverId: String(row['server_id']),
    time: String(row['local_time']),
    timeZone: String(row['time_zone']),
    weekdays: list(row['weekdays']).map(Number),
    topics: list(row['topics']),
    revealAfterMinutes: Number(row['reveal_after_minutes']),
    setBy: String(row['set_by']),
    enabled: Number(row['enabled']) === 1,
  };
  if (row['role_id'] != null) schedule.roleId = String(row['role_id']);
  if (row['disabled_reason'] != null) schedule.disabledReason = String(row['disabled_reason']);
  if (row['next_due_at'] != null) schedule.nextDue = { at: toDate(row['next_due_at']), localDate: String(row['next_local_date']) };
  if (row['last_posted_date'] != null) schedule.lastPostedDate = String(row['last_posted_date']);
  return schedule;
}

function toPost(row: Row): DailyPost {
  const post: DailyPost = {
    platform: String(row['platform']) as DailyPlatform,
    channelId: String(row['channel_id']),
    postKey: String(row['post_key']),
    quizId: String(row['quiz_id']),
    questionId: String(row['question_id']),
    firstAttemptAt: toDate(row['first_attempt_at']),
    attempts: Number(row['attempts']),
  };
  if (row['message_id'] != null) post.messageId = String(row['message_id']);
  if (row['posted_at'] != null) post.postedAt = toDate(row['posted_at']);
  if (row['reveal_due_at'] != null) post.revealDueAt = toDate(row['reveal_due_at']);
  if (row['revealed_at'] != null) post.revealedAt = toDate(row['revealed_at']);
  return post;
}
