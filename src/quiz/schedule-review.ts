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

// FSRS with its published default weights, 90% target retention and interval fuzz (seeded by the card and
// the time, so the same review always gets the same interval).
const scheduler = fsrs(generatorParameters({ enable_fuzz: true, request_retention: 0.9, maximum_interval: 365 }));

/** The card's state after a grade at `now`; a card never graded before starts empty. */
export function scheduleReview(cardId: string, previous: CardProgress | undefined, grade: GradeValue, now: Date): CardProgress {
  const { card } = scheduler.next(toFsrsCard(previous, now), now, grade as Grade);
  return fromFsrsCard(cardId, card);
}

/** When the card would next be due for each grade, for labels such as "Good · 10m". */
export function previewDueDates(previous: CardProgress | undefined, now: Date): Record<GradeValue, Date> {
  const preview = scheduler.repeat(toFsrsCard(previous, now), now);
  return {
    [Rating.Again]: preview[Rating.Again].card.due,
    [Rating.Hard]: preview[Rating.Hard].card.due,
    [Rating.Good]: preview[Rating.Good].card.due,
    [Rating.Easy]: preview[Rating.Easy].card.due,
  };
}

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
