import type { KnowledgeBase, Topic } from '../knowledge/index.ts';

/** A flash card with the id progress is stored under: `<topic id>/c<n>`, counting from 1. */
export interface DeckCard {
  id: string;
  topic: Topic;
  front: string;
  back: string;
}

/** A multiple-choice question with its id: `<topic id>/q<n>`. */
export interface DeckQuestion {
  id: string;
  topic: Topic;
  question: string;
  answer: string;
  distractors: readonly string[];
  explanation: string;
}

/**
 * Every card and question in the knowledge base, with stable ids. Ids count a topic's cards in file order,
 * so editing a card's wording keeps learners' progress; reordering cards moves it to the new order.
 */
export class Deck {
  readonly cards: readonly DeckCard[];
  readonly questions: readonly DeckQuestion[];
  readonly #cards: ReadonlyMap<string, DeckCard>;
  readonly #questions: ReadonlyMap<string, DeckQuestion>;

  constructor(knowledge: KnowledgeBase) {
    this.cards = knowledge.topics.flatMap((topic) =>
      topic.cards.map((card, i) => ({ id: `${topic.id}/c${i + 1}`, topic, front: card.front, back: card.back })),
    );
    this.questions = knowledge.topics.flatMap((topic) =>
      topic.mcq.map((q, i) => ({
        id: `${topic.id}/q${i + 1}`,
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
