import type { DailySchedule, Store } from '../store/index.ts';
import { nextPostAt } from './next-post-at.ts';
import { parseLocalTime } from './parse-local-time.ts';

/** A schedule as `/daily set` gives it: everything but what the Store works out. */
export type DailyScheduleSettings = Omit<DailySchedule, 'enabled' | 'disabledReason' | 'nextDue' | 'lastPostedDate'>;

/**
 * Saves a channel's schedule with its next post computed from `now`, never on a local date already posted (a
 * schedule changed after today's post waits for tomorrow). Resolves to the saved schedule.
 */
export async function saveDailySchedule(store: Store, settings: DailyScheduleSettings, now: Date): Promise<DailySchedule> {
  const time = parseLocalTime(settings.time);
  if (!time.ok) throw new RangeError(`saveDailySchedule: ${settings.time} is not a time (parse it first)`);
  const earlier = await store.daily.schedule(settings.platform, settings.channelId);
  const next = nextPostAt({ time: time.value, timeZone: settings.timeZone, weekdays: settings.weekdays }, now, earlier?.lastPostedDate);
  const schedule: DailySchedule = {
    ...settings,
    enabled: true,
    nextDue: next,
    ...(earlier?.lastPostedDate ? { lastPostedDate: earlier.lastPostedDate } : {}),
  };
  await store.daily.saveSchedule(schedule, now);
  return schedule;
}
