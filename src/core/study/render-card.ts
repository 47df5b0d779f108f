import { describeWait, formatInterval, GRADES, type CardChoice, type DeckCard, type GradeOutcomes, type GradeValue } from '../../quiz/index.ts';
import type { CardProgress } from '../../store/index.ts';
import { encodeAction } from '../action-id.ts';
import { buttonLabel, type ActionStyle, type Reply, type ReplyAction } from '../reply.ts';

const GRADE_STYLES: Record<GradeValue, ActionStyle> = { 1: 'danger', 2: 'secondary', 3: 'primary', 4: 'success' };

/** The front of a card, with the Reveal button. Flash cards are personal, so the reply is ephemeral. */
export function renderCardFront(choice: CardChoice, sessionId: string, dueCount: number, now: Date): Reply {
  const why =
    choice.reason === 'new'
      ? 'New card'
      : choice.reason === 'due'
        ? `Due for review · ${dueCount} due`
        : `Practice ahead: due ${describeWait(choice.progress!.due.getTime() - now.getTime())}`;
  return {
    tone: 'info',
    title: `Flash card · ${choice.card.topic.title}`,
    text: `**${choice.card.front}**\n\nThink of your answer, then reveal it.`,
    actions: [[{ id: encodeAction({ action: 'reveal', sessionId }), label: 'Reveal answer', style: 'primary' }]],
    footer: why,
    ephemeral: true,
  };
}

/**
 * The answer, and the four grades labelled with when the card would come back after each (measured from
 * `revealedAt`, as they are saved), or, for a card not due yet, plain grades that count as practice.
 */
export function renderCardBack(card: DeckCard, sessionId: string, outcomes: GradeOutcomes, revealedAt: Date): Reply {
  const grades = GRADES.map(
    ({ rating, label }): ReplyAction => ({
      id: encodeAction({ action: 'grade', sessionId, rating }),
      label:
        outcomes.kind === 'practice' ? label : `${label} · ${formatInterval(outcomes.byRating[rating].due.getTime() - revealedAt.getTime())}`,
      style: GRADE_STYLES[rating],
    }),
  );
  return {
    tone: 'info',
    title: `Flash card · ${card.topic.title}`,
    text: `**${card.front}**\n\n${card.back}`,
    actions: [grades, [readTopicButton(card)]],
    footer:
      outcomes.kind === 'practice'
        ? `Practice: this card is due ${describeWait(outcomes.due.getTime() - revealedAt.getTime())}, and grading it now does not change that.`
        : 'How well did you remember it? Each grade shows when you will see the card again.',
    ephemeral: true,
  };
}

/** What the learner can do next: cards due now, and new cards `/review` may still introduce today. */
export interface WayOn {
  dueCount: number;
  newCardsLeft: number;
}

/** After a grade: when the card returns, and the way on. */
export function renderGraded(card: DeckCard, gradeLabel: string, next: CardProgress, way: WayOn, now: Date): Reply {
  const wait = describeWait(next.due.getTime() - now.getTime());
  return {
    tone: 'success',
    title: `${gradeLabel}: saved`,
    text: `You will see this card again **${wait === 'now' ? 'in a moment' : wait}**.`,
    actions: [onwards(card, way)],
    footer: describeWayOn(way),
    ephemeral: true,
  };
}

/** After grading a card that was not due: practice, so its schedule is unchanged. */
export function renderPractised(card: DeckCard, gradeLabel: string, due: Date, way: WayOn, now: Date): Reply {
  return {
    tone: 'success',
    title: `${gradeLabel}: practice noted`,
    text: `This card was not due yet, so its schedule stays as it was: it comes back **${describeWait(due.getTime() - now.getTime())}**.`,
    actions: [onwards(card, way)],
    footer: describeWayOn(way),
    ephemeral: true,
  };
}

/** The first button says what it will serve: due cards, a new card, or practice ahead. */
function onwards(card: DeckCard, { dueCount, newCardsLeft }: WayOn): ReplyAction[] {
  const next: ReplyAction =
    dueCount > 0
      ? { id: encodeAction({ action: 'review' }), label: `Review due cards (${dueCount})`, style: 'primary' }
      : newCardsLeft > 0
        ? { id: encodeAction({ action: 'review' }), label: `Learn a new card (${newCardsLeft} left today)`, style: 'primary' }
        : { id: encodeAction({ action: 'practice' }), label: 'Practise ahead', style: 'primary' };
  return [
    next,
    { id: encodeAction({ action: 'quiz', mode: 'cards', topicId: card.topic.id }), label: buttonLabel(`Another card on ${card.topic.title}`), style: 'secondary' },
  ];
}

function describeWayOn({ dueCount, newCardsLeft }: WayOn): string {
  if (dueCount > 0) return `${dueCount} card${dueCount === 1 ? '' : 's'} due now.`;
  return newCardsLeft > 0 ? 'Nothing else is due right now.' : "Nothing else is due, and today's new cards are done: more tomorrow.";
}

/** Nothing to review: says when the next card falls due, and offers practice that serves no new card. */
export function renderCaughtUp(nextDue: Date | undefined, newCardsLeft: boolean, anySeen: boolean, now: Date): Reply {
  return {
    tone: 'success',
    title: 'All caught up',
    text: nextDue
      ? `No cards are due. The next one is due **${describeWait(nextDue.getTime() - now.getTime())}**.`
      : 'No cards are due.',
    actions: [[
      ...(anySeen ? [{ id: encodeAction({ action: 'practice' }), label: 'Practise ahead', style: 'secondary' } as const] : []),
      { id: encodeAction({ action: 'quiz', mode: 'mcq' }), label: 'Multiple choice', style: 'secondary' },
    ]],
    footer: newCardsLeft ? "You have met today's new cards: more tomorrow." : 'You have met every card. Well done!',
    ephemeral: true,
  };
}

function readTopicButton(card: DeckCard): ReplyAction {
  return { id: encodeAction({ action: 'explain', topicId: card.topic.id }), label: buttonLabel(`Read: ${card.topic.title}`), style: 'secondary' };
}
