import { z } from 'zod';
import { formatLocalTime, localDateIn, parseLocalTime, parseTimeZone, parseWeekdays, saveDailySchedule } from '../../daily/index.ts';
import type { DailyPlatform, DailySchedule } from '../../store/index.ts';
import { defineCommand, type CommandRequest, type CoreServices } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import type { Reply } from '../reply.ts';

const ACTIONS = ['status', 'set', 'off', 'now', 'reveal'] as const;
const USAGE = '/daily [status|set|off|now|reveal] [time] [timezone] [weekdays] [topics] [role] [reveal_after]';
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The words for each input a schedule refuses: one table, keyed by the parsers' codes. */
const REASONS: Record<string, string> = {
  'invalid-time': 'is not a time: write it like 09:00, 9am or 21:30',
  'time-out-of-range': 'is out of range: hours go from 0 to 23 (or 1 to 12 with am/pm), minutes from 0 to 59',
  'unknown-time-zone': 'is not a time zone I know: use an IANA name such as Europe/Berlin or America/New_York',
  'offset-not-zone': 'is a fixed offset, which would not follow daylight saving: use a zone name such as Asia/Kolkata',
  'invalid-weekdays': 'is not a list of weekdays: write mon,wed,fri, mon-fri or weekdays',
  'unknown-topics': 'names a topic I do not have: see /topics for their ids',
  'invalid-role': 'is not a role: mention it (@Role) or give its id',
  'everyone-role': 'is @everyone, which a daily post never pings: create an opt-in role for it',
  'invalid-user-group': 'is not a user group: give its handle (@study-group) or its id (S0123ABCD)',
  'unknown-user-group': 'is not a user group in this workspace: check its handle under People → User groups',
  'user-groups-unreadable':
    'cannot be checked: I lack the usergroups:read scope. Ask an admin to reinstall the app from the current manifest (docs/slack.md), or set the quiz without a group for now',
};

/** Why the bot cannot post in a Slack channel, in words; keyed by `DailyPlaceChecks.postingProblem`'s codes. */
const POSTING_PROBLEMS: Record<string, { title: string; text: string }> = {
  'not-in-channel': {
    title: 'I am not in this channel',
    text: 'A daily question is a message of my own, so I must be a member of this channel. Invite me with `/invite @Stevedore`, then run `/daily set` again.',
  },
  'not-a-channel': { title: 'Not in a direct message', text: 'A daily quiz is for a channel: run `/daily set` in the channel that should get it.' },
  'channel-unreadable': {
    title: 'I cannot check this channel',
    text: 'Slack would not tell me whether I am a member here (the app may lack the channels:read or groups:read scope; see docs/slack.md). Nothing was scheduled.',
  },
};

export const dailyCommand = defineCommand({
  name: 'daily',
  description: 'A daily quiz question in this channel at a local time: status, set, off, now or reveal',
  args: z.object({
    action: z.enum(ACTIONS).default('status').describe('status (the default), set, off, now (post one at once) or reveal (show the answer now)'),
    time: z.string().max(16).optional().describe('set: the local time to post, e.g. 09:00, 9am or 21:30'),
    timezone: z.string().max(64).optional().describe('set: an IANA time zone, e.g. Europe/Berlin (default UTC)'),
    weekdays: z.string().max(100).optional().describe('set: the days to post, e.g. mon,wed,fri or weekdays (default every day)'),
    topics: z.string().max(300).optional().describe('set: topic ids to draw from, comma-separated (default all)'),
    role: z.string().max(100).optional().describe('set: a role (Discord) or user group (Slack) to ping with each post (default none)'),
    reveal_after: z.number().int().min(1).max(24).optional().describe('set: hours until the answer is revealed (default 12)'),
  }),
  examples: ['/daily', '/daily set 09:00 Europe/Berlin', '/daily set 21:30 Asia/Kolkata mon-fri', '/daily off'],
  run: async (args, request, services) => {
    const place = placeOf(request);
    if (!place) return describeProblem({ code: 'needs-server', command: 'daily' });
    // A Slack front end started without a scheduler (tests, a process that only answers) says so plainly, rather
    // than a status or a permission check that would suggest a schedule could be kept here.
    if (place.platform !== 'discord' && !services.daily?.platforms.includes(place.platform)) return notRunningHere(place.platform);
    const current = await services.store.daily.schedule(place.platform, place.channelId);
    if (args.action !== 'status' && !mayChangeSchedule(request, current)) {
      const permission = place.platform === 'slack' ? 'workspace-admin-or-setter' : 'manage-server';
      return describeProblem({ code: 'needs-permission', command: `daily ${args.action}`, permission });
    }
    switch (args.action) {
      case 'status':
        return status(current, request.now, place.platform);
      case 'set':
        return set(args, place, request, services);
      case 'off':
        if (!current?.enabled) return info('No daily quiz here', 'This channel has no daily quiz to stop.');
        await services.store.daily.disableSchedule(place.platform, place.channelId, 'off');
        return info('Daily quiz stopped', 'No more daily questions in this channel. `/daily set` starts them again.');
      case 'now':
        return postNow(current, services);
      case 'reveal': {
        const revealed = await services.store.daily.revealBy(place.platform, place.channelId, request.now);
        if (revealed === 0) return info('Nothing to reveal', 'The latest daily question here is revealed already, or there is none.');
        services.daily?.wake();
        return info('Revealing', 'The answer goes up on the latest daily question in a moment.', true);
      }
    }
  },
});

