import type { Topic } from '../knowledge/index.ts';
import type { Answer, TopicRef } from '../search/index.ts';
import { encodeAction } from './action-id.ts';
import type { Reply, ReplyAction } from './reply.ts';

const MAX_BUTTONS_PER_ROW = 5;

/** "Read next" buttons for a list of topics. */
export function topicButtons(topics: readonly TopicRef[]): ReplyAction[][] {
  const buttons = topics.slice(0, MAX_BUTTONS_PER_ROW).map(
    (t): ReplyAction => ({ id: encodeAction({ action: 'explain', topicId: t.id }), label: t.title, style: 'secondary' }),
  );
  return buttons.length > 0 ? [buttons] : [];
}

/** A topic as a full reply: its body, the commands it teaches, and where to go next. */
export function renderTopic(topic: Topic, related: readonly TopicRef[]): Reply {
  const reply: Reply = { tone: 'answer', title: topic.title, text: topic.body, actions: topicButtons(related) };
  if (topic.commands.length > 0) {
    reply.fields = [{ name: 'Commands', value: topic.commands.map((c) => `\`${c}\``).join('\n') }];
  }
  return reply;
}

/** The engine's answer as a reply: the topic when answered, what the bot covers and near misses when not. */
export function renderAnswer(answer: Answer): Reply {
  if (answer.answered && answer.topic) return renderTopic(answer.topic, answer.suggestions);
  return {
    tone: 'unsure',
    title: answer.question.length === 0 ? 'Ask me about Docker' : "I don't have an answer for that",
    text: answer.text,
    actions: topicButtons(answer.suggestions),
  };
}

export function relatedRefs(topic: Topic, lookup: (id: string) => Topic | undefined): TopicRef[] {
  return topic.related.map(lookup).filter((t): t is Topic => t !== undefined).map((t) => ({ id: t.id, title: t.title }));
}
