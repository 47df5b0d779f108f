import type { Reply } from '../core/reply.ts';
import type { DailySchedule } from '../store/index.ts';

/** Why a schedule stopped, in the words of the note to whoever set it; keyed by the poster's reasons. */
const WHY: Record<string, string> = {
  'unknown-channel': 'the channel is gone (deleted, or I can no longer see it)',
  'missing-access': 'I may no longer post there (I was removed from the channel, or lost a permission)',
  archived: 'the channel was archived',
};

/**
 * The private note to whoever set a daily schedule that the bot had to stop it: which channel, why, and how
 * to start it again. The channel is named by id only (`#` links are the adapter's business), and nothing in it
 * comes from users, so it cannot ping.
 */
export function renderScheduleStopped(schedule: Pick<DailySchedule, 'channelId' | 'time' | 'timeZone'>, reason: string): Reply {
  return {
    tone: 'error',
    title: 'Daily quiz stopped',
    text:
      `The daily quiz you set for ${schedule.time} ${schedule.timeZone} in channel \`${schedule.channelId}\` is stopped: ` +
      `${WHY[reason] ?? reason}. Nothing more will be posted there. ` +
      'Add me to the channel (or pick another one) and run `/daily set` there to start it again.',
  };
}
