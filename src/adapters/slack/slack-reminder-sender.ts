import { setTimeout as sleep } from 'node:timers/promises';
import type { webApi } from '@slack/bolt';
import type { OutgoingReminder, ReminderOutcome, ReminderSender } from '../../daily/index.ts';
import type { Logger } from '../../logger.ts';
import { renderBlocks } from './render-blocks.ts';
import { DAILY_CALL_TIMEOUT_MS, provenNotPosted, rateLimitWait } from './slack-daily-poster.ts';
import { describeSlackError, slackErrorCode, TOKEN_LOST_ERRORS } from './slack-errors.ts';

export interface SlackReminderSenderOptions {
  /** A Web API client built with `dailyPostClientOptions` (no retries of its own, rate limits thrown): the daily poster's settings. */
  client: webApi.WebClient;
  logger: Logger;
  /** The registry's command names, so `/review` in the core's words reads `/docker review`. */
  commandNames: readonly string[];
  /** Called when Slack says the bot token no longer works. */
  onTokenLost?: (code: string) => void;
  /**
   * The most one reminder may take, waits for Slack's rate limits included, in milliseconds: below half the
   * scheduler's 60-second lease, like a daily post's.
   *
   * @defaultValue 25_000
   */
  sendBudgetMs?: number;
}

/**
 * Slack's answers to `chat.postMessage` with a user id as `channel` that mean this person cannot get a direct
 * message from the app: the user is unknown, deactivated (their DM archived) or hidden from the bot, or is itself a
 * bot. Each is a definite refusal, so nothing was posted. Not among them: `account_inactive`, which Slack uses for
 * the bot's own token (`TOKEN_LOST_ERRORS`), and `restricted_action` or `messages_tab_disabled`, which are
 * workspace or app settings rather than the person's: those are failures, tried again while Slack proves nothing
 * was posted, and the learner's reminders stay on.
 */
export const DM_REFUSED_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'user_not_found',
  'user_disabled',
  'user_not_visible',
  'cannot_dm_bot',
  'is_archived',
]);

/**
 * Reminders on Slack as direct messages: `chat.postMessage` with the learner's user id as `channel`, which Slack
 * posts in the app's DM with them (its Messages tab) with `chat:write` alone, so no `conversations.open` is needed.
 * The message is the reminder's Reply in Block Kit (`renderBlocks`), its "Review now" button handled like every
 * other button; it mentions no one (the renderer escapes everything).
 *
 * Slack has no idempotency key for `chat.postMessage`, so this sender is not `idempotent`: it waits out a 429 while
 * `sendBudgetMs` allows (every send of this sender pauses until its `Retry-After`), and otherwise answers at once:
 * `notPosted` only when Slack's answer proves nothing was posted (`provenNotPosted`), so the scheduler never sends
 * again a reminder that may have arrived. A refusal in `DM_REFUSED_ERRORS` answers `dms-closed`, which turns the
 * learner's reminders off; a lost token calls `onTokenLost`.
 */
export class SlackReminderSender implements ReminderSender {
  readonly platform = 'slack' as const;
  readonly idempotent = false;
  readonly #options: SlackReminderSenderOptions & { sendBudgetMs: number };
  /** After a 429, no call before this (`performance.now()` milliseconds). */
  #pausedUntil = 0;

  constructor(options: SlackReminderSenderOptions) {
    this.#options = { sendBudgetMs: 25_000, ...options };
  }

  async send(reminder: OutgoingReminder): Promise<ReminderOutcome> {
    const message = renderBlocks(reminder.reply, { commandNames: this.#options.commandNames });
    const deadline = performance.now() + this.#options.sendBudgetMs;
    for (;;) {
      const start = Math.max(performance.now(), this.#pausedUntil);
      if (start + DAILY_CALL_TIMEOUT_MS > deadline) return { status: 'failed', detail: 'chat.postMessage: no time left in the send budget', notPosted: true };
      if (start > performance.now()) await sleep(start - performance.now());
      try {
        await this.#options.client.chat.postMessage({ channel: reminder.userId, ...message, unfurl_links: false, unfurl_media: false });
        return { status: 'sent' };
      } catch (error) {
        const retryAfterMs = rateLimitWait(error);
        if (retryAfterMs === undefined) return this.#outcome(error);
        this.#pausedUntil = Math.max(this.#pausedUntil, performance.now() + retryAfterMs);
        this.#options.logger.debug(`Reminders: chat.postMessage rate-limited; waiting ${retryAfterMs} ms`);
      }
    }
  }

  #outcome(error: unknown): ReminderOutcome {
    const code = slackErrorCode(error);
    const detail = `chat.postMessage: ${describeSlackError(error)}`;
    if (code && TOKEN_LOST_ERRORS.has(code)) this.#options.onTokenLost?.(code);
    if (code && DM_REFUSED_ERRORS.has(code) && provenNotPosted(error)) return { status: 'dms-closed', detail };
    return provenNotPosted(error) ? { status: 'failed', detail, notPosted: true } : { status: 'failed', detail };
  }
}
