import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.ts';
import type { DailyDeliveryOutcome, DailyPoster, OutgoingDailyPost } from '../../daily/index.ts';
import type { Logger } from '../../logger.ts';
import { renderBlocks, type SlackMessage } from './render-blocks.ts';
import { describeSlackError, slackErrorCode, TOKEN_LOST_ERRORS } from './slack-errors.ts';
import { SLACK_LIMITS } from './slack-limits.ts';

export interface SlackDailyPosterOptions {
  /**
   * A Web API client of its own for daily posts, built with `dailyPostClientOptions`: no retries of its own
   * (a retried `chat.postMessage` after a lost answer would post twice) and rate limits handed back here.
   */
  client: webApi.WebClient;
  logger: Logger;
  /** The registry's command names, so `/quiz` in the core's words reads `/docker quiz`. */
  commandNames: readonly string[];
  /** Called when Slack says the bot token no longer works. */
  onTokenLost?: (code: string) => void;
  /**
   * The least time between two messages this process sends into one channel: Slack allows about one message
   * per second per channel.
   *
   * @defaultValue 1000
   */
  channelSpacingMs?: number;
  /**
   * The most one post or edit may take, waits for Slack's rate limits included, in milliseconds. Below half the
   * scheduler's 60-second lease, so a claim never runs out during its send.
   *
   * @defaultValue 25_000
   */
  sendBudgetMs?: number;
}

/** How long one Web API call of a daily post may take, in milliseconds. */
export const DAILY_CALL_TIMEOUT_MS = 10_000;

/**
 * Options for the daily posts' Web API client: no retries (a post retried after a lost answer would be doubled,
 * so only this poster retries, and only what Slack proves was not posted), rate limits thrown rather than waited
 * out inside the client, each call cut off after `DAILY_CALL_TIMEOUT_MS`, and at most four calls at once.
 */
export function dailyPostClientOptions(base: webApi.WebClientOptions): webApi.WebClientOptions {
  return { ...base, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: DAILY_CALL_TIMEOUT_MS, maxRequestConcurrency: 4 };
}

/** Slack's answers that mean the channel (or the message) is no longer there for the bot. */
const UNAVAILABLE: Readonly<Record<string, 'unknown-channel' | 'missing-access' | 'archived' | 'unknown-message'>> = {
  channel_not_found: 'unknown-channel',
  not_in_channel: 'missing-access',
  restricted_action: 'missing-access',
  is_archived: 'archived',
  message_not_found: 'unknown-message',
  cant_update_message: 'unknown-message',
};

/**
 * Slack errors after which "it is possible some aspect of the operation succeeded" (Slack's words for
 * `internal_error` and `fatal_error`), or the request may not have been read whole: the post may exist.
 */
const MAYBE_DONE: ReadonlySet<string> = new Set(['internal_error', 'fatal_error', 'request_timeout']);

/** A user group's id as Slack writes it; anything else is never put into a `<!subteam^…>`. */
const USER_GROUP_ID = /^S[A-Z0-9]{2,20}$/;

/**
 * Daily posts on Slack: `chat.postMessage` with Block Kit (the header names the topic and the date, one button
 * per letter: the `/quiz` buttons, answered to the presser alone) and `chat.update` for the reveal, which
 * removes the buttons (Slack has no disabled buttons). Only the post may ping, and only its user group
 * (`<!subteam^ID>`); everything else is escaped by the renderer.
 *
 * Slack has no idempotency key for `chat.postMessage`, so this poster is not `idempotent`: it retries only what
 * Slack proves was not posted (a 429, waited out while the send budget allows; any other answer is handed
 * back), and says `notPosted` for such answers so the scheduler may try again later. Sends into one channel are
 * spaced by `channelSpacingMs`, and a 429 pauses every send of this poster until its `Retry-After`.
 */
export class SlackDailyPoster implements DailyPoster {
  readonly platform = 'slack' as const;
  readonly idempotent = false;
  readonly #options: Required<Omit<SlackDailyPosterOptions, 'onTokenLost'>> & Pick<SlackDailyPosterOptions, 'onTokenLost'>;
  /** Per channel, the turn of its latest call: the next one waits for it (and `channelSpacingMs` after it). */
  readonly #channelTurns = new Map<string, Promise<void>>();
  /** After a 429, no call before this (`performance.now()` milliseconds). */
  #pausedUntil = 0;

  constructor(options: SlackDailyPosterOptions) {
    this.#options = { channelSpacingMs: 1000, sendBudgetMs: 25_000, ...options };
  }

