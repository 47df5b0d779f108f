import { createHash } from 'node:crypto';
import type { DailyControl } from '../core/command.ts';
import type { Logger } from '../logger.ts';
import type { Deck, DeckQuestion } from '../quiz/deck.ts';
import type { DailyPlatform, DailyPost, DailyPostClaim, DailySchedule, Store } from '../store/index.ts';
import { chooseDailyQuestion } from './choose-daily-question.ts';
import type { DailyDeliveryOutcome, DailyPoster } from './daily-poster.ts';
import { localDateIn, nextPostAt } from './next-post-at.ts';
import { parseLocalTime } from './parse-local-time.ts';
import { renderDailyPost, renderDailyReveal } from './render-daily-post.ts';
import { renderScheduleStopped } from './render-schedule-stopped.ts';
import type { ReminderSender } from './reminder-sender.ts';
import { emptyReminderReport, handleDueReminder, type ReminderTickReport } from './send-due-reminders.ts';

export interface DailySchedulerOptions {
  /**
   * How late a post may go out after its time (a process was down, the fan-out was long); beyond it the day is
   * skipped with a log line. From `DAILY_GRACE_MINUTES`.
   *
   * @defaultValue 120
   */
  graceMinutes?: number;
  /**
   * How long a claim on a post or reveal lasts, in milliseconds. Longer than one send may take (the poster
   * bounds its call below it), shorter than Discord's nonce window, so a claim lost with a crashed process is
   * retried while the nonce still returns the first message.
   *
   * @defaultValue 60_000
   */
  leaseMs?: number;
  /**
   * Send attempts for one post are made only within this many milliseconds of the first; beyond it an unsent
   * post is given up (at most once). Kept below Discord's nonce window, which Discord calls "a few minutes".
   *
   * @defaultValue 120_000
   */
  retryWindowMs?: number;
  /**
   * Waits before the second, third, … attempt after a failed send, in milliseconds.
   *
   * @defaultValue [5_000, 15_000, 40_000]
   */
  retryDelaysMs?: readonly number[];
  /**
   * How often the loop looks for due work, in milliseconds: a post is at most this late when nothing else is.
   *
   * @defaultValue 15_000
   */
  tickMs?: number;
  /**
   * Posts and reveals sent at once by one process; the platform's own rate limiter paces the requests.
   *
   * @defaultValue 8
   */
  concurrency?: number;
  /**
   * Schedules claimed per store call; a tick claims batch after batch while there is due work. Kept a small
   * multiple of `concurrency`, so claims do not wait long in the queue (a claim that waited half its lease is
   * left for the next one).
   *
   * @defaultValue 16
   */
  batchSize?: number;
}

export const DAILY_SCHEDULER_DEFAULTS = {
  graceMinutes: 120,
  leaseMs: 60_000,
  retryWindowMs: 120_000,
  retryDelaysMs: [5_000, 15_000, 40_000],
  tickMs: 15_000,
  concurrency: 8,
  batchSize: 16,
} as const satisfies Required<DailySchedulerOptions>;

export interface DailySchedulerDependencies {
  store: Store;
  deck: Deck;
  /** One per platform this process serves; only their schedules are claimed. */
  posters: readonly DailyPoster[];
  /** One per platform this process sends reminders by direct message on (`docs/daily.md`); none by default. */
  reminderSenders?: readonly ReminderSender[];
  clock: () => Date;
  newId: () => string;
  log: Logger;
}

/** What one tick did, for tests, health and logs. */
export interface DailyTickReport {
  posted: number;
  skipped: number;
  retrying: number;
  gaveUp: number;
  disabled: number;
  revealed: number;
  /** The reminders round, when this process sends reminders. */
  reminders?: ReminderTickReport;
}

/**
 * The daily-post loop of one process: claims due posts and reveals of the platforms it serves from the Store,
 * sends them with bounded concurrency, and records what happened. Every process runs one; the Store's leases
 * make each (channel, local date) go to one of them at a time (`docs/daily.md`).
 */
export class DailyScheduler implements DailyControl {
  readonly #deps: DailySchedulerDependencies;
  readonly #options: Required<DailySchedulerOptions>;
  readonly #posters: ReadonlyMap<DailyPlatform, DailyPoster>;
  readonly #reminderSenders: ReadonlyMap<DailyPlatform, ReminderSender>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #stopped = true;
  /** Set by `stop()`: a tick in flight finishes its current batch and claims no more. */
  #stopRequested = false;
  /** When the last tick finished, for health reports. */
  lastTickAt: Date | undefined;
  /** When the loop last made progress (started, claimed, finished a send, finished a tick); undefined until `start()`. */
  lastProgressAt: Date | undefined;

