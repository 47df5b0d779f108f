import { z } from 'zod';
import { formatLocalTime, localDateIn, parseLocalTime, saveReminder } from '../../daily/index.ts';
import { isValidTimeZone } from '../../quiz/index.ts';
import type { DailyPlatform, Reminder } from '../../store/index.ts';
import { defineCommand, type CommandRequest, type CoreServices } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { learnerOf } from '../learner.ts';
import type { Reply } from '../reply.ts';
import { NEW_CARDS_PER_DAY } from '../study/flash-cards.ts';

/** When reminders go out if the learner turns them on without a time. */
export const DEFAULT_REMINDER_TIME = '18:00';
const USAGE = '/settings [time-zone] [new-cards] [reminders:on|off] [reminder-time]';

export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'Your time zone, new cards a day and daily reminders by DM; with nothing given, shows them',
  args: z.object({
    'time-zone': z
      .string()
      .trim()
      .max(INPUT_LIMITS.name)
      .refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/Paris or America/New_York' })
      .optional()
      .describe('Your IANA time zone, e.g. "Europe/Paris"; your days and streaks follow it')
      .meta({ autocomplete: 'time-zone' }),
    'new-cards': z.number().int().min(0).max(100).optional().describe(`New cards a day in /review, 0 to 100 (default ${NEW_CARDS_PER_DAY})`),
    reminders: z.enum(['on', 'off']).optional().describe('on: a direct message at your reminder time on days cards are due (off by default)'),
    'reminder-time': z.string().trim().max(16).optional().describe(`Your local time for reminders, e.g. 18:00 or 6pm (default ${DEFAULT_REMINDER_TIME}); turns them on`),
  }),
  examples: ['/settings', '/settings time-zone:Europe/Paris', '/settings new-cards:20', '/settings reminders:on reminder-time:18:00', '/settings reminders:off'],
  run: async (args, request, services) => {
    const { store } = services;
    const learner = learnerOf(request);
    const timeZone = args['time-zone'];
    const newCardsPerDay = args['new-cards'];
    const wantsReminders = args.reminders !== undefined || args['reminder-time'] !== undefined;
    const reminderTime = args['reminder-time'] === undefined ? undefined : parseLocalTime(args['reminder-time']);
    if (reminderTime && !reminderTime.ok) {
      return describeProblem({
        code: 'invalid-argument',
        command: 'settings',
        argument: 'reminder-time',
        reason: 'is not a time: write it like 18:00, 6pm or 07:30',
        usage: USAGE,
      });
    }
    if (wantsReminders && args.reminders !== 'off' && !remindersServed(request, services)) return notHere(request);
    const changed = timeZone !== undefined || newCardsPerDay !== undefined || wantsReminders;
    if (timeZone !== undefined || newCardsPerDay !== undefined) {
      await store.saveLearnerSettings(learner.key, { ...(timeZone ? { timeZone } : {}), ...(newCardsPerDay !== undefined ? { newCardsPerDay } : {}) }, request.now);
    }
    const saved = await store.learnerSettings(learner.key);
    const zone = saved.timeZone ?? request.timeZone;
    let reminder = await store.reminders.reminder(learner.key);
    if (args.reminders === 'off') {
      if (reminder?.enabled) await store.reminders.disableReminder(learner.key, 'off');
      reminder = await store.reminders.reminder(learner.key);
    } else if (wantsReminders || (timeZone !== undefined && reminder?.enabled)) {
      // Turned on, moved, or following a new time zone: the reminder keeps the learner's zone as it is now.
      reminder = await saveReminder(
        store,
        {
          learnerKey: learner.key,
          platform: request.platform as DailyPlatform,
          userId: request.user.id,
          time: reminderTime?.ok ? formatLocalTime(reminderTime.value) : (reminder?.time ?? DEFAULT_REMINDER_TIME),
          timeZone: zone ?? 'UTC',
        },
        request.now,
      );
    }
    return {
      tone: changed ? 'success' : 'info',
      title: changed ? 'Settings saved' : 'Your settings',
      text: changed
        ? 'Your days, streaks, reminders and the new cards `/review` brings follow these from now on.'
        : 'These shape your days, your streak, your reminders and the new cards `/review` brings.',
      fields: [
        {
          name: 'Time zone',
          value: saved.timeZone ? `${saved.timeZone} (yours)` : zone ? `${zone} (from ${request.platform === 'console' ? 'this computer' : 'your profile'})` : 'UTC (not set)',
          inline: true,
        },
        {
          name: 'New cards a day',
          value: saved.newCardsPerDay !== undefined ? `${saved.newCardsPerDay} (yours)` : `${NEW_CARDS_PER_DAY} (the default)`,
          inline: true,
        },
        { name: 'Reminders', value: describeReminder(reminder, request.now, request.platform), inline: false },
      ],
      footer:
        'Change one with /settings time-zone:<zone>, new-cards:<0-100>, reminders:on|off or reminder-time:<HH:MM>. Your setting wins everywhere.',
      ephemeral: true,
    };
  },
});

/** Whether this process sends reminders on the asker's platform. */
function remindersServed(request: CommandRequest, services: CoreServices): boolean {
  return services.daily?.reminderPlatforms.includes(request.platform) === true;
}

function notHere(request: CommandRequest): Reply {
  const where = request.platform === 'console' ? 'in the console' : `on ${request.platform.charAt(0).toUpperCase()}${request.platform.slice(1)} yet`;
  return {
    tone: 'info',
    title: 'Reminders are not available here',
    text: `Daily reminders come as a direct message, which I cannot send ${where}. Nothing was changed. \`/review\` shows your due cards any time.`,
    ephemeral: true,
  };
}

/** "On: 18:00 Europe/Berlin, next on 2026-03-02 if cards are due", or why they are off. */
function describeReminder(reminder: Reminder | undefined, now: Date, platform: string): string {
  if (!reminder) return 'Off (the default). `/settings reminders:on` sends a direct message on days cards are due.';
  if (!reminder.enabled || !reminder.nextDue) {
    return reminder.disabledReason === 'dms-closed'
      ? platform === 'discord'
        ? 'Off: my direct message to you was refused. Allow direct messages from me (on Discord: the server’s Privacy Settings, Direct Messages), then `/settings reminders:on`.'
        : 'Off: my direct message to you was refused. Once you can get direct messages from me again, `/settings reminders:on`.'
      : 'Off. `/settings reminders:on` turns them on again.';
  }
  const day = reminder.nextDue.localDate === localDateIn(now, reminder.timeZone) ? 'today' : reminder.nextDue.localDate === localDateIn(new Date(now.getTime() + 86_400_000), reminder.timeZone) ? 'tomorrow' : `on ${reminder.nextDue.localDate}`;
  return `On: ${reminder.time} ${reminder.timeZone}, next ${day} if cards are due.`;
}
