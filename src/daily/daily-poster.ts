import type { Reply } from '../core/reply.ts';
import type { DailyPlatform } from '../store/index.ts';

/** What a platform did with a post or a reveal. Expected failures are values; the scheduler decides what follows. */
export type DailyDeliveryOutcome =
  | { status: 'sent'; messageId: string }
  /** The channel is gone or the bot may no longer post in it: its schedule is disabled. */
  | { status: 'channel-unavailable'; reason: 'unknown-channel' | 'missing-access' | 'archived' | 'unknown-message'; detail: string }
  /**
   * Anything else (a 5xx, a timeout, a refused connection): retried while that is safe. `notPosted` when the
   * platform's answer proves nothing was created (a rate limit, a refused connection), so even a platform
   * without an idempotency key may be tried again.
   */
  | { status: 'failed'; detail: string; notPosted?: boolean };

/** A daily post, rendered, with what a platform needs to send it once. */
export interface OutgoingDailyPost {
  channelId: string;
  /** Identifies the post across retries: the same for every attempt at one (channel, post key). */
  idempotencyKey: string;
  reply: Reply;
  /** The role (Discord) or user group (Slack) to ping on this message only. */
  pingRoleId?: string;
}

/**
 * The seam between the scheduler and a platform: the Discord adapter implements it (`createDiscordDailyPoster`),
 * and so does the Slack adapter (`SlackDailyPoster`). Implementations never throw for platform refusals: they
 * answer an outcome.
 */
export interface DailyPoster {
  readonly platform: DailyPlatform;
  /**
   * Whether a second attempt at one post is safe: the platform honours `idempotencyKey` (Discord's nonce), so a
   * retry returns the message an earlier attempt created. When false (Slack), the poster retries only what it
   * knows was not posted, within one send, and the scheduler never sends a post a second time: a post whose
   * earlier attempt may have reached the platform is given up (at most once).
   */
  readonly idempotent: boolean;
  post(post: OutgoingDailyPost): Promise<DailyDeliveryOutcome>;
  /** Replaces a sent post's content (the reveal). */
  edit(channelId: string, messageId: string, reply: Reply): Promise<DailyDeliveryOutcome>;
  /**
   * Tells whoever set a schedule, in private, that it stopped (`docs/daily.md`): their learner id on this
   * platform and what to say. Optional; never throws.
   */
  notify?(userId: string, reply: Reply): Promise<void>;
}
