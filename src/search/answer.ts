import type { Topic } from '../knowledge/index.ts';

/**
 * Why the engine abstained: `empty` (nothing left once cleaned), `not-yet` (a Docker question no topic
 * answers: "I don't have a topic on that yet"), or `off-topic` (not a Docker question).
 */
export type Abstention = 'empty' | 'not-yet' | 'off-topic';

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
  /** Why it abstained; null when it answered. */
  abstention: Abstention | null;
  topic: Topic | null;
  /** 0..1; the engine answers at {@link AnswerEngineOptions.minConfidence} and above. */
  confidence: number;
  /**
   * 0..1: share of the question's words (weighted, unknown words included) that the answering topic's
   * naming phrases, summary and example questions use; 0 when it abstains. Low means the topic answers
   * only part of what was asked: `npm run kb:gaps` lists such answers.
   */
  explainedShare: number;
  /** Markdown: the topic's body when answered, otherwise what the bot covers and what to try. */
  text: string;
  /** Related topics when answered; near misses when not. */
  suggestions: TopicRef[];
}

export const toTopicRef = (topic: Pick<Topic, 'id' | 'title'>): TopicRef => ({ id: topic.id, title: topic.title });
