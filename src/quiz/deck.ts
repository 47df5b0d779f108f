import type { KnowledgeBase, Topic } from '../knowledge/index.ts';

/** A flash card with the id progress is stored under: `<topic id>/<card id>` (the card's own `id` field). */
export interface DeckCard {
  id: string;
  topic: Topic;
  front: string;
  back: string;
}

/** A multiple-choice question with its id: `<topic id>/<question id>`. */
export interface DeckQuestion {
  id: string;
  topic: Topic;
  question: string;
  answer: string;
  distractors: readonly string[];
  explanation: string;
}

/**
 * Every card and question in the knowledge base, with stable ids: each item's own `id` field, so editing a
 * card's wording, inserting cards before it or reordering them keeps learners' progress on it.
 */
export class Deck {
  readonly cards: readonly DeckCard[];
  readonly questions: readonly DeckQuestion[];
  readonly #cards: ReadonlyMap<string, DeckCard>;
  readonly #questions: ReadonlyMap<string, DeckQuestion>;

  constructor(knowledge: KnowledgeBase) {
    this.cards = knowledge.topics.flatMap((topic) =>
      topic.cards.map((card) => ({ id: `${topic.id}/${card.id}`, topic, front: card.front, back: card.back })),
    );
    this.questions = knowledge.topics.flatMap((topic) =>
      topic.mcq.map((q) => ({
        id: `${topic.id}/${q.id}`,
        topic,
        question: q.question,
        answer: q.answer,
        distractors: q.distractors,
        explanation: q.explanation,
      })),
    );
    this.#cards = new Map(this.cards.map((c) => [c.id, c]));
    this.#questions = new Map(this.questions.map((q) => [q.id, q]));
  }

  card(id: string): DeckCard | undefined {
    return this.#cards.get(id);
  }

  question(id: string): DeckQuestion | undefined {
    return this.#questions.get(id);
  }

  cardsOf(topicId: string): DeckCard[] {
    return this.cards.filter((c) => c.topic.id === topicId);
  }

  questionsOf(topicId: string): DeckQuestion[] {
    return this.questions.filter((q) => q.topic.id === topicId);
  }
}
