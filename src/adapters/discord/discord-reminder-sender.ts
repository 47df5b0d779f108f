import { DiscordAPIError, RESTJSONErrorCodes, Routes, type Client } from 'discord.js';
import type { ReminderOutcome, ReminderSender } from '../../daily/index.ts';
import { DAILY_SEND_TIMEOUT_MS } from './discord-daily-poster.ts';
import { describeDiscordError } from './describe-discord-error.ts';
import { renderReply } from './render-reply.ts';

/** Discord's answers that mean the person cannot get a direct message from the bot at all. */
const DMS_CLOSED: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
  RESTJSONErrorCodes.UnknownUser,
]);

/**
 * Reminders on Discord as direct messages: the client opens (or reuses from its cache) the DM channel with
 * `client.users.createDM` (`POST /users/@me/channels`), then the message goes to it through the client's REST
 * manager, so discord.js's rate limiting applies. Each message carries the reminder's `nonce` with
 * `enforce_nonce: true`, so a retry within Discord's window returns the first message, and
 * `allowed_mentions: { parse: [] }`. The whole send is cut off at `DAILY_SEND_TIMEOUT_MS` (30 s), inside the
 * scheduler's lease. Someone who closed their DMs to the bot (50007), shares no server with it (50278) or is
 * unknown (10013) answers `dms-closed`.
 */
export function createDiscordReminderSender(client: Client): ReminderSender {
  return {
    platform: 'discord',
    idempotent: true,
    send: async (reminder): Promise<ReminderOutcome> => {
      const signal = AbortSignal.timeout(DAILY_SEND_TIMEOUT_MS);
      try {
        const channel = await withSignal(client.users.createDM(reminder.userId), signal);
        const { embeds, components } = renderReply(reminder.reply);
        await client.rest.post(Routes.channelMessages(channel.id), {
          body: { embeds, components, nonce: reminder.idempotencyKey, enforce_nonce: true, allowed_mentions: { parse: [] } },
          signal,
        });
        return { status: 'sent' };
      } catch (error) {
        if (error instanceof DiscordAPIError && typeof error.code === 'number' && DMS_CLOSED.has(error.code)) {
          return { status: 'dms-closed', detail: describeDiscordError(error) };
        }
        return { status: 'failed', detail: describeDiscordError(error) };
      }
    },
  };
}

/** `work`, or a rejection when `signal` aborts first (createDM takes no signal of its own). */
function withSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('timed out'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
