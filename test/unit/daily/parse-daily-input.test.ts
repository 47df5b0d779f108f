import { describe, expect, test } from 'vitest';
import { formatLocalTime, parseLocalTime } from '../../../src/daily/parse-local-time.ts';
import { parseTimeZone } from '../../../src/daily/parse-time-zone.ts';
import { parseWeekdays } from '../../../src/daily/parse-weekdays.ts';

describe('parseLocalTime', () => {
  test.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['21:30', '21:30'],
    ['9am', '09:00'],
    ['9 AM', '09:00'],
    ['9:30pm', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['9', '09:00'],
    ['9.30', '09:30'],
    [' 07:05 ', '07:05'],
  ])('GIVEN %j THEN it reads %s', (text, expected) => {
    const result = parseLocalTime(text);
    expect(result.ok && formatLocalTime(result.value)).toBe(expected);
  });

  test.each([
    ['25:00', 'time-out-of-range'],
    ['13pm', 'time-out-of-range'],
    ['0am', 'time-out-of-range'],
    ['9:60', 'time-out-of-range'],
    ['noon', 'invalid-time'],
    ['', 'invalid-time'],
    ['9:5', 'invalid-time'],
    ['1'.repeat(5000), 'invalid-time'],
  ])('GIVEN %j THEN it is refused as %s', (text, code) => {
    expect(parseLocalTime(text)).toEqual({ ok: false, code });
  });
});

describe('parseTimeZone', () => {
  test.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    [' Asia/Kolkata ', 'Asia/Kolkata'],
    ['America/New York', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('GIVEN %j THEN it is the zone %s', (text, zone) => {
    expect(parseTimeZone(text)).toEqual({ ok: true, value: zone });
  });

  test.each([
    ['+05:30', 'offset-not-zone'],
    ['UTC+2', 'offset-not-zone'],
    ['Mars/Olympus', 'unknown-time-zone'],
    ['', 'unknown-time-zone'],
    ['../../etc/passwd', 'unknown-time-zone'],
    ['A'.repeat(65), 'unknown-time-zone'],
  ])('GIVEN %j THEN it is refused as %s', (text, code) => {
    expect(parseTimeZone(text)).toEqual({ ok: false, code });
  });
});

describe('parseWeekdays', () => {
  test.each([
    ['mon,wed,fri', [1, 3, 5]],
    ['Monday Tuesday', [1, 2]],
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['fri-mon', [1, 5, 6, 7]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['weekends', [6, 7]],
    ['daily', [1, 2, 3, 4, 5, 6, 7]],
    ['sun, sun', [7]],
  ])('GIVEN %j THEN it reads %j', (text, days) => {
    expect(parseWeekdays(text)).toEqual({ ok: true, value: days });
  });

  test.each(['mo', 'funday', 'mon-tue-wed', '', 'mondays'])('GIVEN %j THEN it is refused', (text) => {
    expect(parseWeekdays(text)).toEqual({ ok: false, code: 'invalid-weekdays' });
  });
});
