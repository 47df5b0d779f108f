import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { CardProgress } from '../store/index.ts';

/** The four self-grades, in button order. */
export const GRADES = [
  { rating: Rating.Again, label: 'Again' },
  { rating: Rating.Hard, label: 'Hard' },
  { rating: Rating.Good, label: 'Good' },
  { rating: Rating.Easy, label: 'Easy' },
] as const;

export type GradeValue = (typeof GRADES)[number]['rating'];

// FSRS with its published default weights, 90% target retention and interval fuzz (seeded by the review
// time and the card's state, so the same review always gets the same interval).
const scheduler = fsrs(generatorParameters({ enable_fuzz: true, request_retention: 0.9, maximum_interval: 365 }));

/** The card's state after a grade at `now`; a card never graded before starts empty. */
export function scheduleReview(cardId: string, previous: CardProgress | undefined, grade: GradeValue, now: Date): CardProgress {
  const { card } = scheduler.next(toFsrsCard(previous, now), now, grade as Grade);
  return fromFsrsCard(cardId, card);
}

/**
 * What each grade of a card revealed at `revealedAt` would do, fixed at the reveal so that the grade saves
 * exactly what its button showed:
 * - `practice` when the card is not due yet: a grade leaves its schedule alone (early reviews would
 *   otherwise stretch intervals; see docs/learning.md, "Practice and same-day reviews");
 * - `scheduled`: the card's state after each grade, as if graded at the moment it was revealed (the moment
 *   the learner checked their recall), so the due date is `revealedAt` plus the interval on the button.
 *   Later reviews on the learner's same day (`today`, `YYYY-MM-DD`), such as learning steps, never set an
 *   interval longer than the longest one the day's first review offered.
 * Pure and deterministic: the same card, state and instant always give the same outcomes (the fuzz is
 * seeded by the instant and the card's state).
 */
export function gradeOutcomes(cardId: string, previous: CardProgress | undefined, revealedAt: Date, today: string): GradeOutcomes {
  if (previous && previous.due > revealedAt) return { kind: 'practice', due: previous.due };
  const preview = scheduler.repeat(toFsrsCard(previous, revealedAt), revealedAt);
  const after = GRADES.map(({ rating }) => fromFsrsCard(cardId, preview[rating].card));
  const cap = previous?.intervalCap?.date === today
    ? previous.intervalCap.ms
    : Math.max(...after.map((p) => p.due.getTime() - revealedAt.getTime()));
  const capped = after.map((p): CardProgress => ({
    ...p,
    due: new Date(Math.min(p.due.getTime(), revealedAt.getTime() + cap)),
    intervalCap: { date: today, ms: cap },
  }));
  return { kind: 'scheduled', byRating: { 1: capped[0]!, 2: capped[1]!, 3: capped[2]!, 4: capped[3]! } };
}

export type GradeOutcomes =
  | { kind: 'practice'; /** When the card is due, unchanged by the grade. */ due: Date }
  | { kind: 'scheduled'; byRating: Record<GradeValue, CardProgress> };

function toFsrsCard(progress: CardProgress | undefined, now: Date): Card {
  if (!progress) return createEmptyCard(now);
  const card: Card = {
    due: progress.due,
    stability: progress.stability,
    difficulty: progress.difficulty,
    elapsed_days: progress.elapsedDays,
    scheduled_days: progress.scheduledDays,
    learning_steps: progress.learningSteps,
    reps: progress.reps,
    lapses: progress.lapses,
    state: progress.state,
  };
  if (progress.lastReview) card.last_review = progress.lastReview;
  return card;
}

function fromFsrsCard(cardId: string, card: Card): CardProgress {
  const progress: CardProgress = {
    cardId,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) progress.lastReview = card.last_review;
  return progress;
}
