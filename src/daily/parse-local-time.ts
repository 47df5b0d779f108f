import type { ParseResult } from './parse-result.ts';

/** A wall-clock time of day, minutes precision. */
export interface LocalTime {
  /** 0–23. */
  hour: number;
  /** 0–59. */
  minute: number;
}

/** Why a time of day was refused: not a time at all, or an hour or minute out of range (`25:00`, `13pm`). */
export type LocalTimeProblem = 'invalid-time' | 'time-out-of-range';

/** How much of the input is read; longer input is refused as not a time. */
const MAX_TIME_LENGTH = 16;

/**
 * Reads a time of day as people type it: `09:00`, `9:00`, `21:30`, `9am`, `9 AM`, `9:30pm`, `12am` (midnight),
 * `12pm` (noon), `9` (09:00), `9.30`. At most 16 characters; anything else is `invalid-time`.
 */
export function parseLocalTime(text: string): ParseResult<LocalTime, LocalTimeProblem> {
  if (text.length > MAX_TIME_LENGTH) return { ok: false, code: 'invalid-time' };
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!match) return { ok: false, code: 'invalid-time' };
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.toLowerCase().replaceAll('.', '');
  if (minute > 59) return { ok: false, code: 'time-out-of-range' };
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, code: 'time-out-of-range' };
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return { ok: false, code: 'time-out-of-range' };
  }
  return { ok: true, value: { hour, minute } };
}

/** `HH:MM`, the form a schedule stores and shows. */
export function formatLocalTime(time: LocalTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