  constructor(deps: DailySchedulerDependencies, options: DailySchedulerOptions = {}) {
    this.#deps = deps;
    this.#options = { ...DAILY_SCHEDULER_DEFAULTS, ...options };
    this.#posters = new Map(deps.posters.map((p) => [p.platform, p]));
    this.#reminderSenders = new Map((deps.reminderSenders ?? []).map((s) => [s.platform, s]));
  }

  /** Ticks now and then every `tickMs` until `stop()`; a failed tick is logged and the loop goes on. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#stopRequested = false;
    this.lastProgressAt = this.#deps.clock();
    const loop = () => {
      this.#running = this.tick()
        .catch((error: unknown) => this.#deps.log.error(`Daily posts: a tick failed: ${describe(error)}`))
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(loop, this.#options.tickMs);
        });
    };
    loop();
  }

  /**
   * Milliseconds without progress after which the loop counts as stuck (the health report's `stale`): three
   * tick intervals, and at least two leases, since one batch may take up to a lease (sends start only in its
   * first half and the poster bounds each below the other half). 120 s by default.
   */
  get staleAfterMs(): number {
    return Math.max(3 * this.#options.tickMs, 2 * this.#options.leaseMs);
  }

  get platforms(): DailyPlatform[] {
    return [...this.#posters.keys()];
  }

  /** The platforms this process sends reminders on. */
  get reminderPlatforms(): DailyPlatform[] {
    return [...this.#reminderSenders.keys()];
  }

  /** Runs a tick now, beside the loop's (the Store's leases keep them apart). */
  wake(): void {
    if (this.#stopped) return;
    const tick = this.tick().catch((error: unknown) => this.#deps.log.error(`Daily posts: a tick failed: ${describe(error)}`));
    this.#running = Promise.all([this.#running, tick]);
  }

  /**
   * Stops the loop and waits for the tick in flight, which finishes the sends it has started (at most
   * `concurrency`, each bounded by the poster), releases the claims of its batch it had not started, so another
   * process takes them at once rather than after the lease, and claims no more.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopRequested = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /**
   * Claims and handles everything due now: posts first, then reveals, then reminders. `concurrency` workers each
   * take the next claim from a shared queue, which is refilled with `batchSize` more claims whenever it runs dry,
   * so a slow send holds only its own worker: the others go on claiming and sending (`docs/daily.md`, "Fan-out
   * and rate limits"). On `stop()`, claims not yet started are released at once.
   */
  async tick(): Promise<DailyTickReport> {
    const report: DailyTickReport = { posted: 0, skipped: 0, retrying: 0, gaveUp: 0, disabled: 0, revealed: 0 };
    const platforms = [...this.#posters.keys()];
    const { store } = this.#deps;
    const { leaseMs } = this.#options;
    await this.#fanOut(
      (now, limit) => store.daily.claimDuePosts(platforms, now, leaseMs, limit),
      (claim) => this.#handlePost(claim, report),
      (claim) => store.daily.releasePostClaim(claim.schedule.platform, claim.schedule.channelId, claim.leaseUntil),
      (claim, error) => this.#deps.log.error(`Daily posts: ${where(claim.schedule)} ${claim.localDate}: ${describe(error)}`),
    );
    await this.#fanOut(
      (now, limit) => store.daily.claimDueReveals(platforms, now, leaseMs, limit),
      (post) => this.#handleReveal(post, report),
      (post, claimedAt) => store.daily.releaseRevealClaim(post.platform, post.channelId, post.postKey, new Date(claimedAt.getTime() + leaseMs)),
      (post, error) => this.#deps.log.error(`Daily reveals: ${post.platform} channel ${post.channelId} ${post.postKey}: ${describe(error)}`),
    );
    if (this.#reminderSenders.size > 0) {
      const { deck, clock, log } = this.#deps;
      const deps = { store, deck, clock, log, senders: this.#reminderSenders };
      const reminders = (report.reminders = emptyReminderReport());
      await this.#fanOut(
        (now, limit) => store.reminders.claimDueReminders([...this.#reminderSenders.keys()], now, leaseMs, limit),
        (claim) => handleDueReminder(claim, deps, this.#options, reminders),
        // No release for a reminder: an unstarted claim runs out with its lease.
        undefined,
        (claim, error) => log.error(`Reminders: ${claim.reminder.learnerKey} ${claim.localDate}: ${describe(error)}`),
      );
    }
    this.lastTickAt = this.lastProgressAt = this.#deps.clock();
    return report;
  }

  /**
   * Runs `handle` over everything `claim` hands out, with at most `concurrency` handles in flight. Claims are taken
   * `batchSize` at a time, one store call at a time, when the queue is empty and a worker is free; claiming stops
   * when a call returns less than a full batch (nothing more is due) or `stop()` was called. A claim that waited
   * half its lease in the queue is not handled (`#leaseLeft`).
   */
  async #fanOut<T>(
    claim: (now: Date, limit: number) => Promise<T[]>,
    handle: (item: T) => Promise<void>,
    release: ((item: T, claimedAt: Date) => Promise<unknown>) | undefined,
    onError: (item: T, error: unknown) => void,
  ): Promise<void> {
    const { batchSize, concurrency } = this.#options;
    const queue: Array<{ item: T; claimedAt: Date }> = [];
    let exhausted = false;
    let claiming: Promise<void> | undefined;
    const refill = () =>
      (claiming ??= (async () => {
        const claimedAt = this.#deps.clock();
        const items = await claim(claimedAt, batchSize);
        queue.push(...items.map((item) => ({ item, claimedAt })));
        if (items.length < batchSize) exhausted = true;
        this.lastProgressAt = this.#deps.clock();
      })().finally(() => (claiming = undefined)));
    const worker = async (): Promise<void> => {
      for (;;) {
        while (queue.length === 0) {
          if (exhausted || this.#stopRequested) return;
          await refill();
        }
        if (this.#stopRequested) return;
        const { item, claimedAt } = queue.shift()!;
        if (!this.#leaseLeft(claimedAt)) continue;
        try {
          await handle(item);
        } catch (error) {
          onError(item, error);
        }
        this.lastProgressAt = this.#deps.clock();
      }
    };
    const workers = Array.from({ length: concurrency }, worker);
    // A failed claim (the store is down) ends the fan-out: the tick fails and is logged; the next one tries again.
    const results = await Promise.allSettled(workers);
    // Stopping: what was claimed but not started goes back at once instead of waiting out its lease.
    for (const { item, claimedAt } of queue.splice(0)) await release?.(item, claimedAt).catch((error: unknown) => onError(item, error));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }


  /**
   * Posts an extra question at once (`/daily now`): it does not replace the day's post and counts in the
   * no-repeat history. Resolves to the outcome, or `undefined` when no question matches the schedule's topics.
   */
  async postNow(schedule: DailySchedule): Promise<DailyDeliveryOutcome | undefined> {
    const now = this.#deps.clock();
    const sent = await this.#send(schedule, `now:${this.#deps.newId()}`, localDateIn(now, schedule.timeZone), now);
    if (sent === 'no-question') return undefined;
    return typeof sent.outcome === 'string' ? { status: 'failed', detail: 'too late to retry' } : sent.outcome;
  }

  async #handlePost(claim: DailyPostClaim, report: DailyTickReport): Promise<void> {
    const { store, log } = this.#deps;
    const { schedule, localDate, dueAt } = claim;
    const now = this.#deps.clock();
    const timing = timingOf(schedule);
    const lateMs = now.getTime() - dueAt.getTime();
    if (lateMs > this.#options.graceMinutes * 60_000) {
      log.warn(
        `Daily posts: ${where(schedule)} skipped ${localDate}: ${Math.round(lateMs / 60_000)} minutes late, past DAILY_GRACE_MINUTES (${this.#options.graceMinutes}).`,
      );
      await store.daily.advanceSchedule(schedule.platform, schedule.channelId, localDate, nextPostAt(timing, now, localDate));
      report.skipped++;
      return;
    }
    // The day's earlier post is revealed before the new one arrives.
    await store.daily.revealBy(schedule.platform, schedule.channelId, now);
    const next = nextPostAt(timing, dueAt, localDate);
    const sent = await this.#send(schedule, localDate, localDate, now, next.at);
    if (sent === 'no-question') {
      log.warn(`Daily posts: ${where(schedule)} disabled: no question matches its topics (${schedule.topics.join(', ')}).`);
      await store.daily.disableSchedule(schedule.platform, schedule.channelId, 'no-questions');
      report.disabled++;
      return;
    }
    const { outcome, post } = sent;
    if (outcome === 'too-late') {
      // An earlier attempt may have reached the platform, and the nonce no longer covers a retry: at most once.
      log.error(`Daily posts: ${where(schedule)} gave up on ${localDate}: attempt ${post.attempts} would fall outside the nonce window.`);
      await store.daily.advanceSchedule(schedule.platform, schedule.channelId, localDate, next);
      report.gaveUp++;
    } else if (outcome === 'outcome-unknown') {
      // No idempotency key (Slack): an earlier attempt started and its end was never recorded, so it may have
      // posted. Sending again could double the post: at most once.
      log.error(
        `Daily posts: ${where(schedule)} gave up on ${localDate}: attempt ${post.attempts - 1} may have posted (its outcome was never recorded) and ${schedule.platform} has no idempotency key.`,
      );
      await store.daily.advanceSchedule(schedule.platform, schedule.channelId, localDate, next);
      report.gaveUp++;
    } else if (outcome.status === 'sent') {
      await store.daily.advanceSchedule(schedule.platform, schedule.channelId, localDate, next);
      log.debug(`Daily posts: ${where(schedule)} posted ${localDate} (message ${outcome.messageId}, attempt ${post.attempts}).`);
      report.posted++;
    } else if (outcome.status === 'channel-unavailable') {
      log.warn(`Daily posts: ${where(schedule)} disabled: ${outcome.reason} (${outcome.detail}). Set by ${schedule.setBy}.`);
      await store.daily.disableSchedule(schedule.platform, schedule.channelId, outcome.reason);
      report.disabled++;
      await this.#tellWhoSetIt(schedule, outcome.reason);
    } else if (outcome.status === 'failed' && (outcome.notPosted || this.#posters.get(schedule.platform)!.idempotent) && this.#mayRetry(post, now)) {
      const delay = this.#options.retryDelaysMs[post.attempts - 1]!;
      log.warn(`Daily posts: ${where(schedule)} ${localDate} attempt ${post.attempts} failed (${outcome.detail}); retrying in ${delay / 1000} s.`);
      await store.daily.retryClaimAt(schedule.platform, schedule.channelId, new Date(now.getTime() + delay));
      report.retrying++;
    } else {
      log.error(`Daily posts: ${where(schedule)} gave up on ${localDate} after ${post.attempts} attempt(s) (${outcome.detail}).`);
      await store.daily.advanceSchedule(schedule.platform, schedule.channelId, localDate, next);
      report.gaveUp++;
    }
  }

  /**
   * Starts (or resumes) the post under `postKey` and sends it, unless it was sent already or it is too late to
   * send it again safely; the message id is recorded right after the platform answers.
   */
  async #send(
    schedule: DailySchedule,
    postKey: string,
    localDate: string,
    now: Date,
    nextPostAtTime?: Date,
  ): Promise<'no-question' | { outcome: DailyDeliveryOutcome | 'too-late' | 'outcome-unknown'; post: DailyPost & { earlierAttemptOpen: boolean } }> {
    const { store, deck } = this.#deps;
    const poster = this.#posters.get(schedule.platform)!;
    const history = await store.daily.questionHistory(schedule.platform, schedule.channelId);
    const choice = chooseDailyQuestion({ questions: deck.questions, topics: schedule.topics, history, seed: `${schedule.platform}:${schedule.channelId}:${postKey}` });
    if (!choice) return 'no-question';
    const post = await store.daily.startPost(
      {
        platform: schedule.platform,
        channelId: schedule.channelId,
        postKey,
        quiz: { id: this.#deps.newId(), questionId: choice.question.id, optionOrder: choice.optionOrder, serverId: schedule.serverId, channelId: schedule.channelId, createdAt: now },
      },
      now,
    );
    if (post.messageId) return { outcome: { status: 'sent', messageId: post.messageId }, post };
    if (post.earlierAttemptOpen && !poster.idempotent) return { outcome: 'outcome-unknown', post };
    if (post.attempts > 1 && now.getTime() - post.firstAttemptAt.getTime() > this.#options.retryWindowMs) {
      return { outcome: 'too-late', post };
    }
    const quiz = await store.quiz(post.quizId);
    const question = deck.question(post.questionId) ?? choice.question;
    const reply = renderDailyPost(question, post.quizId, quiz?.optionOrder ?? choice.optionOrder, localDate);
    const outcome = await poster.post({
      channelId: schedule.channelId,
      idempotencyKey: idempotencyKey(schedule, postKey),
      reply,
      ...(schedule.roleId ? { pingRoleId: schedule.roleId } : {}),
    });
    // The platform said nothing was created: a later attempt is safe even without an idempotency key.
    if (outcome.status !== 'sent' && (outcome.status === 'channel-unavailable' || outcome.notPosted)) {
      await store.daily.closeAttempt(schedule.platform, schedule.channelId, postKey);
    }
    if (outcome.status === 'sent') {
      const revealAfter = now.getTime() + schedule.revealAfterMinutes * 60_000;
      const revealDue = nextPostAtTime ? Math.min(revealAfter, nextPostAtTime.getTime() - 60_000) : revealAfter;
      await store.daily.recordPostSent(schedule.platform, schedule.channelId, postKey, outcome.messageId, now, new Date(Math.max(revealDue, now.getTime())));
    }
    return { outcome, post };
  }

  /**
   * Whether a claim taken at `claimedAt` still has at least half its lease: enough for one send, which the
   * poster bounds below that. A claim that waited longer in the queue is left alone; its lease runs out and
   * the next claim, here or in another process, takes it, so two processes never send it at once.
   */
  #leaseLeft(claimedAt: Date): boolean {
    return this.#deps.clock().getTime() - claimedAt.getTime() < this.#options.leaseMs / 2;
  }

  /** The private note to whoever set a schedule that stopped, where the platform can send one. */
  async #tellWhoSetIt(schedule: DailySchedule, reason: string): Promise<void> {
    const poster = this.#posters.get(schedule.platform)!;
    const prefix = `${schedule.platform}:`;
    if (!poster.notify || !schedule.setBy.startsWith(prefix)) return;
    await poster.notify(schedule.setBy.slice(prefix.length), renderScheduleStopped(schedule, reason));
  }

  #mayRetry(post: DailyPost, now: Date): boolean {
    const delay = this.#options.retryDelaysMs[post.attempts - 1];
    return delay !== undefined && now.getTime() + delay - post.firstAttemptAt.getTime() <= this.#options.retryWindowMs;
  }

  async #handleReveal(post: DailyPost, report: DailyTickReport): Promise<void> {
    const { store, deck, log } = this.#deps;
    const poster = this.#posters.get(post.platform)!;
    const quiz = await store.quiz(post.quizId);
    const question: DeckQuestion | undefined = deck.question(post.questionId);
    const now = this.#deps.clock();
    if (!quiz || !question) {
      log.warn(`Daily reveals: ${post.platform} channel ${post.channelId} ${post.postKey}: question ${post.questionId} is gone; not revealed.`);
      await store.daily.recordReveal(post.platform, post.channelId, post.postKey, now);
      return;
    }
    const results = await store.daily.quizResults(post.quizId, quiz.optionOrder.length);
    const zone = (await store.daily.schedule(post.platform, post.channelId))?.timeZone ?? 'UTC';
    const localDate = post.postKey.startsWith('now:') ? localDateIn(post.postedAt ?? post.firstAttemptAt, zone) : post.postKey;
    const outcome = await poster.edit(post.channelId, post.messageId!, renderDailyReveal(question, post.quizId, quiz.optionOrder, localDate, results));
    if (outcome.status === 'failed') {
      // The lease runs out and a later tick tries again.
      log.warn(`Daily reveals: ${post.platform} channel ${post.channelId} ${post.postKey}: ${outcome.detail}; will retry.`);
      return;
    }
    if (outcome.status === 'channel-unavailable') {
      log.warn(`Daily reveals: ${post.platform} channel ${post.channelId} ${post.postKey}: ${outcome.reason}; not revealed.`);
    }
    if (await store.daily.recordReveal(post.platform, post.channelId, post.postKey, now)) report.revealed++;
  }
}

/**
 * The key that makes retries of one post idempotent on the platform: 25 characters at most (Discord's nonce
 * limit), a digest of platform, channel and post key.
 */
export function idempotencyKey(schedule: Pick<DailySchedule, 'platform' | 'channelId'>, postKey: string): string {
  return createHash('sha256').update(`${schedule.platform}:${schedule.channelId}:${postKey}`).digest('base64url').slice(0, 25);
}

function timingOf(schedule: DailySchedule) {
  const time = parseLocalTime(schedule.time);
  if (!time.ok) throw new Error(`Stored schedule for channel ${schedule.channelId} has an unreadable time ${schedule.time}`);
  return { time: time.value, timeZone: schedule.timeZone, weekdays: schedule.weekdays };
}

function where(schedule: DailySchedule): string {
  return `${schedule.platform} channel ${schedule.channelId} (server ${schedule.serverId})`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
