import type { Reminder, Store } from '../store/index.ts';
import { nextPostAt } from './next-post-at.ts';
import { parseLocalTime } from './parse-local-time.ts';

/** A reminder as `/settings` gives it: everything but what the Store works out. */
export type ReminderSettings = Pick<Reminder, 'learnerKey' | 'platform' | 'userId' | 'time' | 'timeZone'>;

/**
 * Turns a learner's reminder on (or moves it) with its next date computed from `now`, never on a local date
 * already done, so turning reminders off and on again after today's does not remind twice today. `time` must be
 * `HH:MM` (from `formatLocalTime`) and `timeZone` an IANA zone. Resolves to the saved reminder.
 */
export async function saveReminder(store: Store, settings: ReminderSettings, now: Date): Promise<Reminder> {
  const time = parseLocalTime(settings.time);
  if (!time.ok) throw new RangeError(`saveReminder: ${settings.time} is not a time (parse it first)`);
  const earlier = await store.reminders.reminder(settings.learnerKey);
  const reminder: Reminder = {
    ...settings,
    enabled: true,
    nextDue: nextPostAt({ time: time.value, timeZone: settings.timeZone }, now, earlier?.lastDoneDate),
    ...(earlier?.lastDoneDate ? { lastDoneDate: earlier.lastDoneDate } : {}),
  };
  await store.reminders.saveReminder(reminder, now);
  return reminder;
}
