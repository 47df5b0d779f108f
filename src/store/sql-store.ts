import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { applyMigrations } from './migrations.ts';
import type { Abstention } from '../search/index.ts';
import { SqlDailyStore } from './sql-daily-store.ts';
import { SqlReminderStore } from './sql-reminder-store.ts';
import { SqlHeartbeatStore } from './sql-heartbeat-store.ts';
import { toDate } from './to-date.ts';
import type { SqlDriver, SqlExecutor } from './sql-driver.ts';
import type {
  AnswerRecord,
  CardProgress,
  CardSession,
  GapRecord,
  LeaderboardRow,
  LearnerActivity,
  LastReview,
  LearnerRef,
  LearnerSettings,
  PracticeRecord,
  QuestionDraw,
  QuizAnswerRecord,
  QuizRecord,
  ReviewRecord,
  Store,
  StoredQuizAnswer,
  VoteRecord,
} from './store.ts';

type Row = Record<string, unknown>;

/** Thrown inside a transaction to roll it back as a refusal rather than a failure. */
class Refused extends Error {}

/**
 * The `Store` in SQL, written once for every driver. Migrations run when it opens; learner keys in the
 * answers and votes tables are replaced by an HMAC under a secret kept in the database, so they can be
 * counted but not read.
 */
export class SqlStore implements Store {
  readonly #db: SqlDriver;
  readonly #digestSecret: string;
  readonly daily: SqlDailyStore;
  readonly reminders: SqlReminderStore;
  readonly heartbeats: SqlHeartbeatStore;

  private constructor(db: SqlDriver, digestSecret: string) {
    this.#db = db;
    this.daily = new SqlDailyStore(db);
    this.reminders = new SqlReminderStore(db);
    this.heartbeats = new SqlHeartbeatStore(db);
    this.#digestSecret = digestSecret;
  }

