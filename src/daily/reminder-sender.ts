import type { Reply } from '../core/reply.ts';
import type { DailyPlatform } from '../store/index.ts';

/** What a platform did with a reminder. Expected failures are values; the scheduler decides what follows. */
export type ReminderOutcome =
  | { status: 'sent' }
  /**
   * The person cannot get a direct message from the bot (Discord 50007; Slack `user_not_found`, `cannot_dm_bot`,
   * …): their reminders are turned off.
   */
  | { status: 'dms-closed'; detail: string }
  /**
   * Anything else (a 5xx, a timeout): retried while that is safe. `notPosted` when the platform's answer proves
   * nothing was created (a rate limit, a refused connection), so even a platform without an idempotency key may
   * be tried again.
   */
  | { status: 'failed'; detail: string; notPosted?: boolean };

/** A reminder, rendered, with what a platform needs to send it once. */
export interface OutgoingReminder {
  /** The platform's user id: the message goes to a direct message with them. */
  userId: string;
  /** The same for every attempt at one (learner, local date): Discord's message nonce; Slack has no such key. */
  idempotencyKey: string;
  reply: Reply;
}

/**
 * The seam between the scheduler and a platform for reminders by direct message: the Discord adapter implements
 * it (`createDiscordReminderSender`), and the Slack adapter (`SlackReminderSender`). Implementations never throw for platform refusals: they answer an outcome,
 * and they never let a reminder mention anyone.
 */
export interface ReminderSender {
  readonly platform: DailyPlatform;
  /**
   * Whether a second attempt at one reminder is safe because the platform honours `idempotencyKey` (Discord's
   * nonce). When false (Slack's `chat.postMessage` has no such key), only attempts proven `notPosted` are tried
   * again, and a reminder whose earlier attempt may have reached the person is given up (at most once).
   */
  readonly idempotent: boolean;
  send(reminder: OutgoingReminder): Promise<ReminderOutcome>;
}
