import Fuse from 'fuse.js';
import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { stemToken } from './analyse-text.ts';
import { toTopicRef, type TopicRef } from './answer.ts';
import { cleanText } from './clean-text.ts';
import { editDistance } from './edit-distance.ts';
import { WORD_SYNONYMS } from './synonyms.ts';

export type FindTopicResult = { found: true; topic: Topic } | { found: false; closeMatches: TopicRef[] };

/**
 * How much of a name is matched fuzzily, in characters. Fuse.js's Bitap matcher handles 32 characters at a
 * time and its cost grows with every further chunk (a 6,000-character paste took over a second); 32
 * characters tell any two topic names apart. Exact lookups read up to `MAX_EXACT_NAME_LENGTH`.
 */
const MAX_FUZZY_NAME_LENGTH = 32;
/** The longest name looked up exactly, in characters; longer input is no name. */
const MAX_EXACT_NAME_LENGTH = 100;
/** A word this short is never corrected: "rm", "ps" and "cp" are one slip from too much. */
const SHORTEST_CORRECTED_WORD = 4;

interface NameEntry {
  topic: Topic;
  name: string;
}

/**
 * Finds a topic by what a person calls it (`/explain volumes`, `/explain Stop vs kill`, `/explain images`, a
 * typo of either) and offers topic names for autocomplete. Questions go to the AnswerEngine; this matches
 * names.
 *
 * A name is found when, after cleaning, it is a topic's id, title or alias; or the same word for word once
 * each word is stemmed and slang is expanded ("images", "containers", "imgs"), with a leading "docker"
 * optional ("docker volume" is Volumes); or the same with one word corrected: a word of four letters or
 * more that is one edit (insert, delete, substitute, swap) from exactly one word of the names ("volumse",
 * "regsitry"). Whole words only: "test" is not a slip of "latest", and "redis" opens nothing.
 */
export class TopicFinder {
  readonly #knowledge: KnowledgeBase;
  readonly #exact = new Map<string, Topic>();
  /** Names as stemmed words, with and without a leading "docker". */
  readonly #stemmed = new Map<string, Topic>();
  /** Every word of every name, for correcting one slip. */
  readonly #nameWords = new Set<string>();
  readonly #fuse: Fuse<NameEntry>;

  constructor(knowledge: KnowledgeBase) {
    this.#knowledge = knowledge;
    const entries: NameEntry[] = [];
    const names = knowledge.topics.flatMap((topic) => [topic.id, topic.title, ...topic.aliases].map((name) => ({ topic, name })));
    // Ids first, then titles, then aliases: an exact id wins over a name another topic merely starts with.
    names.sort((a, b) => rankOf(a) - rankOf(b));
    for (const { topic, name } of names) {
      const key = cleanText(name.replace(/-/g, ' '));
      if (!this.#exact.has(key)) this.#exact.set(key, topic);
      entries.push({ topic, name: key });
      for (const word of words(key)) this.#nameWords.add(word);
      for (const stemmed of stemmedKeys(key)) if (!this.#stemmed.has(stemmed)) this.#stemmed.set(stemmed, topic);
    }
    this.#fuse = new Fuse(entries, { keys: ['name'], threshold: 0.5, ignoreLocation: true, includeScore: true });

    function rankOf(entry: { topic: Topic; name: string }): number {
      if (entry.name === entry.topic.id) return 0;
      return entry.name === entry.topic.title ? 1 : 2;
    }
  }

  /**
   * The topic with this id, title or alias, a plural, stem or slang of one, or one slip away; otherwise the
   * closest names. Reads a bounded prefix of `name`, so any input costs at most a few milliseconds.
   */
  find(name: string): FindTopicResult {
    const key = nameKey(name);
    const found = this.#exact.get(key) ?? this.#byStems(words(key)) ?? this.#byStems(this.#corrected(words(key)));
    if (found) return { found: true, topic: found };
    const matches = this.#distinctTopics(this.#fuse.search(key.slice(0, MAX_FUZZY_NAME_LENGTH), { limit: 12 }));
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

  #byStems(typed: readonly string[] | undefined): Topic | undefined {
    if (!typed || typed.length === 0) return undefined;
    for (const key of stemmedKeys(typed.join(' '))) {
      const topic = this.#stemmed.get(key);
      if (topic) return topic;
    }
    return undefined;
  }

  /** The words with the one slip corrected, or undefined when there is none or it is not unambiguous. */
  #corrected(typed: readonly string[]): string[] | undefined {
    const unknown = typed.filter((w) => !this.#nameWords.has(w) && !this.#nameWords.has(stemToken(w)));
    if (unknown.length !== 1) return undefined;
    const [slip] = unknown as [string];
    if (slip.length < SHORTEST_CORRECTED_WORD || typed.length > MAX_CORRECTED_WORDS) return undefined;
    // Candidates by stem: "volumse" is one slip from both "volume" and "volumes", which are one word.
    const candidates = new Map<string, string>();
    for (const word of this.#nameWords) {
      if (Math.abs(word.length - slip.length) > 1 || editDistance(slip, word, 1) > 1) continue;
      candidates.set(stemToken(word), word);
      if (candidates.size > 1) return undefined;
    }
    const [correction] = candidates.values();
    return correction === undefined ? undefined : typed.map((w) => (w === slip ? correction : w));
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

/** A name of more words than this is a question, not a name with a slip in it. */
const MAX_CORRECTED_WORDS = 6;

/** A name as matched: bounded, cleaned, hyphens as spaces. */
function nameKey(name: string): string {
  return cleanText(name.slice(0, MAX_EXACT_NAME_LENGTH * 2).replace(/-/g, ' ')).slice(0, MAX_EXACT_NAME_LENGTH);
}

/** The words of a cleaned name, slang expanded ("imgs" → "images"). */
function words(key: string): string[] {
  return (key.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((w) => (WORD_SYNONYMS.get(w) ?? w).split(' '));
}

/** A name's words stemmed, and the same without a leading "docker": "docker images" → "docker imag", "imag". */
function stemmedKeys(key: string): string[] {
  const stems = words(key).map(stemToken);
  const keys = [stems.join(' ')];
  if (stems[0] === 'docker' && stems.length > 1) keys.push(stems.slice(1).join(' '));
  return keys;
}
