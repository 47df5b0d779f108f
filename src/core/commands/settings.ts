import { z } from 'zod';
import { isValidTimeZone } from '../../quiz/index.ts';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { learnerOf } from '../learner.ts';
import { NEW_CARDS_PER_DAY } from '../study/flash-cards.ts';

export const settingsCommand = defineCommand({
  name: 'settings',
  description: 'Your time zone and how many new cards a day /review brings; with nothing given, shows them',
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
  }),
  examples: ['/settings', '/settings time-zone:Europe/Paris', '/settings new-cards:20'],
  run: async (args, request, { store }) => {
    const learner = learnerOf(request);
    const timeZone = args['time-zone'];
    const newCardsPerDay = args['new-cards'];
    const changed = timeZone !== undefined || newCardsPerDay !== undefined;
    if (changed) {
      await store.saveLearnerSettings(learner.key, { ...(timeZone ? { timeZone } : {}), ...(newCardsPerDay !== undefined ? { newCardsPerDay } : {}) }, request.now);
    }
    const saved = await store.learnerSettings(learner.key);
    const zone = saved.timeZone ?? request.timeZone;
    return {
      tone: changed ? 'success' : 'info',
      title: changed ? 'Settings saved' : 'Your settings',
      text: changed
        ? 'Your days, streaks and the new cards `/review` brings follow these from now on.'
        : 'These shape your days, your streak and the new cards `/review` brings.',
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
      ],
      footer: 'Change one with /settings time-zone:<zone> or /settings new-cards:<0-100>. Your setting wins everywhere.',
      ephemeral: true,
    };
  },
});