type Place = { platform: DailyPlatform; channelId: string; serverId: string };
type DailyArgs = { time?: string | undefined; timezone?: string | undefined; weekdays?: string | undefined; topics?: string | undefined; role?: string | undefined; reveal_after?: number | undefined };

/**
 * Who may change a channel's schedule: on Discord whoever has Manage Server; on Slack a workspace admin or
 * owner (the adapter reports it as `canManageServer`), or whoever set the schedule there.
 */
function mayChangeSchedule(request: CommandRequest, current: DailySchedule | undefined): boolean {
  if (request.canManageServer === true) return true;
  return request.platform === 'slack' && current?.setBy === `slack:${request.user.id}`;
}

function placeOf(request: CommandRequest): Place | undefined {
  if (request.platform === 'console' || !request.serverId || !request.channelId) return undefined;
  return { platform: request.platform, channelId: request.channelId, serverId: request.serverId };
}

async function set(args: DailyArgs, place: Place, request: CommandRequest, services: CoreServices): Promise<Reply> {
  if (!services.daily?.platforms.includes(place.platform)) {
    return info('Not available here yet', `Daily quiz posts are not built for ${place.platform} yet.`);
  }
  if (request.missingPostPermissions?.length) {
    return {
      tone: 'error',
      title: 'I cannot post in this channel',
      text: `A daily question is a message of my own, and here I lack: **${request.missingPostPermissions.join(', ')}**. Grant them to my role in this channel's settings, then run \`/daily set\` again.`,
    };
  }
  const checks = services.dailyChecks;
  const postingProblem = checks && (await checks.postingProblem(place.channelId));
  if (postingProblem) return { tone: 'error', ...POSTING_PROBLEMS[postingProblem]!, ephemeral: true };
  if (!args.time) return describeProblem({ code: 'missing-argument', command: 'daily', argument: 'time', usage: USAGE });
  const refuse = (argument: string, code: string) => describeProblem({ code: 'invalid-argument', command: 'daily set', argument, reason: REASONS[code]!, usage: USAGE });
  const time = parseLocalTime(args.time);
  if (!time.ok) return refuse('time', time.code);
  const zone = parseTimeZone(args.timezone ?? 'UTC');
  if (!zone.ok) return refuse('timezone', zone.code);
  const weekdays = args.weekdays ? parseWeekdays(args.weekdays) : { ok: true as const, value: [] };
  if (!weekdays.ok) return refuse('weekdays', weekdays.code);
  const topics = (args.topics ?? '').split(/[\s,]+/).filter(Boolean);
  if (topics.some((id) => services.deck.questionsOf(id).length === 0)) return refuse('topics', 'unknown-topics');
  let roleId: string | undefined;
  if (args.role && checks) {
    // Slack: a user group, looked up by the platform.
    const group = await checks.resolvePingGroup(args.role.trim());
    if (!group.ok) return refuse('role', group.code);
    roleId = group.id;
  } else if (args.role) {
    roleId = /^(?:<@&)?(\d{17,20})>?$/.exec(args.role.trim())?.[1];
    if (!roleId) return refuse('role', 'invalid-role');
  }
  // The @everyone role has the server's id; mentioning it would ping the whole server.
  if (roleId === place.serverId) return refuse('role', 'everyone-role');
  const schedule = await saveDailySchedule(
    services.store,
    {
      ...place,
      time: formatLocalTime(time.value),
      timeZone: zone.value,
      weekdays: [...weekdays.value],
      topics,
      ...(roleId ? { roleId } : {}),
      revealAfterMinutes: (args.reveal_after ?? 12) * 60,
      setBy: `${request.platform}:${request.user.id}`,
    },
    request.now,
  );
  return { ...status(schedule, request.now, place.platform), title: 'Daily quiz set' };
}

