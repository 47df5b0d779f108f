import type { Topic } from '../../knowledge/index.ts';
import {
  chooseCard,
  GRADES,
  nextDueDate,
  previewDueDates,
  scheduleReview,
  startOfLocalDay,
  type GradeValue,
} from '../../quiz/index.ts';
import type { CardProgress } from '../../store/index.ts';
import type { CommandRequest, CoreServices } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { learnerOf, serverOf, todayOf } from '../learner.ts';
import type { Reply } from '../reply.ts';
import { renderCaughtUp, renderCardBack, renderCardFront, renderGraded } from './render-card.ts';

/** New cards `/review` introduces per learner per day, as in most spaced-repetition apps. */
export const NEW_CARDS_PER_DAY = 10;

/**
 * `/quiz [topic]` and `/review`: shows the learner's next card with a Reveal button. `/review` keeps to due
 * cards and today's ration of new ones; `/quiz` may also practise a card ahead of time.
 */
export async function presentCard(mode: 'quiz' | 'review', topic: Topic | undefined, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const { store, deck } = services;
  const learner = learnerOf(request);
  const progress = await store.cardProgress(learner.key);
  const cards = topic ? deck.cardsOf(topic.id) : deck.cards;
  const introducedToday =
    mode === 'review' ? await store.cardsIntroducedSince(learner.key, startOfLocalDay(request.now, request.timeZone)) : 0;
  const choice = chooseCard(cards, progress, {
    now: request.now,
    newCardsAllowed: mode === 'review' ? NEW_CARDS_PER_DAY - introducedToday : cards.length,
    practiceAhead: mode === 'quiz',
    random: services.random,
  });
  if (!choice) {
    const seen = new Set(progress.map((p) => p.cardId));
    const newCardsLeft = cards.some((card) => !seen.has(card.id));
    return renderCaughtUp(nextDueDate(cards, progress), newCardsLeft, request.now);
  }

  const sessionId = services.newId();
  await store.startCardSession({ id: sessionId, learnerKey: learner.key, cardId: choice.card.id, createdAt: request.now });
  return renderCardFront(choice, sessionId, countDue(progress, request.now), request.now);
}

/** The Reveal button: the card's answer and the four grades, each labelled with when the card would return. */
export async function revealCard(sessionId: string, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const found = await findOwnSession(sessionId, request, services);
  if (!found.ok) return found.reply;
  await services.store.revealCardSession(sessionId, request.now);
  const previous = (await services.store.cardProgress(found.learnerKey)).find((p) => p.cardId === found.card.id);
  return renderCardBack(found.card, sessionId, previewDueDates(previous, request.now), request.now);
}

/** A grade button: schedules the card with FSRS and stores it; a second grade of the same card counts once. */
export async function gradeCard(sessionId: string, rating: GradeValue, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const found = await findOwnSession(sessionId, request, services);
  if (!found.ok) return found.reply;
  if (!found.revealed) return describeProblem({ code: 'card-not-revealed' });

  const { store } = services;
  const progress = await store.cardProgress(found.learnerKey);
  const previous = progress.find((p) => p.cardId === found.card.id);
  const next = scheduleReview(found.card.id, previous, rating, request.now);
  const result = await store.recordReview({
    sessionId,
    learner: learnerOf(request),
    ...serverOf(request),
    previousReps: previous?.reps ?? 0,
    next,
    rating,
    reviewedAt: request.now,
    studyDate: todayOf(request),
  });
  if (result === 'already-graded') return describeProblem({ code: 'already-graded' });

  const updated = progress.filter((p) => p.cardId !== next.cardId).concat(next);
  const grade = GRADES.find((g) => g.rating === rating)!;
  return renderGraded(found.card, grade.label, next, countDue(updated, request.now), request.now);
}

type SessionLookup =
  | { ok: true; card: NonNullable<ReturnType<CoreServices['deck']['card']>>; learnerKey: string; revealed: boolean }
  | { ok: false; reply: Reply };

/** The session behind a card button, if it exists, is still open and belongs to the person pressing it. */
async function findOwnSession(sessionId: string, request: CommandRequest, services: CoreServices): Promise<SessionLookup> {
  const session = await services.store.cardSession(sessionId);
  const card = session && services.deck.card(session.cardId);
  if (!session || !card) return { ok: false, reply: describeProblem({ code: 'stale-action' }) };
  if (session.learnerKey !== learnerOf(request).key) return { ok: false, reply: describeProblem({ code: 'not-your-card' }) };
  if (session.gradedAt) return { ok: false, reply: describeProblem({ code: 'already-graded' }) };
  return { ok: true, card, learnerKey: session.learnerKey, revealed: session.revealedAt !== undefined };
}

function countDue(progress: readonly CardProgress[], now: Date): number {
  return progress.filter((p) => p.due <= now).length;
}
