import type { ParseResult } from './parse-result.ts';

/** ISO weekday numbers, 1 Monday … 7 Sunday, ascending and without repeats. */
export type Weekdays = readonly number[];

const NAMES: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const MAX_WEEKDAYS_LENGTH = 100;

/**
 * Reads chosen weekdays: `mon,wed,fri`, `Monday Tuesday`, `mon-fri` (a range, which may wrap: `fri-mon`),
 * `weekdays` (Monday to Friday), `weekends`, `daily`/`every day`. Names may be written in full or by their first
 * three letters, in any case. At most 100 characters; anything else is `invalid-weekdays`.
 */
export function parseWeekdays(text: string): ParseResult<Weekdays, 'invalid-weekdays'> {
  const wanted = text.trim().toLowerCase();
  if (wanted.length > MAX_WEEKDAYS_LENGTH) return { ok: false, code: 'invalid-weekdays' };
  if (['daily', 'every day', 'everyday', 'all'].includes(wanted)) return { ok: true, value: [1, 2, 3, 4, 5, 6, 7] };
  if (wanted === 'weekdays') return { ok: true, value: [1, 2, 3, 4, 5] };
  if (wanted === 'weekends') return { ok: true, value: [6, 7] };
  const days = new Set<number>();
  for (const part of wanted.split(/[\s,;]+/).filter(Boolean)) {
    const [from, to, extra] = part.split('-').map(dayNumber);
    if (extra !== undefined || from === undefined || Number.isNaN(from) || (to !== undefined && Number.isNaN(to))) {
      return { ok: false, code: 'invalid-weekdays' };
    }
    for (let day = from; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === (to ?? from)) break;
    }
  }
  if (days.size === 0) return { ok: false, code: 'invalid-weekdays' };
  return { ok: true, value: [...days].sort((a, b) => a - b) };
}

function dayNumber(word: string): number {
  const key = word.slice(0, 3);
  const full = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][(NAMES[key] ?? 0) - 1];
  return NAMES[key] !== undefined && full!.startsWith(word) && word.length >= 3 ? NAMES[key] : Number.NaN;
}
