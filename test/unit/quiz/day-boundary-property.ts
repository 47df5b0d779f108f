import { Temporal } from 'temporal-polyfill';
import { startOfLocalDay } from '../../../src/quiz/index.ts';

// The day-boundary property, checked against the platform's own calendar (Intl) rather than a second
// implementation: the start of a learner's day is the earliest instant whose local date is that day.

/** Every IANA time zone the runtime knows. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date at `ms` in `zone`, as Intl (ICU's copy of the IANA database) says. */
export function intlDate(ms: number, zone: string): string {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, format);
  }
  return format.format(ms);
}

/** The instants in [from, to) at which `zone` changes its UTC offset. */
export function offsetTransitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  let zoned: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  while ((zoned = zoned.getTimeZoneTransition('next')) && zoned.epochMilliseconds < to) found.push(zoned.epochMilliseconds);
  return found;
}

const checked = new Map<string, string | undefined>();

/**
 * Whether `startOfLocalDay(at, zone)` is the earliest instant whose local date is the date at `at`: it has
 * that date, the millisecond before it has another, and no earlier instant has it: none in the 30 hours
 * before, sampled every 15 minutes (today's offsets are whole quarter hours) and on either side of each
 * offset change there (an earlier stretch of the same date must begin or end at one). Undefined when it
 * holds; a description otherwise.
 */
export function checkDayStart(at: Date, zone: string): string | undefined {
  const day = intlDate(at.getTime(), zone);
  const start = startOfLocalDay(at, zone).getTime();
  if (start > at.getTime()) return `${zone} at ${at.toISOString()}: the day's start ${new Date(start).toISOString()} is later`;
  const key = `${zone} ${day} ${start}`;
  if (checked.has(key)) return checked.get(key);
  let problem: string | undefined;
  if (intlDate(start, zone) !== day) problem = `has the date ${intlDate(start, zone)}`;
  else if (intlDate(start - 1, zone) === day) problem = 'is not where the date begins';
  else {
    const from = Math.floor((start - 30 * 60 * MINUTE) / (15 * MINUTE)) * 15 * MINUTE;
    const samples: number[] = [];
    for (let t = from; t < start - 1; t += 15 * MINUTE) samples.push(t);
    for (const t of offsetTransitions(zone, from, start)) samples.push(t - 1, t);
    for (const t of samples) {
      if (t < start && intlDate(t, zone) === day) {
        problem = `the date already began at ${new Date(t).toISOString()}`;
        break;
      }
    }
  }
  checked.set(key, problem && `${zone} at ${at.toISOString()}: the day's start ${new Date(start).toISOString()} ${problem}`);
  return checked.get(key);
}
