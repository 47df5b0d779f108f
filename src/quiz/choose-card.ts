import type { CardProgress } from '../store/index.ts';
import type { DeckCard } from './deck.ts';

/** Why a card was chosen, shown to the learner ("due", "new", "practice ahead"). */
export type ChoiceReason = 'due' | 'new' | 'practice';

export interface CardChoice {
  card: DeckCard;
  progress?: CardProgress;
  reason: ChoiceReason;
}

export interface ChooseOptions {
  now: Date;
  /** How many new cards may still be introduced; `/review` limits them per day, `/quiz` does not. */
  newCardsAllowed: number;
  /** Whether to offer a card that is not due yet when nothing else is left (`/quiz` does, `/review` does not). */
  practiceAhead: boolean;
  random: () => number;
}

/**
 * The next card from `cards` for a learner: the most overdue due card first, then a new one (finishing a
 * topic the learner has started before opening a new one, chosen at random among the lowest `level` left),
 * then, when allowed, the card due soonest.
 */
export function chooseCard(cards: readonly DeckCard[], progress: readonly CardProgress[], options: ChooseOptions): CardChoice | undefined {
  const byId = new Map(progress.map((p) => [p.cardId, p]));
  const seen = cards.filter((c) => byId.has(c.id)).map((card) => ({ card, progress: byId.get(card.id)! }));
  seen.sort((a, b) => a.progress.due.getTime() - b.progress.due.getTime());

  const due = seen.find((s) => s.progress.due <= options.now);
  if (due) return { ...due, reason: 'due' };

  const unseen = cards.filter((c) => !byId.has(c.id));
  if (unseen.length > 0 && options.newCardsAllowed > 0) return { card: pickNewCard(unseen, seen, options.random), reason: 'new' };

  const soonest = seen[0];
  return options.practiceAhead && soonest ? { ...soonest, reason: 'practice' } : undefined;
}

/** When the learner's next card from `cards` falls due, if they have started any. */
export function nextDueDate(cards: readonly DeckCard[], progress: readonly CardProgress[]): Date | undefined {
  const ids = new Set(cards.map((c) => c.id));
  const dues = progress.filter((p) => ids.has(p.cardId)).map((p) => p.due.getTime());
  return dues.length > 0 ? new Date(Math.min(...dues)) : undefined;
}

function pickNewCard(unseen: readonly DeckCard[], seen: readonly { card: DeckCard }[], random: () => number): DeckCard {
  const startedTopics = new Set(seen.map((s) => s.card.topic.id));
  const continuing = unseen.find((c) => startedTopics.has(c.topic.id));
  if (continuing) return continuing;
  // A new topic from the lowest level left, so newcomers start with the foundations.
  const level = Math.min(...unseen.map((c) => c.topic.level));
  const topicIds = [...new Set(unseen.filter((c) => c.topic.level === level).map((c) => c.topic.id))];
  const topicId = topicIds[Math.floor(random() * topicIds.length)]!;
  return unseen.find((c) => c.topic.id === topicId)!;
}
