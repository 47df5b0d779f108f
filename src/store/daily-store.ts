import type { QuizRecord } from './store.ts';

/** The platforms a daily schedule can live on; each process claims only the ones it serves. */
export type DailyPlatform = 'discord' | 'slack';

/** A channel's daily quiz schedule, as set by `/daily set`. */
export interface DailySchedule {
  platform: DailyPlatform;
  channelId: string;
  /** The Discord server (guild) or Slack workspace. */
  serverId: string;
  /** The local time, `HH:MM`. */
  time: string;
  /** An IANA time zone. */
  timeZone: string;
  /** ISO weekdays (1 Monday … 7 Sunday); empty for every day. */
  weekdays: number[];
  /** Topic ids to draw from; empty for all. */
  topics: string[];
  /** The role (Discord) or user group (Slack) the post pings, if any. */
  roleId?: string;
  /** Minutes after the post when the answer is revealed (capped by the next post). */
  revealAfterMinutes: number;
  /** The learner key of whoever set it, for a note when it has to be disabled. */
  setBy: string;
  enabled: boolean;
  /** Why it stopped: `off` (`/daily off`), or the platform's reason (`missing-access`, `unknown-channel`). */
  disabledReason?: string;
  /** The next post: its instant (UTC) and its local date. Absent while disabled. */
  nextDue?: { at: Date; localDate: string };
  /** The last local date whose scheduled post is done: sent, skipped as too late, or given up on. */
  lastPostedDate?: string;
}

/** A due post claimed by one process until `leaseUntil`. */
export interface DailyPostClaim {
  schedule: DailySchedule;
  localDate: string;
  dueAt: Date;
  leaseUntil: Date;
}

/** One post in a channel: the day's (its key is the local date) or an extra from `/daily now` (`now:…`). */
export interface DailyPost {
  platform: DailyPlatform;
  channelId: string;
  postKey: string;
  quizId: string;
  questionId: string;
  /** When the first attempt to send it started: retries after the nonce window are not made. */
  firstAttemptAt: Date;
  /** Send attempts so far, the first included. */
  attempts: number;
  messageId?: string;
  postedAt?: Date;
  revealDueAt?: Date;
  revealedAt?: Date;
}

/** A question's record in a channel's daily posts, for choosing the next one. */
export interface DailyQuestionHistory {
  questionId: string;
  /** The local date or extra key it was posted under. */
  postKey: string;
  answers: number;
  correct: number;
}

/** How a daily quiz was answered: people per displayed option, and who was right first. */
export interface DailyQuizResults {
  /** Index = display position. */
  counts: number[];
  firstCorrect?: { learnerKey: string; name: string };
}

/**
 * Daily quiz posts in the Store: schedules with their next due instant in UTC, posts claimed with a lease so
 * each (channel, local date) is sent by one process at a time, and reveals claimed the same way.
 */
export interface DailyStore {
  /**
   * Creates or replaces a channel's schedule. Any claim on it is dropped; its last posted date is kept, so
   * a schedule changed after today's post does not post again today (the caller computes `nextDue` with it).
   */
  saveSchedule(schedule: DailySchedule, at: Date): Promise<void>;
  schedule(platform: DailyPlatform, channelId: string): Promise<DailySchedule | undefined>;
  /** Stops a schedule (`reason`: `off`, `missing-access`, …); false when there is none or it was off already. */
  disableSchedule(platform: DailyPlatform, channelId: string, reason: string): Promise<boolean>;

  /**
   * Claims up to `limit` enabled schedules of `platforms` due at `now` and not under a live lease, earliest
   * first, leasing each until `now + leaseMs`. Concurrent callers (processes) never get the same schedule
   * while its lease lives. PostgreSQL: one `UPDATE … FOR UPDATE SKIP LOCKED` statement; SQLite: one short
   * `BEGIN IMMEDIATE` transaction.
   */
  claimDuePosts(platforms: readonly DailyPlatform[], now: Date, leaseMs: number, limit: number): Promise<DailyPostClaim[]>;
  /**
   * Starts a post, or finds the one started earlier under the same key: the quiz and the post are written
   * once (a retry gets the first attempt's quiz and question back, with `attempts` counted up). The attempt
   * counts as open (it may reach the platform) until `closeAttempt` or `recordPostSent`; `earlierAttemptOpen`
   * says whether the attempt before this one was still open (its process died mid-send, or its outcome was
   * never known), which a platform without an idempotency key must not send again.
   */
  startPost(
    post: { platform: DailyPlatform; channelId: string; postKey: string; quiz: QuizRecord },
    at: Date,
  ): Promise<DailyPost & { earlierAttemptOpen: boolean }>;
  /** Marks a post's latest attempt as ended without posting (the platform said so), so a retry is safe. */
  closeAttempt(platform: DailyPlatform, channelId: string, postKey: string): Promise<void>;
  /** Records the platform's message id for a post and when its answer is revealed. Idempotent. */
  recordPostSent(platform: DailyPlatform, channelId: string, postKey: string, messageId: string, postedAt: Date, revealDueAt: Date): Promise<void>;
  /**
   * Moves a claimed schedule on to `next` and releases its claim; the claimed date counts as done (posted,
   * skipped or given up on) and becomes `lastPostedDate`. Does nothing to `nextDue` if the schedule was changed
   * since the claim (its next date is no longer `claimedDate`).
   */
  advanceSchedule(platform: DailyPlatform, channelId: string, claimedDate: string, next: { at: Date; localDate: string }): Promise<void>;
  /** Keeps a claimed schedule's date but lets it be claimed again at `retryAt` (a failed send's backoff). */
  retryClaimAt(platform: DailyPlatform, channelId: string, retryAt: Date): Promise<void>;

  /** Claims up to `limit` sent, unrevealed posts whose reveal is due, leased like posts. */
  claimDueReveals(platforms: readonly DailyPlatform[], now: Date, leaseMs: number, limit: number): Promise<DailyPost[]>;
  /** Marks a post revealed; false when it was revealed already. */
  recordReveal(platform: DailyPlatform, channelId: string, postKey: string, at: Date): Promise<boolean>;
  /** Makes a sent post's reveal due at `at` if it is due later (`/daily reveal`, or a new post coming). */
  revealBy(platform: DailyPlatform, channelId: string, at: Date): Promise<number>;
  /** A channel's most recent sent post. */
  latestPost(platform: DailyPlatform, channelId: string): Promise<DailyPost | undefined>;
  /** The daily post a quiz belongs to, if it is one. */
  postOfQuiz(quizId: string): Promise<DailyPost | undefined>;

  /** Every question posted in a channel, with how its answers went, oldest first. */
  questionHistory(platform: DailyPlatform, channelId: string): Promise<DailyQuestionHistory[]>;
  /** People per displayed option and the first right answer, for a reveal. */
  quizResults(quizId: string, options: number): Promise<DailyQuizResults>;
}
