import { describeWait, GRADES } from '../../quiz/index.ts';
import { encodeAction } from '../action-id.ts';
import type { CommandRequest, CoreServices } from '../command.ts';
import { learnerOf } from '../learner.ts';
import type { Reply } from '../reply.ts';

/** How long after a grade it may be undone, in milliseconds. */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** `/undo`: the learner's last grade, if it may still be undone, and a button to confirm. Changes nothing yet. */
export async function confirmUndo(request: CommandRequest, services: CoreServices): Promise<Reply> {
  const last = await services.store.lastReview(learnerOf(request).key, new Date(request.now.getTime() - UNDO_WINDOW_MS));
  const card = last && services.deck.card(last.cardId);
  if (!last || !card) {
    return {
      tone: 'info',
      title: 'Nothing to undo',
      text: `A grade can be undone for ${UNDO_WINDOW_MS / 60_000} minutes, as long as it is your last one.`,
      ephemeral: true,
    };
  }
  const grade = GRADES.find((g) => g.rating === last.rating)?.label ?? 'your grade';
  const ago = describeWait(request.now.getTime() - last.reviewedAt.getTime()).replace(/^in /, '');
  return {
    tone: 'unsure',
    title: `Undo ${grade}?`,
    text: `**${card.front}** (${card.topic.title}), graded ${ago === 'now' ? 'just now' : `${ago} ago`}. The card goes back to where it was before.`,
    actions: [[{ id: encodeAction({ action: 'undo', sessionId: last.sessionId }), label: 'Yes, undo it', style: 'danger' }]],
    ephemeral: true,
  };
}

/** The confirmed undo. */
export async function undoGrade(sessionId: string, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const since = new Date(request.now.getTime() - UNDO_WINDOW_MS);
  const result = await services.store.undoReview(learnerOf(request).key, sessionId, since);
  return result === 'undone'
    ? { tone: 'success', title: 'Grade undone', text: 'The card is back where it was. Type `/review` to see it again.', ephemeral: true }
    : {
        tone: 'error',
        title: 'That grade can no longer be undone',
        text: `Only your last grade can be undone, for ${UNDO_WINDOW_MS / 60_000} minutes. Type \`/undo\` to see what can.`,
        ephemeral: true,
      };
}
