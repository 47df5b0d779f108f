/** The calendar date (`YYYY-MM-DD`) at `at` in an IANA time zone; UTC when the zone is unknown or invalid. */
export function localDate(at: Date, timeZone = 'UTC'): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** Whether `timeZone` is one `Intl` knows, such as `Europe/Paris`. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

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

/** The start of the learner's current day, as an instant: for "new cards introduced today". */
export function startOfLocalDay(at: Date, timeZone = 'UTC'): Date {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const guess = new Date(at.getTime() - msSinceLocalMidnight(at, zone));
  // On a day the clocks change, the guess is an hour off midnight; one correction lands on it.
  const drift = msSinceLocalMidnight(guess, zone);
  if (drift === 0) return guess;
  const sameDay = localDate(guess, zone) === localDate(at, zone);
  return new Date(sameDay ? guess.getTime() - drift : guess.getTime() + (DAY_MS - drift));
}

const DAY_MS = 86_400_000;

function msSinceLocalMidnight(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + at.getUTCMilliseconds();
}
