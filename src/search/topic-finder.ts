import Fuse from 'fuse.js';
import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { toTopicRef, type TopicRef } from './answer.ts';
import { cleanText } from './clean-text.ts';

export type FindTopicResult = { found: true; topic: Topic } | { found: false; closeMatches: TopicRef[] };

/** Fuse.js score of a name with a slip or two in it. */
const TYPO_SCORE = 0.3;
/** How much better than the runner-up a typo match must be. */
const CLEAR_LEAD = 0.1;
/**
 * How much of a name is matched fuzzily, in characters. Fuse.js's Bitap matcher handles 32 characters at a
 * time and its cost grows with every further chunk (a 6,000-character paste took over a second); 32
 * characters tell any two topic names apart. Exact lookups read up to `MAX_EXACT_NAME_LENGTH`.
 */
const MAX_FUZZY_NAME_LENGTH = 32;
/** The longest name looked up exactly, in characters; longer input is no name. */
const MAX_EXACT_NAME_LENGTH = 100;

interface NameEntry {
  topic: Topic;
  name: string;
}

/**
 * Finds a topic by what a person calls it (`/explain volumes`, `/explain Stop vs kill`, a typo of either)
 * and offers topic names for autocomplete. Questions go to the AnswerEngine; this matches names.
 */
export class TopicFinder {
  readonly #knowledge: KnowledgeBase;
  readonly #exact = new Map<string, Topic>();
  readonly #fuse: Fuse<NameEntry>;

  constructor(knowledge: KnowledgeBase) {
    this.#knowledge = knowledge;
    const entries: NameEntry[] = [];
    for (const topic of knowledge.topics) {
      for (const name of [topic.id, topic.title, ...topic.aliases]) {
        const key = cleanText(name.replace(/-/g, ' '));
        if (!this.#exact.has(key)) this.#exact.set(key, topic);
        entries.push({ topic, name: key });
      }
    }
    this.#fuse = new Fuse(entries, { keys: ['name'], threshold: 0.5, ignoreLocation: true, includeScore: true });
  }

  /**
   * The topic with this id, title or alias, or one a small typo away; otherwise the closest names. Reads a
   * bounded prefix of `name`, so any input costs at most a few milliseconds.
   */
  find(name: string): FindTopicResult {
    const key = nameKey(name);
    const exact = this.#exact.get(key);
    if (exact) return { found: true, topic: exact };
    const matches = this.#distinctTopics(this.#fuse.search(key.slice(0, MAX_FUZZY_NAME_LENGTH), { limit: 12 }));
    const [best, second] = matches;
    // A typo of one name ("volumse"), not a guess between several.
    const clearlyBest = best && best.score <= TYPO_SCORE && (!second || second.score - best.score >= CLEAR_LEAD);
    if (best && clearlyBest && key.length >= 4) return { found: true, topic: best.topic };
    return { found: false, closeMatches: matches.slice(0, 3).map((m) => toTopicRef(m.topic)) };
  }

  /**
   * Up to `limit` topics whose names match what has been typed so far; all topics, A to Z, for nothing. Reads
   * a bounded prefix of `partial`.
   */
  complete(partial: string, limit = 25): TopicRef[] {
    const key = nameKey(partial).slice(0, MAX_FUZZY_NAME_LENGTH);
    if (key.length === 0) return this.#knowledge.topics.slice(0, limit).map(toTopicRef);
    return this.#distinctTopics(this.#fuse.search(key, { limit: limit * 4 }))
      .slice(0, limit)
      .map((m) => toTopicRef(m.topic));
  }

  #distinctTopics(results: ReadonlyArray<{ item: NameEntry; score?: number }>): Array<{ topic: Topic; score: number }> {
    const seen = new Set<string>();
    const out: Array<{ topic: Topic; score: number }> = [];
    for (const { item, score = 1 } of results) {
      if (seen.has(item.topic.id)) continue;
      seen.add(item.topic.id);
      out.push({ topic: item.topic, score });
    }
    return out;
  }
}

/** A name as matched: bounded, cleaned, hyphens as spaces. */
function nameKey(name: string): string {
  return cleanText(name.slice(0, MAX_EXACT_NAME_LENGTH * 2).replace(/-/g, ' ')).slice(0, MAX_EXACT_NAME_LENGTH);
}
