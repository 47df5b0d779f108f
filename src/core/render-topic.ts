import type { Topic } from '../knowledge/index.ts';
import type { Answer, TopicRef } from '../search/index.ts';
import { encodeAction } from './action-id.ts';
import { buttonLabel, type Reply, type ReplyAction } from './reply.ts';

const MAX_BUTTONS_PER_ROW = 5;

/** "Read next" buttons for a list of topics. */
export function topicButtons(topics: readonly TopicRef[]): ReplyAction[][] {
  const buttons = topics.slice(0, MAX_BUTTONS_PER_ROW).map(
    (t): ReplyAction => ({ id: encodeAction({ action: 'explain', topicId: t.id }), label: buttonLabel(t.title), style: 'secondary' }),
  );
  return buttons.length > 0 ? [buttons] : [];
}

/** "Quiz me on this" and, where the topic has one, "Show diagram". */
export function studyButtons(topic: Topic): ReplyAction[] {
  const buttons: ReplyAction[] = [
    { id: encodeAction({ action: 'quiz', mode: 'cards', topicId: topic.id }), label: 'Quiz me on this', style: 'primary' },
  ];
  if (topic.diagram) buttons.push({ id: encodeAction({ action: 'diagram', diagramId: topic.diagram }), label: 'Show diagram', style: 'secondary' });
  return buttons;
}

/** 👍 / 👎 on an answer the store has recorded under `answerId`. */
export function voteButtons(answerId: string): ReplyAction[] {
  return [
    { id: encodeAction({ action: 'vote', vote: 'up', answerId }), label: '👍 Helpful', style: 'secondary' },
    { id: encodeAction({ action: 'vote', vote: 'down', answerId }), label: '👎 Not helpful', style: 'secondary' },
  ];
}

/**
 * A topic as a full reply: its body, the commands it teaches, study buttons (and votes, for an answer to a
 * question), then related topics to read next.
 */
export function renderTopic(topic: Topic, related: readonly TopicRef[], answerId?: string): Reply {
  const actions = [[...studyButtons(topic), ...(answerId ? voteButtons(answerId) : [])], ...topicButtons(related)];
  const reply: Reply = { tone: 'answer', title: topic.title, text: topic.body, actions };
  if (topic.commands.length > 0) {
    reply.fields = [{ name: 'Commands', value: topic.commands.map((c) => `\`${c}\``).join('\n') }];
  }
  return reply;
}

/** How to see every topic in the chat front ends; the one-shot CLI has its own. */
export const CHAT_BROWSE_HINT = 'Type `/topics` to see everything I can explain.';

/**
 * The engine's answer as a reply: the topic when answered, what the bot covers, near misses and how to
 * browse the topics (`browseHint`, in the front end's own terms) when not.
 */
export function renderAnswer(answer: Answer, answerId?: string, browseHint = CHAT_BROWSE_HINT): Reply {
  if (answer.answered && answer.topic) return renderTopic(answer.topic, answer.suggestions, answerId);
  return {
    tone: 'unsure',
    title: { empty: 'Ask me about Docker', 'not-yet': "I don't have a topic on that yet", 'off-topic': "I don't have an answer for that" }[
      answer.abstention ?? 'off-topic'
    ],
    text: `${answer.text} ${browseHint}`,
    actions: topicButtons(answer.suggestions),
  };
}

export function relatedRefs(topic: Topic, lookup: (id: string) => Topic | undefined): TopicRef[] {
  return topic.related.map(lookup).filter((t): t is Topic => t !== undefined).map((t) => ({ id: t.id, title: t.title }));
}
