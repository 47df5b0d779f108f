import type { Topic } from '../knowledge/index.ts';

/** A topic named in an answer: enough to show it and to link to it. */
export interface TopicRef {
  id: string;
  title: string;
}

/** What the engine says about one question. */
export interface Answer {
  /** The question as asked, trimmed. */
  question: string;
  /** False when the engine abstains: off-topic, empty, or not sure enough. */
  answered: boolean;
  topic: Topic | null;
  /** 0..1; the engine answers at {@link AnswerEngineOptions.minConfidence} and above. */
  confidence: number;
  /** Markdown: the topic's body when answered, otherwise what the bot covers and what to try. */
  text: string;
  /** Related topics when answered; near misses when not. */
  suggestions: TopicRef[];
}

export const toTopicRef = (topic: Pick<Topic, 'id' | 'title'>): TopicRef => ({ id: topic.id, title: topic.title });
