import type { Reply } from '../core/reply.ts';
import type { DailyPlatform } from '../store/index.ts';

/** What a platform did with a post or a reveal. Expected failures are values; the scheduler decides what follows. */
export type DailyDeliveryOutcome =
  | { status: 'sent'; messageId: string }
  /** The channel is gone or the bot may no longer post in it: its schedule is disabled. */
  | { status: 'channel-unavailable'; reason: 'unknown-channel' | 'missing-access' | 'unknown-message'; detail: string }
  /** Anything else (a 5xx, a timeout, a refused connection): retried while that is safe. */
  | { status: 'failed'; detail: string };

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
 * The seam between the scheduler and a platform: the Discord adapter implements it (`createDiscordDailyPoster`);
 * Slack's implementation is not built yet. Implementations never throw for platform refusals: they answer an
 * outcome.
 */
export interface DailyPoster {
  readonly platform: DailyPlatform;
  post(post: OutgoingDailyPost): Promise<DailyDeliveryOutcome>;
  /** Replaces a sent post's content (the reveal). */
  edit(channelId: string, messageId: string, reply: Reply): Promise<DailyDeliveryOutcome>;
}
