import type { CardProgress, LearnerActivity } from '../store/index.ts';
import { studyStreak, type Streak } from './study-days.ts';

/** What `/stats` shows. */
export interface LearnerStats {
  totalCards: number;
  /** Cards in long-term review (FSRS state Review). */
  learned: number;
  /** Cards seen but still in (re)learning steps. */
  learning: number;
  due: number;
  reviews: number;
  /** Share of reviews not graded Again; undefined before the first review. */
  recallRate?: number;
  quizAnswers: number;
  /** Share of multiple-choice answers that were right; undefined before the first one. */
  quizAccuracy?: number;
  streak: Streak;
  /** Consecutive local dates with a right answer to a daily post (`LearnerActivity.dailyDates`). */
  dailyStreak: Streak;
  nextDue?: Date;
}

const REVIEW_STATE = 2;

export function learnerStats(
  totalCards: number,
  progress: readonly CardProgress[],
  activity: LearnerActivity,
  now: Date,
  today: string,
): LearnerStats {
  const learned = progress.filter((p) => p.state === REVIEW_STATE).length;
  const upcoming = progress.filter((p) => p.due > now).map((p) => p.due.getTime());
  const stats: LearnerStats = {
    totalCards,
    learned,
    learning: progress.length - learned,
    due: progress.filter((p) => p.due <= now).length,
    reviews: activity.reviews,
    quizAnswers: activity.quizAnswers,
    streak: studyStreak(activity.studyDates, today),
    dailyStreak: studyStreak(activity.dailyDates, today),
  };
  if (activity.reviews > 0) stats.recallRate = 1 - activity.forgotten / activity.reviews;
  if (activity.quizAnswers > 0) stats.quizAccuracy = activity.quizCorrect / activity.quizAnswers;
  if (upcoming.length > 0) stats.nextDue = new Date(Math.min(...upcoming));
  return stats;
}