async function postNow(current: DailySchedule | undefined, services: CoreServices): Promise<Reply> {
  if (!current?.enabled) return info('No daily quiz here', 'Set one first with `/daily set`.');
  if (!services.daily?.platforms.includes(current.platform)) return info('Not available here yet', 'This process does not post daily questions.');
  const outcome = await services.daily.postNow(current);
  if (!outcome) return info('No question to post', 'No question matches the schedule’s topics.');
  if (outcome.status === 'sent') return info('Posted', 'An extra question is up. It does not replace the day’s post.', true);
  return info('Could not post', outcome.status === 'channel-unavailable' ? 'I may not post in this channel: check my permissions here.' : 'The platform did not take the post. Try again in a moment.', true);
}

/** `/daily status`: the schedule, and the next post in the channel's zone and from now. */
function status(schedule: DailySchedule | undefined, now: Date, platform: DailyPlatform): Reply {
  const managers = platform === 'slack' ? 'A workspace admin' : 'Someone with Manage Server';
  if (!schedule) return info('No daily quiz here', `${managers} can start one: \`/daily set 09:00 Europe/Berlin\`.`);
  if (!schedule.enabled || !schedule.nextDue) {
    const why = schedule.disabledReason === 'off' ? 'it was turned off' : `it stopped (${schedule.disabledReason ?? 'unknown reason'})`;
    return info('Daily quiz stopped', `The daily quiz here is not running: ${why}. \`/daily set\` starts it again.`);
  }
  const days = schedule.weekdays.length === 0 ? 'every day' : schedule.weekdays.map((d) => WEEKDAY_NAMES[d - 1]).join(', ');
  const lines = [
    `**When:** ${schedule.time} ${schedule.timeZone}, ${days}`,
    `**Next:** ${whenFromNow(schedule.nextDue, schedule.timeZone, now)}`,
    `**Topics:** ${schedule.topics.length === 0 ? 'all' : schedule.topics.join(', ')}`,
    `**Answer revealed:** ${schedule.revealAfterMinutes / 60} hours after the post, or before the next one`,
    // On Slack the group is named by its id: a mention there would ping it.
    ...(schedule.roleId ? [platform === 'slack' ? `**Pings:** the user group \`${schedule.roleId}\`` : `**Pings:** <@&${schedule.roleId}>`] : []),
  ];
  return { tone: 'info', title: 'Daily quiz', text: lines.join('\n') };
}

/** "tomorrow at 09:00 Europe/Berlin, in 14 hours". */
function whenFromNow(next: { at: Date; localDate: string }, timeZone: string, now: Date): string {
  const today = localDateIn(now, timeZone);
  const tomorrow = localDateIn(new Date(now.getTime() + 86_400_000), timeZone);
  const day = next.localDate === today ? 'today' : next.localDate === tomorrow ? 'tomorrow' : `on ${next.localDate}`;
  const minutes = Math.max(0, Math.round((next.at.getTime() - now.getTime()) / 60_000));
  const wait = minutes < 60 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(minutes / 60)} hour${Math.round(minutes / 60) === 1 ? '' : 's'}`;
  const local = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next.at);
  return `${day} at ${local} ${timeZone}, in ${wait}`;
}

function notRunningHere(platform: DailyPlatform): Reply {
  const name = platform.charAt(0).toUpperCase() + platform.slice(1);
  return {
    tone: 'info',
    title: 'Daily posts are not running here',
    text:
      `This bot process does not post daily questions on ${name}, so nothing was scheduled or changed. ` +
      'Meanwhile `/review` brings your due cards each day, and `/quiz mcq` a multiple-choice question.',
    ephemeral: true,
  };
}

function info(title: string, text: string, ephemeral = false): Reply {
  return { tone: 'info', title, text, ...(ephemeral ? { ephemeral: true } : {}) };
}
