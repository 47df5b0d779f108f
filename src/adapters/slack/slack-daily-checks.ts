import type { webApi } from '@slack/bolt';
import type { DailyPlaceChecks } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { describeSlackError, slackErrorCode } from './slack-errors.ts';

/**
 * A user group as people give it: Slack's escaped mention (`<!subteam^S0123|@study>`), an id (`S0123ABCD`),
 * or a handle (`@study`, `study`). Handles are lowercase letters, digits, `.`, `-` and `_`.
 */
const GROUP_MENTION = /^<!subteam\^(S[A-Z0-9]{2,20})(?:\|@?[^>]{0,80})?>$/;
const GROUP_ID = /^S[A-Z0-9]{2,20}$/;
const GROUP_HANDLE = /^@?([a-z0-9][a-z0-9._-]{0,79})$/i;

/**
 * `/daily set`'s checks on Slack. Whether the bot is a member of the channel: `conversations.info`
 * (`is_member`; `channels:read` for public channels, `groups:read` for private ones, where Slack answers
 * `channel_not_found` to a bot that is not in it). Which user group to ping: `usergroups.list`
 * (`usergroups:read`), matched by id or handle, disabled groups left out. Errors other than these answers
 * are thrown, for the command's failure reply.
 */
export function createSlackDailyChecks(client: webApi.WebClient, logger: Logger): DailyPlaceChecks {
  return {
    async postingProblem(channelId) {
      if (channelId.startsWith('D')) return 'not-a-channel';
      try {
        const found = await client.conversations.info({ channel: channelId });
        if (found.channel?.is_im || found.channel?.is_mpim) return 'not-a-channel';
        return found.channel?.is_member ? undefined : 'not-in-channel';
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === 'channel_not_found') return 'not-in-channel';
        if (code === 'missing_scope') {
          logger.warn(`/docker daily set: conversations.info: ${describeSlackError(error)}`);
          return 'channel-unreadable';
        }
        throw error;
      }
    },

    async resolvePingGroup(text) {
      const typed = text.slice(0, 100);
      const id = GROUP_MENTION.exec(typed)?.[1] ?? (GROUP_ID.test(typed) ? typed : undefined);
      const handle = id ? undefined : GROUP_HANDLE.exec(typed)?.[1]?.toLowerCase();
      if (!id && !handle) return { ok: false, code: 'invalid-user-group' };
      let groups: { id?: string; handle?: string; date_delete?: number }[];
      try {
        groups = (await client.usergroups.list({ include_disabled: false })).usergroups ?? [];
      } catch (error) {
        if (slackErrorCode(error) !== 'missing_scope') throw error;
        logger.warn(`/docker daily set: usergroups.list: ${describeSlackError(error)}`);
        return { ok: false, code: 'user-groups-unreadable' };
      }
      const group = groups.find((g) => !g.date_delete && (id ? g.id === id : g.handle?.toLowerCase() === handle));
      return group?.id ? { ok: true, id: group.id } : { ok: false, code: 'unknown-user-group' };
    },
  };
}
