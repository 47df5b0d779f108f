import { Temporal } from 'temporal-polyfill';

// Local dates and day starts come from Temporal (through temporal-polyfill until Node ships it): its time
// zone rules are the IANA database Node's Intl carries, and `startOfDay` resolves a midnight that a
// daylight-saving change skips or repeats to the earliest instant of the day. One library for the project:
// see docs/learning.md, "Time zones".

/** The calendar date (`YYYY-MM-DD`) at `at` in an IANA time zone; UTC when the zone is unknown or invalid. */
export function localDate(at: Date, timeZone = 'UTC'): string {
  return zonedAt(at, timeZone).toPlainDate().toString();
}

/** Whether `timeZone` is an IANA time zone, such as `Europe/Paris` (offsets such as `+02:00` are not). */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

// Zones seen valid, so the check costs one lookup after the first time (at most the few hundred IANA names).
const knownZones = new Set<string>(['UTC']);

export interface Streak {
  /** Consecutive study days ending today, or yesterday when today has not been studied yet. */
  current: number;
  best: number;
}

/** The study streak from a learner's study dates (any order) as seen on their `today`. */
export function studyStreak(studyDates: readonly string[], today: string): Streak {
  const days = [...new Set(studyDates)].map(dayNumber).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (const [i, day] of days.entries()) {
    run = i > 0 && day === days[i - 1]! + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  const last = days.at(-1);
  const todayNumber = dayNumber(today);
  const alive = last !== undefined && todayNumber - last <= 1;
  return { current: alive ? run : 0, best };
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The start of the learner's current day, as an instant: the earliest instant whose local date in
 * `timeZone` is the local date at `at` (for "new cards introduced today"). Where a daylight-saving change
 * repeats midnight (America/Havana, 2026-11-01) that is the first midnight; where it skips midnight, the
 * first instant after the gap. UTC when the zone is unknown or invalid.
 */
export function startOfLocalDay(at: Date, timeZone = 'UTC'): Date {
  return new Date(zonedAt(at, timeZone).startOfDay().epochMilliseconds);
}

function zonedAt(at: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(isValidTimeZone(timeZone) ? timeZone : 'UTC');
}