  /** Migrates the database and opens the store over it; closes the driver if that fails. */
  static async open(db: SqlDriver): Promise<SqlStore> {
    try {
      await applyMigrations(db);
      const secretRow = async () => (await db.all(`SELECT value FROM meta WHERE key = 'digest-secret'`))[0];
      // Written once, on the first start; later starts only read it, so they need no write lock.
      let row = await secretRow();
      if (!row) {
        await db.run(`INSERT INTO meta (key, value) VALUES ('digest-secret', ?) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('base64url')]);
        row = await secretRow();
      }
      return new SqlStore(db, String(row!['value']));
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.#db.close();
  }

  async cardProgress(learnerKey: string): Promise<CardProgress[]> {
    const rows = await this.#db.all(`SELECT * FROM card_progress WHERE learner_key = ? ORDER BY card_id`, [learnerKey]);
    return rows.map(toCardProgress);
  }

  async startCardSession(session: CardSession): Promise<void> {
    await this.#db.run(`INSERT INTO card_sessions (id, learner_key, card_id, created_at) VALUES (?, ?, ?, ?)`, [
      session.id,
      session.learnerKey,
      session.cardId,
      session.createdAt.getTime(),
    ]);
  }

  async cardSession(id: string): Promise<CardSession | undefined> {
    const [row] = await this.#db.all(`SELECT * FROM card_sessions WHERE id = ?`, [id]);
    if (!row) return undefined;
    const session: CardSession = {
      id: String(row['id']),
      learnerKey: String(row['learner_key']),
      cardId: String(row['card_id']),
      createdAt: toDate(row['created_at']),
    };
    if (row['revealed_at'] != null) session.revealedAt = toDate(row['revealed_at']);
    if (row['revealed_reps'] != null) session.revealedReps = Number(row['revealed_reps']);
    if (row['graded_at'] != null) session.gradedAt = toDate(row['graded_at']);
    return session;
  }

  async revealCardSession(id: string, at: Date, reps: number): Promise<boolean> {
    const changed = await this.#db.run(
      `UPDATE card_sessions SET revealed_reps = CASE WHEN revealed_at IS NULL THEN ? ELSE revealed_reps END,
         revealed_at = COALESCE(revealed_at, ?) WHERE id = ?`,
      [reps, at.getTime(), id],
    );
    return changed > 0;
  }

  async recordPractice(practice: PracticeRecord): Promise<'recorded' | 'already-graded'> {
    return this.#db.transaction(async (tx) => {
      const claimed = await tx.run(`UPDATE card_sessions SET graded_at = ? WHERE id = ? AND graded_at IS NULL`, [
        practice.reviewedAt.getTime(),
        practice.sessionId,
      ]);
      if (claimed === 0) return 'already-graded';
      await recordStudy(tx, practice.learner, practice.studyDate, practice.reviewedAt);
      return 'recorded';
    });
  }

  async recordReview(review: ReviewRecord): Promise<'recorded' | 'already-graded'> {
    const { next } = review;
    try {
      await this.#db.transaction(async (tx) => {
        const claimed = await tx.run(`UPDATE card_sessions SET graded_at = ? WHERE id = ? AND graded_at IS NULL`, [
          review.reviewedAt.getTime(),
          review.sessionId,
        ]);
        if (claimed === 0) throw new Refused();
        // The card's state must be the one the grade was computed from; otherwise another grade got there first.
        const written = await tx.run(
          `INSERT INTO card_progress (learner_key, card_id, due_at, stability, difficulty, elapsed_days, scheduled_days,
             learning_steps, reps, lapses, state, last_review_at, interval_cap_date, interval_cap_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (learner_key, card_id) DO UPDATE SET due_at = excluded.due_at, stability = excluded.stability,
             difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
             scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
             reps = excluded.reps, lapses = excluded.lapses, state = excluded.state,
             last_review_at = excluded.last_review_at, interval_cap_date = excluded.interval_cap_date,
             interval_cap_ms = excluded.interval_cap_ms
           WHERE card_progress.reps = ?`,
          [
            review.learner.key,
            next.cardId,
            next.due.getTime(),
            next.stability,
            next.difficulty,
            next.elapsedDays,
            next.scheduledDays,
            next.learningSteps,
            next.reps,
            next.lapses,
            next.state,
            next.lastReview?.getTime() ?? null,
            next.intervalCap?.date ?? null,
            next.intervalCap?.ms ?? null,
            review.previousReps,
          ],
        );
        if (written === 0) throw new Refused();
        await tx.run(
          `INSERT INTO reviews (session_id, learner_key, card_id, server_id, rating, reviewed_at, previous_state)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [
            review.sessionId,
            review.learner.key,
            next.cardId,
            review.serverId ?? null,
            review.rating,
            review.reviewedAt.getTime(),
            JSON.stringify(review.previous ? progressRow(review.previous) : null),
          ],
        );
        await recordStudy(tx, review.learner, review.studyDate, review.reviewedAt);
      });
      return 'recorded';
    } catch (error) {
      if (error instanceof Refused) return 'already-graded';
      throw error;
    }
  }

