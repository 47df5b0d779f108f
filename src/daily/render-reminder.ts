import { encodeAction } from '../core/action-id.ts';
import type { Reply } from '../core/reply.ts';

/**
 * The reminder a learner gets by direct message: how many cards are due, and a button that starts `/review`.
 * `dueCards` is at least 1 (no reminder is sent when nothing is due).
 */
export function renderReminder(dueCards: number, time: string, timeZone: string): Reply {
  const cards = dueCards === 1 ? '1 card is' : `${dueCards} cards are`;
  return {
    tone: 'info',
    title: 'Time to review',
    text: `${cards} due for review. A few minutes now keeps them fresh; spaced repetition works best on time.`,
    actions: [[{ id: encodeAction({ action: 'review' }), label: 'Review now', style: 'primary' }]],
    footer: `Your daily reminder at ${time} ${timeZone}. /settings reminders:off stops them.`,
  };
}
