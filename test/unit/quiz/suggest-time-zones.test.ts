import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { isValidTimeZone, KNOWN_TIME_ZONES, offsetAt, RENAMED_TIME_ZONES, suggestTimeZones, TimeZoneOffsets } from '../../../src/quiz/index.ts';

/** The offset table as `TimeZoneOffsets` builds it, computed at once for a fixed instant. */
function offsetsAt(iso: string): Map<string, string> {
  const instant = Temporal.Instant.from(iso);
  return new Map(KNOWN_TIME_ZONES.map(({ zone }) => [zone, offsetAt(instant, zone)]));
}
const WINTER = offsetsAt('2026-01-15T12:00:00Z');
const SUMMER = offsetsAt('2026-07-15T12:00:00Z');
const zones = (typed: string, offsets = WINTER, limit = 25) => suggestTimeZones(typed, limit, offsets).map((s) => s.zone);

describe('suggestTimeZones', () => {
  test.each([
    ['paris', 'Europe/Paris'],
    ['new york', 'America/New_York'],
    ['america/hav', 'America/Havana'],
    ['Asia/Tok', 'Asia/Tokyo'],
    ['berlin', 'Europe/Berlin'],
    ['kolkata', 'Asia/Kolkata'],
    ['calcutta', 'Asia/Kolkata'],
    ['kathmandu', 'Asia/Kathmandu'],
    ['kyiv', 'Europe/Kyiv'],
    ['utc', 'UTC'],
  ])('GIVEN %s typed THEN %s is suggested first', (typed, zone) => {
    expect(zones(typed)[0]).toBe(zone);
  });

  test('GIVEN an offset typed THEN the zones at that offset now, with it shown, whole hours before half hours', () => {
    expect(zones('+05:30')).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Colombo']));
    expect(suggestTimeZones('+05:30', 25, WINTER).every((s) => s.offset === '+05:30')).toBe(true);
    expect(zones('+0545')).toEqual(['Asia/Kathmandu']);
    expect(zones('utc+5:45')).toEqual(['Asia/Kathmandu']);
    const five = suggestTimeZones('+5', 25, WINTER).map((s) => s.offset);
    expect(five).toContain('+05:00');
    expect(five).toContain('+05:30');
    expect(five.indexOf('+05:30')).toBeGreaterThan(five.lastIndexOf('+05:00'));
    expect(zones('+14')).toContain('Pacific/Kiritimati');
    expect(zones('−03:30')).toContain('America/St_Johns');
  });

  test('GIVEN UTC+2 typed in winter and in summer THEN the zones follow daylight saving', () => {
    expect(zones('UTC+2', WINTER)).toContain('Africa/Cairo');
    expect(zones('UTC+2', WINTER, 100)).not.toContain('Europe/Berlin');
    expect(zones('UTC+2', SUMMER, 100)).toContain('Europe/Berlin');
    expect(zones('gmt+1', WINTER, 100)).toContain('Europe/Berlin');
    expect(zones('+0', WINTER, 100)).toEqual(expect.arrayContaining(['UTC', 'Europe/London']));
  });

  test('GIVEN nothing, nonsense or hostile text THEN at most the limit, all valid zones, quickly', () => {
    for (const typed of ['', '+99', '+05:75', 'zzzz', '@everyone', '<@&1300000000000000001>', '../../etc', '+'.repeat(100), 'a '.repeat(50)]) {
      const found = suggestTimeZones(typed, 25, WINTER);
      expect(found.length).toBeLessThanOrEqual(25);
      expect(found.every((s) => isValidTimeZone(s.zone))).toBe(true);
    }
    expect(zones('')).toHaveLength(25);
    expect(zones('+99')).toEqual([]);
    expect(zones('zzzz')).toEqual([]);
    const started = performance.now();
    for (let i = 0; i < 50; i++) suggestTimeZones('a b c d e', 25, WINTER);
    // Fifty worst-case lookups (every zone scanned for several words) well under a second, even on a busy machine.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('GIVEN the renamed zones THEN each new name is a zone Temporal knows and is listed once, the old one found through it', () => {
    for (const [, current] of RENAMED_TIME_ZONES) expect(isValidTimeZone(current)).toBe(true);
    const names = KNOWN_TIME_ZONES.map((z) => z.zone);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('Asia/Calcutta');
    expect(names.every(isValidTimeZone)).toBe(true);
  });
});

describe('TimeZoneOffsets', () => {
  test('GIVEN a first use THEN it answers at once with what it has and completes in slices, then serves that hour without work', async () => {
    const table = new TimeZoneOffsets();
    const now = new Date('2026-07-15T12:20:00Z');
    const first = table.current(now);
    // Sliced: the first call does not compute all ~420 zones before returning.
    expect(first.size).toBeLessThan(KNOWN_TIME_ZONES.length);
    await table.ready(now);
    const full = table.current(now);
    expect(full.size).toBe(KNOWN_TIME_ZONES.length);
    expect(full.get('Europe/Berlin')).toBe('+02:00');
    expect(full.get('Asia/Kolkata')).toBe('+05:30');
    expect(table.current(new Date('2026-07-15T12:59:00Z'))).toBe(full);
    // A new hour: the old table is served until the refresh is done.
    const later = new Date('2026-12-15T12:00:00Z');
    expect(table.current(later).get('Europe/Berlin')).toBe('+02:00');
    await table.ready(later);
    expect(table.current(later).get('Europe/Berlin')).toBe('+01:00');
  });
});
