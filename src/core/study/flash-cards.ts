import type { Topic } from '../../knowledge/index.ts';
import {
  chooseCard,
  GRADES,
  gradeOutcomes,
  localDate,
  nextDueDate,
  startOfLocalDay,
  type GradeValue,
} from '../../quiz/index.ts';
import type { CardProgress, CardSession } from '../../store/index.ts';
import type { CommandRequest, CoreServices } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { learnerOf, serverOf, todayOf } from '../learner.ts';
import type { Reply } from '../reply.ts';
import { renderCaughtUp, renderCardBack, renderCardFront, renderGraded, renderPractised } from './render-card.ts';

/** New cards `/review` introduces per learner per day unless they set their own (`/settings`), as in most spaced-repetition apps. */
export const NEW_CARDS_PER_DAY = 10;

/**
 * `/quiz [topic]`, `/review` and the Practise ahead button: shows the learner's next card with a Reveal
 * button. `/review` keeps to due cards and today's ration of new ones; `/quiz` may also practise a card
 * ahead of time; `practice` offers due cards, then practice ahead, and no new cards.
 */
export async function presentCard(
  mode: 'quiz' | 'review' | 'practice',
  topic: Topic | undefined,
  request: CommandRequest,
  services: CoreServices,
): Promise<Reply> {
  const { store, deck } = services;
  const learner = learnerOf(request);
  const progress = await store.cardProgress(learner.key);
  const cards = topic ? deck.cardsOf(topic.id) : deck.cards;
  const newCardsAllowed = { quiz: cards.length, review: await newCardsLeftToday(progress, request, services), practice: 0 }[mode];
  const choice = chooseCard(cards, progress, { now: request.now, newCardsAllowed, practiceAhead: mode !== 'review', random: services.random });
  if (!choice) {
    const seen = new Set(progress.map((p) => p.cardId));
    const newCardsLeft = cards.some((card) => !seen.has(card.id));
    return renderCaughtUp(nextDueDate(cards, progress), newCardsLeft, progress.length > 0, request.now);
  }

  const sessionId = services.newId();
  await store.startCardSession({ id: sessionId, learnerKey: learner.key, cardId: choice.card.id, createdAt: request.now });
  return renderCardFront(choice, sessionId, countDue(progress, request.now), request.now);
}

/**
 * The Reveal button: the card's answer and the four grades, each labelled with when the card would return,
 * or, for a card that is not due yet, offered as practice that leaves its schedule alone.
 */
export async function revealCard(sessionId: string, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const found = await findOwnSession(sessionId, request, services);
  if (!found.ok) return found.reply;
  const { store } = services;
  const previous = (await store.cardProgress(found.learnerKey)).find((p) => p.cardId === found.card.id);
  await store.revealCardSession(sessionId, request.now, previous?.reps ?? 0);
  // A second reveal shows what the first one did: its time and card state are the ones a grade will use.
  const session = await store.cardSession(sessionId);
  const revealedAt = session?.revealedAt ?? request.now;
  if ((session?.revealedReps ?? 0) !== (previous?.reps ?? 0)) return describeProblem({ code: 'already-graded' });
  const outcomes = gradeOutcomes(found.card.id, previous, revealedAt, localDate(revealedAt, request.timeZone));
  return renderCardBack(found.card, sessionId, outcomes, revealedAt);
}

/**
 * A grade button: saves the outcome its label showed (computed as at the reveal) and the review, or, for a
 * card that was not due, only the study day. A second grade of the same card counts once.
 */
export async function gradeCard(sessionId: string, rating: GradeValue, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const found = await findOwnSession(sessionId, request, services);
  if (!found.ok) return found.reply;
  const { revealedAt } = found.session;
  if (!revealedAt) return describeProblem({ code: 'card-not-revealed' });

  const { store } = services;
  const progress = await store.cardProgress(found.learnerKey);
  const previous = progress.find((p) => p.cardId === found.card.id);
  const previousReps = previous?.reps ?? 0;
  // The card was graded in another session since this one was revealed: the buttons no longer hold.
  if (previousReps !== (found.session.revealedReps ?? previousReps)) return describeProblem({ code: 'already-graded' });

  const grade = GRADES.find((g) => g.rating === rating)!;
  const base = { sessionId, learner: learnerOf(request), reviewedAt: request.now, studyDate: todayOf(request) };
  const outcomes = gradeOutcomes(found.card.id, previous, revealedAt, localDate(revealedAt, request.timeZone));
  if (outcomes.kind === 'practice') {
    if ((await store.recordPractice(base)) === 'already-graded') return describeProblem({ code: 'already-graded' });
    const way = { dueCount: countDue(progress, request.now), newCardsLeft: await newCardsLeftToday(progress, request, services) };
    return renderPractised(found.card, grade.label, outcomes.due, way, request.now);
  }

  const next = outcomes.byRating[rating];
  const result = await store.recordReview({ ...base, ...serverOf(request), previousReps, ...(previous ? { previous } : {}), next, rating });
  if (result === 'already-graded') return describeProblem({ code: 'already-graded' });

  const updated = progress.filter((p) => p.cardId !== next.cardId).concat(next);
  const way = { dueCount: countDue(updated, request.now), newCardsLeft: await newCardsLeftToday(updated, request, services) };
  return renderGraded(found.card, grade.label, next, way, request.now);
}

/** How many new cards `/review` may still introduce today: the day's ration left, at most the cards not seen. */
async function newCardsLeftToday(progress: readonly CardProgress[], request: CommandRequest, services: CoreServices): Promise<number> {
  const introduced = await services.store.cardsIntroducedSince(learnerOf(request).key, startOfLocalDay(request.now, request.timeZone));
  const unseen = services.deck.cards.length - progress.length;
  return Math.max(0, Math.min((request.newCardsPerDay ?? NEW_CARDS_PER_DAY) - introduced, unseen));
}

type SessionLookup =
  | { ok: true; card: NonNullable<ReturnType<CoreServices['deck']['card']>>; learnerKey: string; session: CardSession }
  | { ok: false; reply: Reply };

/** The session behind a card button, if it exists, is still open and belongs to the person pressing it. */
async function findOwnSession(sessionId: string, request: CommandRequest, services: CoreServices): Promise<SessionLookup> {
  const session = await services.store.cardSession(sessionId);
  const card = session && services.deck.card(session.cardId);
  if (!session || !card) return { ok: false, reply: describeProblem({ code: 'stale-action' }) };
  if (session.learnerKey !== learnerOf(request).key) return { ok: false, reply: describeProblem({ code: 'not-your-card' }) };
  if (session.gradedAt) return { ok: false, reply: describeProblem({ code: 'already-graded' }) };
  return { ok: true, card, learnerKey: session.learnerKey, session };
}

function countDue(progress: readonly CardProgress[], now: Date): number {
  return progress.filter((p) => p.due <= now).length;
}
