import { describeWait, formatInterval, GRADES, type CardChoice, type DeckCard, type GradeValue } from '../../quiz/index.ts';
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

/** The answer, and the four grades labelled with when the card would come back after each. */
export function renderCardBack(card: DeckCard, sessionId: string, dueDates: Record<GradeValue, Date>, now: Date): Reply {
  const grades = GRADES.map(
    ({ rating, label }): ReplyAction => ({
      id: encodeAction({ action: 'grade', sessionId, rating }),
      label: `${label} · ${formatInterval(dueDates[rating].getTime() - now.getTime())}`,
      style: GRADE_STYLES[rating],
    }),
  );
  return {
    tone: 'info',
    title: `Flash card · ${card.topic.title}`,
    text: `**${card.front}**\n\n${card.back}`,
    actions: [grades, [readTopicButton(card)]],
    footer: 'How well did you remember it? Each grade shows when you will see the card again.',
    ephemeral: true,
  };
}

/** After a grade: when the card returns, and the way on. */
export function renderGraded(card: DeckCard, gradeLabel: string, next: CardProgress, dueCount: number, now: Date): Reply {
  const wait = describeWait(next.due.getTime() - now.getTime());
  const onwards: ReplyAction[] = [
    { id: encodeAction({ action: 'review' }), label: dueCount > 0 ? `Review due cards (${dueCount})` : 'Next card', style: 'primary' },
    { id: encodeAction({ action: 'quiz', mode: 'cards', topicId: card.topic.id }), label: buttonLabel(`More on ${card.topic.title}`), style: 'secondary' },
  ];
  return {
    tone: 'success',
    title: `${gradeLabel}: saved`,
    text: `You will see this card again **${wait === 'now' ? 'in a moment' : wait}**.`,
    actions: [onwards],
    footer: dueCount > 0 ? `${dueCount} card${dueCount === 1 ? '' : 's'} due now.` : 'Nothing else is due right now.',
    ephemeral: true,
  };
}

/** Nothing to review: says when the next card falls due. */
export function renderCaughtUp(nextDue: Date | undefined, newCardsLeft: boolean, now: Date): Reply {
  return {
    tone: 'success',
    title: 'All caught up',
    text: nextDue
      ? `No cards are due. The next one is due **${describeWait(nextDue.getTime() - now.getTime())}**.`
      : 'No cards are due.',
    actions: [[
      { id: encodeAction({ action: 'quiz', mode: 'cards' }), label: 'Practise anyway', style: 'secondary' },
      { id: encodeAction({ action: 'quiz', mode: 'mcq' }), label: 'Multiple choice', style: 'secondary' },
    ]],
    footer: newCardsLeft ? "You have met today's new cards: more tomorrow." : 'You have met every card. Well done!',
    ephemeral: true,
  };
}

function readTopicButton(card: DeckCard): ReplyAction {
  return { id: encodeAction({ action: 'explain', topicId: card.topic.id }), label: buttonLabel(`Read: ${card.topic.title}`), style: 'secondary' };
}
