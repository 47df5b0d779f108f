import { describe, expect, test } from 'vitest';
import { formatInterval, GRADES, previewDueDates, scheduleReview } from '../../../src/quiz/index.ts';

const now = new Date('2026-03-01T10:00:00Z');
const [again, hard, good, easy] = GRADES.map((g) => g.rating) as [1, 2, 3, 4];
const DAY = 86_400_000;

describe('scheduleReview (FSRS)', () => {
  test('GIVEN a new card THEN Again comes back within minutes and Easy after days, in grade order', () => {
    const dues = [again, hard, good, easy].map((g) => scheduleReview('x/c1', undefined, g, now).due.getTime() - now.getTime());
    expect(dues[0]).toBeLessThan(10 * 60_000);
    expect(dues[3]).toBeGreaterThanOrEqual(DAY);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });

  test('GIVEN a card recalled several times THEN each Good pushes it further out and counts a repetition', () => {
    let progress = scheduleReview('x/c1', undefined, good, now);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = progress.due;
      const next = scheduleReview('x/c1', progress, good, at);
      intervals.push(next.due.getTime() - at.getTime());
      progress = next;
    }
    expect(progress.reps).toBe(5);
    expect(progress.state).toBe(2);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
  });

  test('GIVEN a learned card forgotten THEN it lapses and comes back soon', () => {
    let progress = scheduleReview('x/c1', undefined, easy, now);
    progress = scheduleReview('x/c1', progress, good, progress.due);
    const lapsed = scheduleReview('x/c1', progress, again, progress.due);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due.getTime() - progress.due.getTime()).toBeLessThan(DAY);
  });

  test('GIVEN the same card, grade and time THEN the result is the same (fuzz is seeded)', () => {
    const first = scheduleReview('x/c1', undefined, easy, now);
    expect(scheduleReview('x/c1', first, good, first.due)).toEqual(scheduleReview('x/c1', first, good, first.due));
  });

  test('GIVEN a preview THEN it matches what grading would schedule', () => {
    const preview = previewDueDates(undefined, now);
    expect(preview[good]).toEqual(scheduleReview('x/c1', undefined, good, now).due);
    expect(formatInterval(preview[easy].getTime() - now.getTime())).toMatch(/^\d+d$/);
  });
});

describe('formatInterval', () => {
  test.each([
    [30_000, '<1m'],
    [10 * 60_000, '10m'],
    [3 * 3_600_000, '3h'],
    [4 * DAY, '4d'],
    [65 * DAY, '2mo'],
    [400 * DAY, '1.1y'],
  ])('GIVEN %i ms THEN %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
