import { Temporal } from 'temporal-polyfill';
import type { ParseResult } from './parse-result.ts';

/**
 * Why a time zone was refused: `offset-not-zone` for a fixed offset (`+05:30`, `UTC+2`), which would not
 * follow daylight saving, `unknown-time-zone` for anything the IANA database does not name.
 */
export type TimeZoneProblem = 'unknown-time-zone' | 'offset-not-zone';

/** IANA names are at most about 30 characters; longer input is refused before any lookup. */
const MAX_ZONE_LENGTH = 64;

/**
 * Validates an IANA time zone (`Europe/Berlin`, `asia/kolkata`, `UTC`) and returns its canonical spelling, as
 * Temporal reports it (`Europe/Berlin`; links such as `Asia/Calcutta` keep their own name). Surrounding spaces
 * are ignored and spaces inside become underscores (`America/New York`). At most 64 characters.
 */
export function parseTimeZone(text: string): ParseResult<string, TimeZoneProblem> {
  const wanted = text.trim().replace(/\s+/g, '_');
  if (wanted.length === 0 || wanted.length > MAX_ZONE_LENGTH) return { ok: false, code: 'unknown-time-zone' };
  if (/^(?:utc|gmt)?\s*[+-−]\d/i.test(wanted)) return { ok: false, code: 'offset-not-zone' };
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(wanted)) return { ok: false, code: 'unknown-time-zone' };
  try {
    return { ok: true, value: Temporal.Now.zonedDateTimeISO(wanted).timeZoneId };
  } catch {
    return { ok: false, code: 'unknown-time-zone' };
  }
}
