import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { type DailyTiming, localDateIn, nextPostAt } from '../../../src/daily/next-post-at.ts';

const at = (iso: string) => new Date(iso);
const iso = (slot: { at: Date }) => slot.at.toISOString();

/** Follows a schedule from `from` for `count` posts, each computed from the previous one: what the scheduler does. */
function follow(timing: DailyTiming, from: string, count: number) {
  const slots = [];
  let after = at(from);
  for (let i = 0; i < count; i++) {
    const slot = nextPostAt(timing, after);
    slots.push(slot);
    after = slot.at;
  }
  return slots;
}

describe('nextPostAt', () => {
  test('GIVEN 09:00 Europe/Berlin across spring-forward THEN it stays 09:00 local, once a day', () => {
    const slots = follow({ time: { hour: 9, minute: 0 }, timeZone: 'Europe/Berlin' }, '2026-03-27T12:00:00Z', 3);
    expect(slots.map(iso)).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(slots.map((s) => s.localDate)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  test('GIVEN 09:00 Europe/Berlin across fall-back THEN it stays 09:00 local, once a day', () => {
    const slots = follow({ time: { hour: 9, minute: 0 }, timeZone: 'Europe/Berlin' }, '2026-10-23T12:00:00Z', 3);
    expect(slots.map(iso)).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  test('GIVEN 02:30 Europe/Berlin, a time the spring-forward skips THEN that day posts once, at 03:30 local', () => {
    const slots = follow({ time: { hour: 2, minute: 30 }, timeZone: 'Europe/Berlin' }, '2026-03-27T12:00:00Z', 3);
    expect(slots.map(iso)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    const shifted = Temporal.Instant.from(iso(slots[1]!)).toZonedDateTimeISO('Europe/Berlin');
    expect(shifted.toPlainTime().toString()).toBe('03:30:00');
    expect(slots.map((s) => s.localDate)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  test('GIVEN 02:30 Europe/Berlin, a time the fall-back repeats THEN it posts once, at the earlier 02:30', () => {
    const slots = follow({ time: { hour: 2, minute: 30 }, timeZone: 'Europe/Berlin' }, '2026-10-24T12:00:00Z', 2);
    expect(slots.map(iso)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    // Asked again between the two 02:30s, the answer is the next day, not the second 02:30.
    expect(iso(nextPostAt({ time: { hour: 2, minute: 30 }, timeZone: 'Europe/Berlin' }, at('2026-10-25T01:00:00Z')))).toBe(
      '2026-10-26T01:30:00.000Z',
    );
  });

  test('GIVEN a whole year in Europe/Berlin and America/New_York THEN every local date gets exactly one post at the set time', () => {
    for (const timeZone of ['Europe/Berlin', 'America/New_York']) {
      for (const time of [{ hour: 9, minute: 0 }, { hour: 2, minute: 30 }, { hour: 1, minute: 30 }]) {
        const slots = follow({ time, timeZone }, '2025-12-31T23:00:00Z', 366);
        const dates = slots.map((s) => s.localDate);
        expect(new Set(dates).size).toBe(366);
        for (let i = 1; i < dates.length; i++) {
          expect(Temporal.PlainDate.from(dates[i - 1]!).add({ days: 1 }).toString()).toBe(dates[i]);
        }
        const offTime = slots.filter((s) => {
          const local = Temporal.Instant.fromEpochMilliseconds(s.at.getTime()).toZonedDateTimeISO(timeZone);
          return local.hour !== time.hour || local.minute !== time.minute;
        });
        // Only the spring-forward day moves a time, and only a time inside its gap (02:00–03:00 in both zones).
        expect(offTime.map((s) => s.localDate)).toEqual(time.hour === 2 ? [timeZone === 'Europe/Berlin' ? '2026-03-29' : '2026-03-08'] : []);
      }
    }
  });

  test('GIVEN 30- and 45-minute offsets THEN 09:00 local is 03:30 and 03:15 UTC', () => {
    const after = at('2026-06-01T00:00:00Z');
    expect(iso(nextPostAt({ time: { hour: 9, minute: 0 }, timeZone: 'Asia/Kolkata' }, after))).toBe('2026-06-01T03:30:00.000Z');
    expect(iso(nextPostAt({ time: { hour: 9, minute: 0 }, timeZone: 'Asia/Kathmandu' }, after))).toBe('2026-06-01T03:15:00.000Z');
  });

  test('GIVEN Pacific/Auckland across the end of its daylight saving THEN the local date is ahead of UTC and 09:00 holds', () => {
    const slots = follow({ time: { hour: 9, minute: 0 }, timeZone: 'Pacific/Auckland' }, '2026-04-03T00:00:00Z', 2);
    expect(slots.map(iso)).toEqual(['2026-04-03T20:00:00.000Z', '2026-04-04T21:00:00.000Z']);
    expect(slots.map((s) => s.localDate)).toEqual(['2026-04-04', '2026-04-05']);
  });

  test('GIVEN Pacific/Kiritimati (UTC+14) THEN the post falls on the previous UTC date', () => {
    const slot = nextPostAt({ time: { hour: 9, minute: 0 }, timeZone: 'Pacific/Kiritimati' }, at('2026-05-31T12:00:00Z'));
    expect(slot).toEqual({ at: at('2026-05-31T19:00:00Z'), localDate: '2026-06-01' });
  });

  test('GIVEN Pacific/Apia, which skipped 2011-12-30 to cross the date line THEN that date is not posted twice', () => {
    const slots = follow({ time: { hour: 9, minute: 0 }, timeZone: 'Pacific/Apia' }, '2011-12-29T00:00:00Z', 3);
    expect(slots.map((s) => s.localDate)).toEqual(['2011-12-29', '2011-12-31', '2012-01-01']);
    expect(new Set(slots.map(iso)).size).toBe(3);
  });

  test('GIVEN Europe/Moscow, whose offset changed for good on 2014-10-26 THEN 09:00 follows the new rule', () => {
    const slots = follow({ time: { hour: 9, minute: 0 }, timeZone: 'Europe/Moscow' }, '2014-10-25T00:00:00Z', 2);
    expect(slots.map(iso)).toEqual(['2014-10-25T05:00:00.000Z', '2014-10-26T06:00:00.000Z']);
  });

  test('GIVEN America/Sao_Paulo, which dropped daylight saving in 2019 THEN November 2019 stays at UTC-3', () => {
    const slots = follow({ time: { hour: 9, minute: 0 }, timeZone: 'America/Sao_Paulo' }, '2019-11-02T00:00:00Z', 3);
    expect(slots.map(iso)).toEqual(['2019-11-02T12:00:00.000Z', '2019-11-03T12:00:00.000Z', '2019-11-04T12:00:00.000Z']);
  });

  test('GIVEN weekdays Monday, Wednesday and Friday on a Saturday THEN the next post is Monday', () => {
    const timing = { time: { hour: 9, minute: 0 }, timeZone: 'UTC', weekdays: [1, 3, 5] };
    expect(follow(timing, '2026-11-28T10:00:00Z', 3).map((s) => s.localDate)).toEqual(['2026-11-30', '2026-12-02', '2026-12-04']);
  });

  test('GIVEN today was posted and the time moved later THEN the next post is tomorrow, not again today', () => {
    const timing = { time: { hour: 18, minute: 0 }, timeZone: 'Europe/Berlin' };
    expect(nextPostAt(timing, at('2026-11-29T10:00:00Z'), '2026-11-29').localDate).toBe('2026-11-30');
    expect(nextPostAt(timing, at('2026-11-29T10:00:00Z')).localDate).toBe('2026-11-29');
  });

  test('GIVEN an instant THEN localDateIn reads its date in the zone', () => {
    expect(localDateIn(at('2026-05-31T19:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-06-01');
    expect(localDateIn(at('2026-05-31T19:00:00Z'), 'America/Los_Angeles')).toBe('2026-05-31');
  });
});
