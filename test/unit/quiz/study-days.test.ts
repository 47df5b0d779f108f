import { describe, expect, test } from 'vitest';
import { isValidTimeZone, localDate, startOfLocalDay, studyStreak } from '../../../src/quiz/index.ts';

describe('localDate', () => {
  test('GIVEN 23:30 UTC THEN it is already tomorrow in Tokyo and still today in New York', () => {
    const at = new Date('2026-03-01T23:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-03-01');
    expect(localDate(at, 'Asia/Tokyo')).toBe('2026-03-02');
    expect(localDate(at, 'America/New_York')).toBe('2026-03-01');
  });

  test('GIVEN an unknown time zone THEN the UTC date is used', () => {
    expect(localDate(new Date('2026-03-01T23:30:00Z'), 'Mars/Olympus')).toBe('2026-03-01');
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
  });
});

describe('startOfLocalDay', () => {
  test('GIVEN a time zone with a half-hour offset THEN the day starts at its local midnight', () => {
    expect(startOfLocalDay(new Date('2026-03-01T20:00:00Z'), 'Asia/Kolkata')).toEqual(new Date('2026-03-01T18:30:00Z'));
  });

  test('GIVEN the day daylight-saving time starts THEN the day still starts at local midnight', () => {
    // Europe/Paris moves from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026.
    expect(startOfLocalDay(new Date('2026-03-29T15:00:00Z'), 'Europe/Paris')).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(startOfLocalDay(new Date('2026-03-30T15:00:00Z'), 'Europe/Paris')).toEqual(new Date('2026-03-29T22:00:00Z'));
  });
});

describe('studyStreak', () => {
  test('GIVEN study on three days in a row up to today THEN the streak is three', () => {
    expect(studyStreak(['2026-03-03', '2026-03-02', '2026-03-01'], '2026-03-03')).toEqual({ current: 3, best: 3 });
  });

  test('GIVEN today not studied yet but yesterday was THEN the streak is still alive', () => {
    expect(studyStreak(['2026-03-02', '2026-03-01'], '2026-03-03')).toEqual({ current: 2, best: 2 });
  });

  test('GIVEN a missed day THEN the current streak restarts and the best one is kept', () => {
    expect(studyStreak(['2026-02-10', '2026-02-11', '2026-02-12', '2026-03-01'], '2026-03-03')).toEqual({ current: 0, best: 3 });
    expect(studyStreak(['2026-02-10', '2026-02-11', '2026-02-12', '2026-03-03'], '2026-03-03')).toEqual({ current: 1, best: 3 });
  });

  test('GIVEN a streak across a month end and duplicates THEN each day counts once', () => {
    expect(studyStreak(['2026-02-28', '2026-03-01', '2026-03-01', '2026-02-27'], '2026-03-01')).toEqual({ current: 3, best: 3 });
  });

  test('GIVEN no study at all THEN both are zero', () => {
    expect(studyStreak([], '2026-03-01')).toEqual({ current: 0, best: 0 });
  });
});
