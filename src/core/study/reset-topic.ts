import type { Topic } from '../../knowledge/index.ts';
import type { CommandRequest, CoreServices } from '../command.ts';
import { CONFIRMATION_SECONDS, issuedAtOf } from '../confirmation.ts';
import { encodeAction } from '../action-id.ts';
import { learnerOf } from '../learner.ts';
import type { Reply } from '../reply.ts';

/** `/reset <topic>`: what starting the topic over would do, and a button to confirm it. Changes nothing yet. */
export async function confirmResetTopic(topic: Topic, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const ids = new Set(services.deck.cardsOf(topic.id).map((c) => c.id));
  const started = (await services.store.cardProgress(learnerOf(request).key)).filter((p) => ids.has(p.cardId)).length;
  if (started === 0) {
    return { tone: 'info', title: `Nothing to reset in ${topic.title}`, text: 'You have not studied its cards yet: they are all new.', ephemeral: true };
  }
  return {
    tone: 'unsure',
    title: `Start ${topic.title} over?`,
    text:
      `Your progress on ${started} of its ${ids.size} cards goes, and they come back as new cards. ` +
      'Your review history, streak and points stay.',
    actions: [[{ id: encodeAction({ action: 'reset', topicId: topic.id, issuedAt: issuedAtOf(request.now) }), label: `Yes, reset ${topic.title}`.slice(0, 80), style: 'danger' }]],
    footer: `Nothing changes unless you press the button, which works for ${CONFIRMATION_SECONDS / 60} minutes.`,
    ephemeral: true,
  };
}

/** The confirmed reset: every card of the topic is new again for the learner. */
export async function resetTopicCards(topic: Topic, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const cardIds = services.deck.cardsOf(topic.id).map((c) => c.id);
  const reset = await services.store.resetCards(learnerOf(request).key, cardIds);
  return {
    tone: 'success',
    title: `${topic.title} starts afresh`,
    text: `${reset} card${reset === 1 ? ' is' : 's are'} new again. Type \`/quiz ${topic.title}\` to begin.`,
    ephemeral: true,
  };
}
