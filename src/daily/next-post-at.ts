import { Temporal } from 'temporal-polyfill';
import type { LocalTime } from './parse-local-time.ts';
import type { Weekdays } from './parse-weekdays.ts';

/** When a daily post happens, in the channel's own terms. */
export interface DailyTiming {
  time: LocalTime;
  /** An IANA time zone, validated by `parseTimeZone`. */
  timeZone: string;
  /** ISO weekdays (1 Monday … 7 Sunday) to post on; every day when absent or empty. */
  weekdays?: Weekdays;
}

/** One scheduled post: the instant, and the local date it belongs to (one post per local date). */
export interface PostSlot {
  at: Date;
  /** `YYYY-MM-DD` in the schedule's zone. */
  localDate: string;
}

/** Looking further than this many local dates means no weekday matched, which `parseWeekdays` prevents. */
const MAX_DAYS_AHEAD = 14;

/**
 * The first post strictly after `after`, and strictly after `afterLocalDate` when given (the local date last
 * posted, so a schedule changed after today's post does not post again today).
 *
 * Each local date gives exactly one instant: the local time on that date, resolved with Temporal's
 * `compatible` disambiguation. A time that a spring-forward skips (02:30 in Europe/Berlin on the last Sunday
 * of March) moves forward by the gap (03:30); a time that a fall-back repeats is the earlier of the two. So a
 * 09:00 post stays at 09:00 local across every change, is never skipped and never happens twice. A date that a
 * zone skipped altogether (Pacific/Apia, 2011-12-30) resolves into the next date and is posted once, as that
 * date. Time-zone rules are the IANA database of the runtime's `Intl`, through temporal-polyfill.
 */
export function nextPostAt(timing: DailyTiming, after: Date, afterLocalDate?: string): PostSlot {
  const afterInstant = Temporal.Instant.fromEpochMilliseconds(after.getTime());
  let date = afterInstant.toZonedDateTimeISO(timing.timeZone).toPlainDate();
  for (let i = 0; i <= MAX_DAYS_AHEAD; i++, date = date.add({ days: 1 })) {
    if (timing.weekdays?.length && !timing.weekdays.includes(date.dayOfWeek)) continue;
    const zoned = Temporal.ZonedDateTime.from(
      { timeZone: timing.timeZone, year: date.year, month: date.month, day: date.day, ...timing.time },
      { disambiguation: 'compatible' },
    );
    const localDate = zoned.toPlainDate().toString();
    if (Temporal.Instant.compare(zoned.toInstant(), afterInstant) <= 0) continue;
    if (afterLocalDate !== undefined && localDate <= afterLocalDate) continue;
    return { at: new Date(zoned.epochMilliseconds), localDate };
  }
  throw new RangeError(`No post within ${MAX_DAYS_AHEAD} days for weekdays ${JSON.stringify(timing.weekdays)}`);
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateIn(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
