import type { Topic } from './topic-schema.ts';

/** The validated, immutable set of topics the bot knows. */
export class KnowledgeBase {
  readonly topics: readonly Topic[];
  readonly #byId: ReadonlyMap<string, Topic>;

  constructor(topics: readonly Topic[]) {
    this.topics = Object.freeze([...topics].sort((a, b) => a.title.localeCompare(b.title)));
    this.#byId = new Map(this.topics.map((t) => [t.id, t]));
  }

  get size(): number {
    return this.topics.length;
  }

  get(id: string): Topic | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }
}
