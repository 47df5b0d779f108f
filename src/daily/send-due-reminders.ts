import { createHash } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { Deck } from '../quiz/deck.ts';
import type { DailyPlatform, Reminder, ReminderClaim, Store } from '../store/index.ts';
import { nextPostAt, type PostSlot } from './next-post-at.ts';
import { parseLocalTime } from './parse-local-time.ts';
import type { ReminderSender } from './reminder-sender.ts';
import { renderReminder } from './render-reminder.ts';

export interface ReminderRunDependencies {
  store: Store;
  deck: Deck;
  /** One per platform this process sends reminders on; only their reminders are claimed. */
  senders: ReadonlyMap<DailyPlatform, ReminderSender>;
  clock: () => Date;
  log: Logger;
}

/** The daily scheduler's settings that reminders share (see `DailySchedulerOptions` for each). */
export interface ReminderRunOptions {
  graceMinutes: number;
  leaseMs: number;
  retryWindowMs: number;
  retryDelaysMs: readonly number[];
}

/** What one round of reminders did, for tests and logs. */
export interface ReminderTickReport {
  sent: number;
  /** Due, but the learner had no card due: no message, and the day is done. */
  nothingDue: number;
  skipped: number;
  retrying: number;
  gaveUp: number;
  /** Turned off because the person does not accept direct messages from the bot. */
  disabled: number;
}

/** A report with nothing done yet, for a round of {@link handleDueReminder} calls to count into. */
export function emptyReminderReport(): ReminderTickReport {
  return { sent: 0, nothingDue: 0, skipped: 0, retrying: 0, gaveUp: 0, disabled: 0 };
}

/**
 * Handles one claimed reminder once (the daily scheduler claims them and fans them out like its posts), counting
 * what it did in `report`: a direct message with the number of cards due and a "Review now" button when there
 * are any, nothing otherwise; then the reminder moves on to its next local date (`nextPostAt`, so it is DST-safe
 * like daily posts). A reminder later than `graceMinutes` is skipped with a log line. On a platform with an
 * idempotency key (Discord's nonce) a failed send is retried at 5 s, 20 s and 60 s after the first attempt (the
 * cumulative `retryDelaysMs`) while within `retryWindowMs` of it, each attempt with the same nonce; past that it
 * is given up (at most once). On one without (Slack), only an attempt proven `notPosted` is retried, for as long
 * as the grace window allows, with waits that double from the due time (from the first retry delay to 10 minutes), and one that may have reached the person is never sent
 * again. Someone whose direct messages are closed has their reminders turned off with a log line.
 */
export async function handleDueReminder(claim: ReminderClaim, deps: ReminderRunDependencies, options: ReminderRunOptions, report: ReminderTickReport): Promise<void> {
  const { store, log } = deps;
  const { reminder, localDate, dueAt, firstAttemptAt } = claim;
  const now = deps.clock();
  const advance = (next: PostSlot) => store.reminders.advanceReminder(reminder.learnerKey, localDate, next);
  const lateMs = now.getTime() - dueAt.getTime();
  if (lateMs > options.graceMinutes * 60_000) {
    log.warn(`Reminders: ${reminder.learnerKey} skipped ${localDate}: ${Math.round(lateMs / 60_000)} minutes late, past DAILY_GRACE_MINUTES (${options.graceMinutes}).`);
    await advance(nextPostAt(timingOf(reminder), now, localDate));
    report.skipped++;
    return;
  }
  const next = nextPostAt(timingOf(reminder), dueAt, localDate);
  const sender = deps.senders.get(reminder.platform)!;
  if (firstAttemptAt && (!sender.idempotent || now.getTime() - firstAttemptAt.getTime() > options.retryWindowMs)) {
    // An earlier attempt may have reached the person, and nothing (no nonce, or no longer) would make a second
    // attempt return the first message: at most once.
    log.error(`Reminders: ${reminder.learnerKey} gave up on ${localDate}: an attempt begun ${Math.round((now.getTime() - firstAttemptAt.getTime()) / 1000)} s ago may have been delivered.`);
    await advance(next);
    report.gaveUp++;
    return;
  }
  const progress = await store.cardProgress(reminder.learnerKey);
  const due = progress.filter((p) => p.due <= now && deps.deck.card(p.cardId) !== undefined).length;
  if (due === 0) {
    await advance(next);
    report.nothingDue++;
    return;
  }
  const firstAttempt = await store.reminders.startReminderAttempt(reminder.learnerKey, now);
  const outcome = await sender.send({
    userId: reminder.userId,
    idempotencyKey: reminderIdempotencyKey(reminder.learnerKey, localDate),
    reply: renderReminder(due, reminder.time, reminder.timeZone),
  });
  if (outcome.status === 'sent') {
    await advance(next);
    report.sent++;
  } else if (outcome.status === 'dms-closed') {
    log.warn(`Reminders: ${reminder.learnerKey} turned off: they accept no direct messages from the bot (${outcome.detail}).`);
    await store.reminders.disableReminder(reminder.learnerKey, 'dms-closed');
    report.disabled++;
  } else {
    const retryAt = sender.idempotent
      ? nextRetryAt(firstAttempt, now, options)
      : outcome.notPosted
        ? new Date(now.getTime() + refusedRetryDelayMs(lateMs, options))
        : undefined;
    if (retryAt) {
      log.warn(`Reminders: ${reminder.learnerKey} ${localDate} failed (${outcome.detail}); retrying at ${retryAt.toISOString()}.`);
      await store.reminders.retryReminderAt(reminder.learnerKey, retryAt, !sender.idempotent);
      report.retrying++;
    } else {
      log.error(`Reminders: ${reminder.learnerKey} gave up on ${localDate} (${outcome.detail}).`);
      await advance(next);
      report.gaveUp++;
    }
  }
}

/** The longest wait between two retries of a reminder proven not posted. */
const MAX_REFUSED_RETRY_MS = 10 * 60_000;

/**
 * The wait before retrying a reminder the platform proved it did not post (a rate limit, a refusal such as
 * Slack's `restricted_action`), in milliseconds: as long as it is already late (at least the first retry delay,
 * at most 10 minutes), so the waits double from the due time. A refusal that never clears costs about 17
 * attempts over the default two-hour grace window instead of one every 5 seconds.
 */
function refusedRetryDelayMs(lateMs: number, options: ReminderRunOptions): number {
  return Math.min(Math.max(options.retryDelaysMs[0]!, lateMs), MAX_REFUSED_RETRY_MS);
}

/** The next retry after `now`: the first attempt plus a running sum of the delays, if within the retry window. */
function nextRetryAt(firstAttemptAt: Date, now: Date, options: ReminderRunOptions): Date | undefined {
  let offset = 0;
  for (const delay of options.retryDelaysMs) {
    offset += delay;
    const at = firstAttemptAt.getTime() + offset;
    if (at > now.getTime()) return offset <= options.retryWindowMs ? new Date(at) : undefined;
  }
  return undefined;
}

/** Discord's nonce for one learner's reminder on one local date: at most 25 characters. */
export function reminderIdempotencyKey(learnerKey: string, localDate: string): string {
  return createHash('sha256').update(`reminder:${learnerKey}:${localDate}`).digest('base64url').slice(0, 25);
}

function timingOf(reminder: Reminder) {
  const time = parseLocalTime(reminder.time);
  if (!time.ok) throw new Error(`Stored reminder of ${reminder.learnerKey} has an unreadable time ${reminder.time}`);
  return { time: time.value, timeZone: reminder.timeZone };
}