  post(post: OutgoingDailyPost): Promise<DailyDeliveryOutcome> {
    const message = withPing(this.#render(post.reply), post.pingRoleId);
    return this.#call(post.channelId, 'chat.postMessage', async () => {
      const sent = await this.#options.client.chat.postMessage({ channel: post.channelId, ...message, unfurl_links: false, unfurl_media: false });
      return sent.ts ?? '';
    });
  }

  edit(channelId: string, messageId: string, reply: Reply): Promise<DailyDeliveryOutcome> {
    const message = this.#render(reply);
    return this.#call(channelId, 'chat.update', async () => {
      const updated = await this.#options.client.chat.update({ channel: channelId, ts: messageId, ...message });
      return updated.ts ?? messageId;
    });
  }

  /** A message to the person's DM with the app (a user id as the channel: its Messages tab); logged, never thrown. */
  async notify(userId: string, reply: Reply): Promise<void> {
    try {
      await this.#options.client.chat.postMessage({ channel: userId, ...this.#render(reply), unfurl_links: false, unfurl_media: false });
    } catch (error) {
      this.#options.logger.warn(`Daily posts: could not tell ${userId} that their schedule stopped: ${describeSlackError(error)}`);
    }
  }

  #render(reply: Reply): SlackMessage {
    return renderBlocks(reply, { commandNames: this.#options.commandNames });
  }

  /** One call in the channel's turn, waiting out 429s while the budget allows; Slack's answer as an outcome. */
  #call(channelId: string, method: string, send: () => Promise<string>): Promise<DailyDeliveryOutcome> {
    const deadline = performance.now() + this.#options.sendBudgetMs;
    return this.#inChannelTurn(channelId, async () => {
      for (;;) {
        const start = Math.max(performance.now(), this.#pausedUntil);
        if (start + DAILY_CALL_TIMEOUT_MS > deadline) return { status: 'failed', detail: `${method}: no time left in the send budget`, notPosted: true };
        if (start > performance.now()) await sleep(start - performance.now());
        try {
          return { status: 'sent', messageId: await send() };
        } catch (error) {
          const retryAfterMs = rateLimitWait(error);
          if (retryAfterMs === undefined) return this.#outcome(method, error);
          this.#pausedUntil = Math.max(this.#pausedUntil, performance.now() + retryAfterMs);
          this.#options.logger.debug(`Daily posts: ${method} rate-limited; waiting ${retryAfterMs} ms`);
        }
      }
    });
  }

  /**
   * Runs `work` after the channel's previous call, and lets the next one start `channelSpacingMs` after this one
   * was answered: measured from the answer, the spacing holds at Slack's end too. Only channels with a call in
   * the last `channelSpacingMs` stay in the map.
   */
  async #inChannelTurn<T>(channelId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#channelTurns.get(channelId);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.#channelTurns.set(channelId, mine);
    await previous;
    try {
      return await work();
    } finally {
      setTimeout(() => {
        if (this.#channelTurns.get(channelId) === mine) this.#channelTurns.delete(channelId);
        release();
      }, this.#options.channelSpacingMs).unref();
    }
  }

  #outcome(method: string, error: unknown): DailyDeliveryOutcome {
    const code = slackErrorCode(error);
    const detail = `${method}: ${describeSlackError(error)}`;
    if (code && TOKEN_LOST_ERRORS.has(code)) this.#options.onTokenLost?.(code);
    const reason = code ? UNAVAILABLE[code] : undefined;
    if (reason) return { status: 'channel-unavailable', reason, detail };
    if (provenNotPosted(error)) return { status: 'failed', detail, notPosted: true };
    // A timeout, a dropped connection, a 5xx: Slack may have posted it.
    return { status: 'failed', detail };
  }
}

/** The post's user group mention first, in the text that notifies and as the first block; nothing when none. */
function withPing(message: SlackMessage, groupId: string | undefined): SlackMessage {
  if (!groupId || !USER_GROUP_ID.test(groupId)) return message;
  const ping = `<!subteam^${groupId}>`;
  return {
    text: `${ping} ${message.text}`,
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: ping } }, ...message.blocks].slice(0, SLACK_LIMITS.messageBlocks),
  };
}

/**
 * Whether Slack's answer proves a post was not made: `ok: false` with a definite refusal (anything but the
 * `MAYBE_DONE` codes), a 429, or a refused connection. A timeout, a dropped connection or a 5xx prove nothing.
 */
export function provenNotPosted(error: unknown): boolean {
  const code = slackErrorCode(error);
  const refused = (error as { code?: unknown }).code === webApi.ErrorCode.PlatformError && code !== undefined && !MAYBE_DONE.has(code);
  return refused || code === 'ratelimited' || connectionRefused(error);
}

/** The wait a 429 asked for, in milliseconds; undefined for any other error. */
export function rateLimitWait(error: unknown): number | undefined {
  if ((error as { code?: unknown }).code !== webApi.ErrorCode.RateLimitedError) return undefined;
  const seconds = Number((error as { retryAfter?: unknown }).retryAfter);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

function connectionRefused(error: unknown): boolean {
  const original = (error as { original?: { cause?: { code?: unknown } } }).original;
  return original?.cause?.code === 'ECONNREFUSED';
}
