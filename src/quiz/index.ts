export { Deck, type DeckCard, type DeckQuestion } from './deck.ts';
export { GRADES, gradeOutcomes, scheduleReview, type GradeOutcomes, type GradeValue } from './schedule-review.ts';
export { chooseCard, nextDueDate, type CardChoice, type ChoiceReason } from './choose-card.ts';
export { shuffle } from './shuffle.ts';
export { describeWait, formatInterval } from './format-interval.ts';
export { isValidTimeZone, localDate, startOfLocalDay, studyStreak, suggestTimeZones, type Streak } from './study-days.ts';
export { learnerStats, type LearnerStats } from './learner-stats.ts';
export { seededRandom } from './seeded-random.ts';
