import { describe, expect, test } from 'vitest';
import { formatInterval, gradeOutcomes, GRADES, scheduleReview, seededRandom, type GradeValue } from '../../../src/quiz/index.ts';
import type { CardProgress } from '../../../src/store/index.ts';

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

  test('GIVEN a due card THEN its outcomes are what grading at the reveal schedules', () => {
    const outcomes = gradeOutcomes('x/c1', undefined, now, '2026-03-01');
    if (outcomes.kind !== 'scheduled') throw new Error('a new card is due');
    expect(outcomes.byRating[good]).toMatchObject(scheduleReview('x/c1', undefined, good, now));
    expect(formatInterval(outcomes.byRating[easy].due.getTime() - now.getTime())).toMatch(/^\d+d$/);
  });

  test('GIVEN a card not due yet THEN grading it is practice, and its due date stays', () => {
    const first = scheduleReview('x/c1', undefined, good, now);
    expect(gradeOutcomes('x/c1', first, new Date(first.due.getTime() - 1), '2026-03-01')).toEqual({ kind: 'practice', due: first.due });
    expect(gradeOutcomes('x/c1', first, first.due, '2026-03-01').kind).toBe('scheduled');
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

describe('early reviews (practice)', () => {
  const HOUR = 3_600_000;
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const apply = (cardId: string, progress: CardProgress | undefined, rating: GradeValue, at: Date) => {
    const outcomes = gradeOutcomes(cardId, progress, at, day(at));
    return outcomes.kind === 'practice' ? progress : outcomes.byRating[rating];
  };

  test('GIVEN any number of same-day grades at any times THEN the interval is no longer than one on-time grade gives', () => {
    const random = seededRandom(13);
    const grade = () => (1 + Math.floor(random() * 4)) as GradeValue;
    for (let trial = 0; trial < 400; trial++) {
      // A card with some history, reviewed when due at `start`.
      let progress: CardProgress | undefined;
      let start = now;
      for (let i = Math.floor(random() * 6); i > 0; i--) {
        progress = scheduleReview('x/c1', progress, grade(), start);
        start = progress.due;
      }
      const single = gradeOutcomes('x/c1', progress, start, day(start));
      if (single.kind !== 'scheduled') throw new Error('the card is due at its due date');
      const longest = Math.max(...Object.values(single.byRating).map((p) => p.due.getTime() - start.getTime()));

      // Then graded again and again later that day (UTC here), at random moments, with random grades.
      let at = start;
      let crammed = progress;
      for (let i = 1 + Math.floor(random() * 30); i > 0 && day(at) === day(start); i--) {
        crammed = apply('x/c1', crammed, grade(), at);
        at = new Date(at.getTime() + random() * 2 * HOUR);
      }
      expect(crammed!.due.getTime() - crammed!.lastReview!.getTime()).toBeLessThanOrEqual(longest);
    }
  });
});
