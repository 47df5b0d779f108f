import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { localDate, seededRandom, startOfLocalDay } from '../../../src/quiz/index.ts';
import { checkDayStart, offsetTransitions, TIME_ZONES } from './day-boundary-property.ts';

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const HOUR = 3_600_000;

describe('the start of a learner\'s day', () => {
  test('GIVEN America/Havana the night clocks go back from 01:00 to 00:00 THEN the day starts at the first midnight', () => {
    // 2026-11-01: 00:00 CDT is 04:00 UTC; at 05:00 UTC (01:00 CDT) clocks go back to 00:00 CST.
    const firstMidnight = new Date('2026-11-01T04:00:00Z');
    expect(startOfLocalDay(new Date('2026-11-01T05:30:00Z'), 'America/Havana')).toEqual(firstMidnight);
    expect(startOfLocalDay(new Date('2026-11-01T20:00:00Z'), 'America/Havana')).toEqual(firstMidnight);
  });

  test('GIVEN a zone whose clocks skip midnight THEN the day starts when the clocks land', () => {
    // America/Santiago moves from UTC-4 to UTC-3 at local midnight on 2026-09-06: 00:00 becomes 01:00.
    expect(startOfLocalDay(new Date('2026-09-06T12:00:00Z'), 'America/Santiago')).toEqual(new Date('2026-09-06T04:00:00Z'));
    expect(localDate(new Date('2026-09-06T04:00:00Z'), 'America/Santiago')).toBe('2026-09-06');
  });

  test('GIVEN every offset transition of every IANA zone in 2026 and 2027 THEN, two hours either side, each day starts at its earliest instant', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const zone of TIME_ZONES) {
      for (const transition of offsetTransitions(zone, FROM, TO)) {
        for (let at = transition - 2 * HOUR; at <= transition + 2 * HOUR; at += 15 * 60_000) {
          const problem = checkDayStart(new Date(at), zone);
          if (problem) failures.push(problem);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(failures.slice(0, 10)).toEqual([]);
  });

  test('GIVEN sampled ordinary days in every IANA zone THEN each day starts at its earliest instant', () => {
    const random = seededRandom(29);
    const failures: string[] = [];
    for (const zone of TIME_ZONES) {
      for (let i = 0; i < 4; i++) {
        const problem = checkDayStart(new Date(FROM + Math.floor(random() * (TO - FROM))), zone);
        if (problem) failures.push(problem);
      }
    }
    expect(failures).toEqual([]);
  });

  test('GIVEN the zone list THEN it is the full IANA set the runtime knows', () => {
    expect(TIME_ZONES.length).toBeGreaterThan(300);
    expect(TIME_ZONES).toContain('America/Havana');
    expect(() => Temporal.Instant.fromEpochMilliseconds(FROM).toZonedDateTimeISO(TIME_ZONES[0]!)).not.toThrow();
  });
});
