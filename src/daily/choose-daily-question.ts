import { createHash } from 'node:crypto';
import type { DeckQuestion } from '../quiz/deck.ts';
import { seededRandom } from '../quiz/seeded-random.ts';
import { shuffle } from '../quiz/shuffle.ts';
import type { DailyQuestionHistory } from '../store/index.ts';

/** What to post: the question, and the order its options are shown in (indices into `[answer, ...distractors]`). */
export interface DailyChoice {
  question: DeckQuestion;
  optionOrder: number[];
}

export interface DailyChoiceInput {
  /** Every question in the knowledge base. */
  questions: readonly DeckQuestion[];
  /** Topic ids to draw from; all topics when empty. */
  topics: readonly string[];
  /** The channel's earlier posts, oldest first (`DailyStore.questionHistory`). */
  history: readonly DailyQuestionHistory[];
  /** What makes the choice reproducible: platform, channel and post key (the local date). */
  seed: string;
}

/**
 * Chooses a channel's daily question, the same one every time for the same input, so a retried post shows the
 * same question and options.
 *
 * - **No repeat until every eligible question was seen**: the history is read as rounds; a round ends when the
 *   channel has seen every eligible question, and the next question is one not yet seen in the current round.
 * - **Weaker topics first, not only**: among topics with unseen questions, one is drawn with weight
 *   `1 − (correct + 1) / (answers + 2)` over the channel's answers to that topic's daily questions (Laplace's
 *   rule: a topic nobody has answered weighs 0.5, one answered 1 in 5 right weighs 0.71, 4 in 5 right 0.29). A
 *   channel-level spaced repetition was considered and left out: one question a day across dozens of topics
 *   already spaces each topic by weeks, and a weighted draw keeps every topic in view.
 * - Then a question of that topic not yet seen this round, and the option order, from the same seeded draw.
 *
 * Returns undefined when no question matches `topics`. Linear in the number of questions and posts.
 */
export function chooseDailyQuestion(input: DailyChoiceInput): DailyChoice | undefined {
  const wanted = new Set(input.topics);
  const eligible = input.questions.filter((q) => wanted.size === 0 || wanted.has(q.topic.id));
  if (eligible.length === 0) return undefined;

  const unseen = unseenThisRound(eligible, input.history);
  const byTopic = new Map<string, DeckQuestion[]>();
  for (const question of unseen) byTopic.set(question.topic.id, [...(byTopic.get(question.topic.id) ?? []), question]);

  const random = seededRandom(seedNumber(input.seed));
  const weights = topicWeights(input.questions, input.history);
  const topics = [...byTopic.keys()].sort();
  const topic = weightedPick(topics, (id) => weights.get(id) ?? 0.5, random);
  const pool = byTopic.get(topic)!;
  const question = pool[Math.floor(random() * pool.length)]!;
  const optionOrder = shuffle(
    Array.from({ length: question.distractors.length + 1 }, (_, i) => i),
    random,
  );
  return { question, optionOrder };
}

/** The eligible questions not yet posted in the current round (all of them when a round just ended). */
function unseenThisRound(eligible: readonly DeckQuestion[], history: readonly DailyQuestionHistory[]): DeckQuestion[] {
  const ids = new Set(eligible.map((q) => q.id));
  let seen = new Set<string>();
  for (const post of history) {
    if (!ids.has(post.questionId)) continue;
    seen.add(post.questionId);
    if (seen.size === ids.size) seen = new Set();
  }
  return eligible.filter((q) => !seen.has(q.id));
}

/** Per topic, how much the channel needs it: one minus its smoothed share of right answers. */
function topicWeights(questions: readonly DeckQuestion[], history: readonly DailyQuestionHistory[]): Map<string, number> {
  const topicOf = new Map(questions.map((q) => [q.id, q.topic.id]));
  const tally = new Map<string, { answers: number; correct: number }>();
  for (const post of history) {
    const topic = topicOf.get(post.questionId);
    if (!topic) continue;
    const t = tally.get(topic) ?? { answers: 0, correct: 0 };
    tally.set(topic, { answers: t.answers + post.answers, correct: t.correct + post.correct });
  }
  return new Map([...tally].map(([topic, t]) => [topic, 1 - (t.correct + 1) / (t.answers + 2)]));
}

function weightedPick<T>(items: readonly T[], weight: (item: T) => number, random: () => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let left = random() * total;
  for (const item of items) {
    left -= weight(item);
    if (left < 0) return item;
  }
  return items.at(-1)!;
}

function seedNumber(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}
