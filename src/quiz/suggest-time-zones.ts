import { KNOWN_TIME_ZONES, type UtcOffset } from './time-zone-offsets.ts';

/** A suggested zone, with its current UTC offset when the offset table has it. */
export interface ZoneSuggestion {
  zone: string;
  offset?: UtcOffset;
}

/** `+5`, `+05:30`, `UTC+2`, `gmt-3`, `−0330`: an offset typed the ways people write one. */
const OFFSET = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * Up to `limit` IANA time zones for what someone has typed so far, for `/settings time-zone` and `/daily set
 * timezone` alike:
 * - an offset (`+05:30`, `UTC+2`, `-3`) gives the zones at that offset now, from `offsets` (the table of
 *   `TimeZoneOffsets`); with hours only, the zones on the whole hour first, then those at that hour and some
 *   minutes (`+5` offers +05:00, then +05:30 and +05:45);
 * - anything else matches names: zones whose name starts with it first (`america/new`), then those in which
 *   every typed word starts a part of the name or of an older name (`new york`, `berlin`, `kolkata`, `calcutta`);
 * - nothing typed gives the first zones in alphabetical order.
 * `typed` is bounded by the caller (`INPUT_LIMITS.completionPrefix`); the work is linear in the ~420 zones.
 */
export function suggestTimeZones(typed: string, limit: number, offsets: ReadonlyMap<string, UtcOffset> = new Map()): ZoneSuggestion[] {
  const wanted = typed.trim().toLowerCase().replaceAll('−', '-').replace(/\s+/g, '_');
  const withOffset = (zone: string): ZoneSuggestion => {
    const offset = offsets.get(zone);
    return offset === undefined ? { zone } : { zone, offset };
  };
  const offset = OFFSET.exec(wanted.replaceAll('_', ''));
  if (offset) return byOffset(offset, offsets).slice(0, limit).map(withOffset);
  const words = wanted.split(/[^a-z0-9+-]+/).filter(Boolean);
  if (words.length === 0) return KNOWN_TIME_ZONES.slice(0, limit).map((z) => withOffset(z.zone));
  const prefixed = KNOWN_TIME_ZONES.filter((z) => z.keys.some((key) => key.startsWith(wanted)));
  const parts = (key: string) => key.split(/[/_-]/);
  const matching = KNOWN_TIME_ZONES.filter((z) => !prefixed.includes(z) && z.keys.some((key) => words.every((w) => parts(key).some((p) => p.startsWith(w)))));
  return [...prefixed, ...matching].slice(0, limit).map((z) => withOffset(z.zone));
}

/** Zones at the typed offset: exact matches, then (hours only) the same hour with minutes; `Etc/` zones last. */
function byOffset([, sign, hours, minutes]: RegExpExecArray, offsets: ReadonlyMap<string, UtcOffset>): string[] {
  if (Number(hours) > 14 || (minutes !== undefined && Number(minutes) > 59)) return [];
  // Temporal writes a zero offset as +00:00, whichever sign was typed.
  const hour = `${Number(hours) === 0 && Number(minutes ?? 0) === 0 ? '+' : sign}${hours!.padStart(2, '0')}`;
  const exact = `${hour}:${minutes ?? '00'}`;
  const rank = (at: UtcOffset) => (at === exact ? 0 : minutes === undefined && at.startsWith(`${hour}:`) ? 1 : -1);
  return KNOWN_TIME_ZONES.map((z) => ({ zone: z.zone, rank: rank(offsets.get(z.zone) ?? '') }))
    .filter((z) => z.rank >= 0)
    .sort((a, b) => a.rank - b.rank || Number(a.zone.startsWith('Etc/')) - Number(b.zone.startsWith('Etc/')) || a.zone.localeCompare(b.zone))
    .map((z) => z.zone);
}
