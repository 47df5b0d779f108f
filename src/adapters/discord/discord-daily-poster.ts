import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import type { Reply } from '../../core/index.ts';
import type { DailyDeliveryOutcome, DailyPoster, OutgoingDailyPost } from '../../daily/index.ts';
import { describeDiscordError } from './describe-discord-error.ts';
import { renderReply } from './render-reply.ts';

/**
 * How long one post or edit may take at most, retries and rate-limit waits by discord.js included, in
 * milliseconds. The poster is given half the scheduler's lease when that is shorter, so a claim never runs out
 * while its send is still under way.
 */
export const DAILY_SEND_TIMEOUT_MS = 30_000;

/** Discord's answers that mean the channel (or message) is no longer there for the bot. */
const UNAVAILABLE: ReadonlyMap<number, 'unknown-channel' | 'missing-access' | 'unknown-message'> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, 'unknown-channel'],
  [RESTJSONErrorCodes.MissingAccess, 'missing-access'],
  [RESTJSONErrorCodes.MissingPermissions, 'missing-access'],
  [RESTJSONErrorCodes.UnknownMessage, 'unknown-message'],
  [RESTJSONErrorCodes.UnknownGuild, 'missing-access'],
]);

/**
 * Daily posts on Discord as channel messages (`POST /channels/:id/messages`) through the client's REST
 * manager, so discord.js's rate limiting applies. Each post carries a `nonce` (the scheduler's idempotency key,
 * at most 25 characters) with `enforce_nonce: true`: a retry within Discord's window returns the message the
 * first attempt created instead of a second one. Only the post may mention, and only its configured role.
 * `timeoutMs` bounds each call (default `DAILY_SEND_TIMEOUT_MS`).
 */
export function createDiscordDailyPoster(rest: REST, timeoutMs: number = DAILY_SEND_TIMEOUT_MS): DailyPoster {
  return {
    platform: 'discord',
    // The nonce makes a retry within Discord's window return the first message.
    idempotent: true,
    post: (post) => deliver(() => rest.post(Routes.channelMessages(post.channelId), { body: postBody(post), signal: AbortSignal.timeout(timeoutMs) })),
    edit: (channelId, messageId, reply) =>
      deliver(() => rest.patch(Routes.channelMessage(channelId, messageId), { body: editBody(reply), signal: AbortSignal.timeout(timeoutMs) })),
  };
}

function postBody(post: OutgoingDailyPost): Record<string, unknown> {
  const { embeds, components } = renderReply(post.reply);
  return {
    embeds,
    components,
    nonce: post.idempotencyKey,
    enforce_nonce: true,
    ...(post.pingRoleId ? { content: `<@&${post.pingRoleId}>`, allowed_mentions: { parse: [], roles: [post.pingRoleId] } } : { allowed_mentions: { parse: [] } }),
  };
}

function editBody(reply: Reply): Record<string, unknown> {
  const { embeds, components } = renderReply(reply);
  return { embeds, components, allowed_mentions: { parse: [] } };
}

async function deliver(call: () => Promise<unknown>): Promise<DailyDeliveryOutcome> {
  try {
    const message = (await call()) as { id: string };
    return { status: 'sent', messageId: message.id };
  } catch (error) {
    const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? UNAVAILABLE.get(error.code) : undefined;
    if (reason) return { status: 'channel-unavailable', reason, detail: describeDiscordError(error) };
    return { status: 'failed', detail: describeDiscordError(error) };
  }
}