  async lastReview(learnerKey: string, since: Date): Promise<LastReview | undefined> {
    const found = await findUndoable(this.#db, learnerKey, since);
    return found && { sessionId: found.sessionId, cardId: found.cardId, rating: found.rating, reviewedAt: found.reviewedAt };
  }

  async undoReview(learnerKey: string, sessionId: string, since: Date): Promise<'undone' | 'not-undoable'> {
    return this.#db.transaction(async (tx) => {
      const found = await findUndoable(tx, learnerKey, since);
      if (!found || found.sessionId !== sessionId) return 'not-undoable';
      if (found.previous) {
        const p = found.previous;
        await tx.run(
          `UPDATE card_progress SET due_at = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?,
             learning_steps = ?, reps = ?, lapses = ?, state = ?, last_review_at = ?, interval_cap_date = ?, interval_cap_ms = ?
           WHERE learner_key = ? AND card_id = ?`,
          [p.due_at, p.stability, p.difficulty, p.elapsed_days, p.scheduled_days, p.learning_steps, p.reps, p.lapses, p.state,
            p.last_review_at, p.interval_cap_date, p.interval_cap_ms, learnerKey, found.cardId],
        );
      } else {
        await tx.run(`DELETE FROM card_progress WHERE learner_key = ? AND card_id = ?`, [learnerKey, found.cardId]);
      }
      await tx.run(`DELETE FROM reviews WHERE session_id = ?`, [sessionId]);
      return 'undone';
    });
  }

  async resetCards(learnerKey: string, cardIds: readonly string[]): Promise<number> {
    if (cardIds.length === 0) return 0;
    return this.#db.run(
      `DELETE FROM card_progress WHERE learner_key = ? AND card_id IN (${cardIds.map(() => '?').join(', ')})`,
      [learnerKey, ...cardIds],
    );
  }

  async cardsIntroducedSince(learnerKey: string, since: Date): Promise<number> {
    const [row] = await this.#db.all(
      `SELECT COUNT(*) AS n FROM (SELECT MIN(reviewed_at) AS first FROM reviews WHERE learner_key = ? GROUP BY card_id) f
       WHERE f.first >= ?`,
      [learnerKey, since.getTime()],
    );
    return Number(row!['n']);
  }

  async createQuiz(quiz: QuizRecord): Promise<void> {
    await this.#db.run(
      `INSERT INTO quizzes (id, question_id, option_order, server_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      [quiz.id, quiz.questionId, quiz.optionOrder.join(','), quiz.serverId ?? null, quiz.channelId ?? null, quiz.createdAt.getTime()],
    );
  }

  async quiz(id: string): Promise<QuizRecord | undefined> {
    const [row] = await this.#db.all(`SELECT * FROM quizzes WHERE id = ?`, [id]);
    if (!row) return undefined;
    const quiz: QuizRecord = {
      id: String(row['id']),
      questionId: String(row['question_id']),
      optionOrder: String(row['option_order']).split(',').map(Number),
      createdAt: toDate(row['created_at']),
    };
    if (row['server_id'] != null) quiz.serverId = String(row['server_id']);
    if (row['channel_id'] != null) quiz.channelId = String(row['channel_id']);
    return quiz;
  }

  async recordQuizAnswer(answer: QuizAnswerRecord): Promise<'recorded' | 'already-answered'> {
    return this.#db.transaction(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO quiz_answers (quiz_id, learner_key, server_id, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (quiz_id, learner_key) DO NOTHING`,
        [answer.quizId, answer.learner.key, answer.serverId ?? null, answer.choice, answer.correct ? 1 : 0, answer.answeredAt.getTime()],
      );
      if (inserted === 0) return 'already-answered';
      await recordStudy(tx, answer.learner, answer.studyDate, answer.answeredAt);
      if (answer.correct && answer.dailyDate) {
        await tx.run(`INSERT INTO daily_answer_days (learner_key, local_date) VALUES (?, ?) ON CONFLICT DO NOTHING`, [answer.learner.key, answer.dailyDate]);
      }
      return 'recorded';
    });
  }

  async quizAnswer(quizId: string, learnerKey: string): Promise<StoredQuizAnswer | undefined> {
    const [row] = await this.#db.all(`SELECT choice, correct, answered_at FROM quiz_answers WHERE quiz_id = ? AND learner_key = ?`, [
      quizId,
      learnerKey,
    ]);
    if (!row) return undefined;
    return { choice: Number(row['choice']), correct: Number(row['correct']) === 1, answeredAt: toDate(row['answered_at']) };
  }

  async learnerSettings(learnerKey: string): Promise<LearnerSettings> {
    const [row] = await this.#db.all(`SELECT time_zone, new_cards_per_day FROM learner_settings WHERE learner_key = ?`, [learnerKey]);
    const settings: LearnerSettings = {};
    if (row?.['time_zone'] != null) settings.timeZone = String(row['time_zone']);
    if (row?.['new_cards_per_day'] != null) settings.newCardsPerDay = Number(row['new_cards_per_day']);
    return settings;
  }

  async saveLearnerSettings(learnerKey: string, settings: LearnerSettings, at: Date): Promise<void> {
    await this.#db.run(
      `INSERT INTO learner_settings (learner_key, time_zone, new_cards_per_day, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_key) DO UPDATE SET time_zone = COALESCE(excluded.time_zone, learner_settings.time_zone),
         new_cards_per_day = COALESCE(excluded.new_cards_per_day, learner_settings.new_cards_per_day),
         updated_at = excluded.updated_at`,
      [learnerKey, settings.timeZone ?? null, settings.newCardsPerDay ?? null, at.getTime()],
    );
  }

  async questionDraws(learnerKey: string, pool: string): Promise<QuestionDraw[]> {
    const rows = await this.#db.all(
      `SELECT question_id, position, drawn_at FROM question_draws WHERE learner_key = ? AND pool = ?
       ORDER BY drawn_at, position, question_id`,
      [learnerKey, pool],
    );
    return rows.map((r) => ({ questionId: String(r['question_id']), position: Number(r['position']), drawnAt: toDate(r['drawn_at']) }));
  }

  async recordQuestionDraw(learnerKey: string, pool: string, draw: QuestionDraw): Promise<'recorded' | 'already-drawn'> {
    const inserted = await this.#db.run(
      `INSERT INTO question_draws (learner_key, pool, question_id, position, drawn_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [learnerKey, pool, draw.questionId, draw.position, draw.drawnAt.getTime()],
    );
    return inserted === 0 ? 'already-drawn' : 'recorded';
  }

  async clearQuestionDraws(learnerKey: string, pool: string): Promise<void> {
    await this.#db.run(`DELETE FROM question_draws WHERE learner_key = ? AND pool = ?`, [learnerKey, pool]);
  }

  async learnerActivity(learnerKey: string): Promise<LearnerActivity> {
    const [reviews] = await this.#db.all(
      `SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), 0) AS forgotten
       FROM reviews WHERE learner_key = ?`,
      [learnerKey],
    );
    const [quizzes] = await this.#db.all(
      `SELECT COUNT(*) AS n, COALESCE(SUM(correct), 0) AS correct FROM quiz_answers WHERE learner_key = ?`,
      [learnerKey],
    );
    const days = await this.#db.all(
      `SELECT study_date FROM study_days WHERE learner_key = ? ORDER BY study_date DESC LIMIT 400`,
      [learnerKey],
    );
    const dailyDays = await this.#db.all(
      `SELECT local_date FROM daily_answer_days WHERE learner_key = ? ORDER BY local_date DESC LIMIT 400`,
      [learnerKey],
    );
    return {
      reviews: Number(reviews!['n']),
      forgotten: Number(reviews!['forgotten']),
      quizAnswers: Number(quizzes!['n']),
      quizCorrect: Number(quizzes!['correct']),
      studyDates: days.map((d) => String(d['study_date'])),
      dailyDates: dailyDays.map((d) => String(d['local_date'])),
    };
  }

  async leaderboard(serverId: string, since: Date, limit: number): Promise<LeaderboardRow[]> {
    const from = since.getTime();
    const rows = await this.#db.all(
      `SELECT l.learner_key, l.name, SUM(s.points) AS points FROM (
         SELECT learner_key, COUNT(*) AS points FROM reviews
         WHERE server_id = ? AND reviewed_at >= ? AND rating >= 2 GROUP BY learner_key
         UNION ALL
         SELECT learner_key, COUNT(*) AS points FROM quiz_answers
         WHERE server_id = ? AND answered_at >= ? AND correct = 1 GROUP BY learner_key
       ) s JOIN learners l ON l.learner_key = s.learner_key
       GROUP BY l.learner_key, l.name ORDER BY points DESC, l.name ASC, l.learner_key ASC LIMIT ?`,
      [serverId, from, serverId, from, limit],
    );
    return rows.map((r) => ({ learnerKey: String(r['learner_key']), name: String(r['name']), points: Number(r['points']) }));
  }

  async recordAnswer(answer: AnswerRecord): Promise<void> {
    await this.#db.run(
      `INSERT INTO answers (id, question, topic_id, confidence, answered, abstention, explained_share, asked_at, asker_digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        answer.id,
        answer.question,
        answer.topicId ?? null,
        answer.confidence,
        answer.answered ? 1 : 0,
        answer.abstention ?? null,
        answer.explainedShare ?? null,
        answer.askedAt.getTime(),
        this.#digest(answer.askerKey),
      ],
    );
  }

  async recordVote(vote: VoteRecord): Promise<'recorded' | 'changed' | 'unchanged' | 'unknown-answer'> {
    const voter = this.#digest(vote.voterKey);
    return this.#db.transaction(async (tx) => {
      const [answer] = await tx.all(`SELECT id FROM answers WHERE id = ?`, [vote.answerId]);
      if (!answer) return 'unknown-answer';
      const [earlier] = await tx.all(`SELECT vote FROM votes WHERE answer_id = ? AND voter_digest = ?`, [vote.answerId, voter]);
      if (earlier?.['vote'] === vote.vote) return 'unchanged';
      await tx.run(
        `INSERT INTO votes (answer_id, voter_digest, vote, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (answer_id, voter_digest) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        [vote.answerId, voter, vote.vote, vote.votedAt.getTime()],
      );
      return earlier ? 'changed' : 'recorded';
    });
  }

  async knowledgeGaps(maxConfidence: number, minExplainedShare = 0): Promise<GapRecord[]> {
    const rows = await this.#db.all(
      `SELECT a.question, a.topic_id, a.confidence, a.answered, a.abstention, a.explained_share, a.asked_at, a.asker_digest,
              COALESCE(v.down_votes, 0) AS down_votes
       FROM answers a LEFT JOIN (
         SELECT answer_id, COUNT(*) AS down_votes FROM votes WHERE vote = 'down' GROUP BY answer_id
       ) v ON v.answer_id = a.id
       WHERE a.answered = 0 OR a.confidence < ? OR a.explained_share < ? OR COALESCE(v.down_votes, 0) > 0
       ORDER BY a.asked_at`,
      [maxConfidence, minExplainedShare],
    );
    return rows.map((r) => {
      const gap: GapRecord = {
        question: String(r['question']),
        confidence: Number(r['confidence']),
        answered: Number(r['answered']) === 1,
        askedAt: toDate(r['asked_at']),
        askerDigest: String(r['asker_digest']),
        downVotes: Number(r['down_votes']),
      };
      if (r['topic_id'] != null) gap.topicId = String(r['topic_id']);
      if (r['abstention'] != null) gap.abstention = String(r['abstention']) as Abstention;
      if (r['explained_share'] != null) gap.explainedShare = Number(r['explained_share']);
      return gap;
    });
  }

  async claimDelivery(id: string, at: Date, keepMs: number): Promise<boolean> {
    const now = at.getTime();
    await this.#db.run(`DELETE FROM delivery_claims WHERE expires_at <= ?`, [now]);
    // A claim whose time is up may be taken again; a live one changes nothing, so the count says who won.
    const claimed = await this.#db.run(
      `INSERT INTO delivery_claims (id, expires_at) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE delivery_claims.expires_at <= ?`,
      [id, now + keepMs, now],
    );
    return claimed === 1;
  }

  async forgetLearner(learnerKey: string): Promise<Record<string, number>> {
    const digest = this.#digest(learnerKey);
    return this.#db.transaction(async (tx) => {
      const deleted: Record<string, number> = {};
      deleted['votes'] =
        (await tx.run(`DELETE FROM votes WHERE answer_id IN (SELECT id FROM answers WHERE asker_digest = ?)`, [digest])) +
        (await tx.run(`DELETE FROM votes WHERE voter_digest = ?`, [digest]));
      deleted['questions'] = await tx.run(`DELETE FROM answers WHERE asker_digest = ?`, [digest]);
      for (const table of LEARNER_TABLES) deleted[table] = await tx.run(`DELETE FROM ${table} WHERE learner_key = ?`, [learnerKey]);
      return deleted;
    });
  }

  async pruneAnswers(before: Date): Promise<number> {
    // Usually there is nothing to delete: a plain read then, so no write lock is taken.
    if ((await this.#db.all(`SELECT 1 AS old FROM answers WHERE asked_at < ? LIMIT 1`, [before.getTime()])).length === 0) return 0;
    return this.#db.transaction(async (tx) => {
      await tx.run(`DELETE FROM votes WHERE answer_id IN (SELECT id FROM answers WHERE asked_at < ?)`, [before.getTime()]);
      return tx.run(`DELETE FROM answers WHERE asked_at < ?`, [before.getTime()]);
    });
  }

  #digest(learnerKey: string): string {
    return createHmac('sha256', this.#digestSecret).update(learnerKey).digest('base64url').slice(0, 22);
  }
}

/** A card's state as its `card_progress` columns, for the review log (what an undo restores). */
const ProgressRowSchema = z.object({
  due_at: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  last_review_at: z.number().nullable(),
  interval_cap_date: z.string().nullable(),
  interval_cap_ms: z.number().nullable(),
});
type ProgressRow = z.infer<typeof ProgressRowSchema>;

function progressRow(p: CardProgress): ProgressRow {
  return {
    due_at: p.due.getTime(),
    stability: p.stability,
    difficulty: p.difficulty,
    elapsed_days: p.elapsedDays,
    scheduled_days: p.scheduledDays,
    learning_steps: p.learningSteps,
    reps: p.reps,
    lapses: p.lapses,
    state: p.state,
    last_review_at: p.lastReview?.getTime() ?? null,
    interval_cap_date: p.intervalCap?.date ?? null,
    interval_cap_ms: p.intervalCap?.ms ?? null,
  };
}

/**
 * The learner's last review at or after `since`, with the card state before it, when it can be undone: it
 * recorded that state (reviews from before undo existed did not) and the card has not been graded since.
 */
async function findUndoable(db: SqlExecutor, learnerKey: string, since: Date) {
  const [last] = await db.all(
    `SELECT r.session_id, r.card_id, r.rating, r.reviewed_at, r.previous_state, c.reps
     FROM reviews r LEFT JOIN card_progress c ON c.learner_key = r.learner_key AND c.card_id = r.card_id
     WHERE r.learner_key = ? ORDER BY r.reviewed_at DESC, r.session_id DESC LIMIT 1`,
    [learnerKey],
  );
  if (!last || last['previous_state'] == null || last['reps'] == null || toDate(last['reviewed_at']) < since) return undefined;
  const previous = z.union([ProgressRowSchema, z.null()]).parse(JSON.parse(String(last['previous_state'])));
  if (Number(last['reps']) !== (previous?.reps ?? 0) + 1) return undefined;
  return {
    sessionId: String(last['session_id']),
    cardId: String(last['card_id']),
    rating: Number(last['rating']),
    reviewedAt: toDate(last['reviewed_at']),
    previous,
  };
}

/** Every table keyed by a learner (`learner_key`), all of which `/forget-me` empties of that learner. */
const LEARNER_TABLES = [
  'card_progress',
  'card_sessions',
  'reviews',
  'quiz_answers',
  'study_days',
  'question_draws',
  'learner_settings',
  'reminders',
  'daily_answer_days',
  'learners',
] as const;

/** Keeps the learner's display name fresh and marks the day as studied. */
async function recordStudy(tx: SqlExecutor, learner: LearnerRef, studyDate: string, at: Date): Promise<void> {
  await tx.run(
    `INSERT INTO learners (learner_key, name, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (learner_key) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
    [learner.key, learner.name, at.getTime()],
  );
  await tx.run(`INSERT INTO study_days (learner_key, study_date) VALUES (?, ?) ON CONFLICT DO NOTHING`, [learner.key, studyDate]);
}

function toCardProgress(row: Row): CardProgress {
  const progress: CardProgress = {
    cardId: String(row['card_id']),
    due: toDate(row['due_at']),
    stability: Number(row['stability']),
    difficulty: Number(row['difficulty']),
    elapsedDays: Number(row['elapsed_days']),
    scheduledDays: Number(row['scheduled_days']),
    learningSteps: Number(row['learning_steps']),
    reps: Number(row['reps']),
    lapses: Number(row['lapses']),
    state: Number(row['state']),
  };
  if (row['last_review_at'] != null) progress.lastReview = toDate(row['last_review_at']);
  if (row['interval_cap_date'] != null) {
    progress.intervalCap = { date: String(row['interval_cap_date']), ms: Number(row['interval_cap_ms']) };
  }
  return progress;
}
