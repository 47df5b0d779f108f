import Fuse, { type IFuseOptions } from 'fuse.js';
import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { stemToken } from './analyse-text.ts';
import { toTopicRef, type TopicRef } from './answer.ts';
import { cleanText } from './clean-text.ts';
import { NameGramIndex } from './name-gram-index.ts';
import { OneSlipIndex } from './one-slip-index.ts';
import { STOPWORDS } from './stopwords.ts';
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
/**
 * The most names Fuse.js scores for one lookup or completion, chosen by {@link NameGramIndex}: scoring every
 * name cost 10–25 ms at 76 topics and a second at 5,000.
 */
export const MAX_SCORED_NAMES = 50;
/**
 * Fuse.js's Bitap makes one pass over a name per slip it allows (up to half the pattern), so a longer pattern
 * costs more per name (about 36 µs at 32 characters against 5 µs at 7, on a busy 2-CPU machine): beyond 8
 * characters, fewer names are scored, `400 / length` of them (12 at 32 characters).
 */
const scoredNamesFor = (patternLength: number): number => Math.min(MAX_SCORED_NAMES, Math.max(12, Math.floor(400 / patternLength)));
const FUSE_OPTIONS: IFuseOptions<NameEntry> = { keys: ['name'], threshold: 0.5, ignoreLocation: true, includeScore: true };

/** The work one call did, for tests and benchmarks: its bounds are what keeps every call within milliseconds. */
export interface LookupWork {
  /** Characters of the input matched fuzzily; at most 32. */
  fuzzyChars: number;
  /** Names Fuse.js scored; at most {@link MAX_SCORED_NAMES}. */
  scoredNames: number;
  /** Postings the candidate index visited; at most `MAX_POSTINGS_VISITED` of `name-gram-index.ts` (5,000). */
  visitedPostings: number;
}

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
 *
 * Every call does bounded work whatever the number of topics: the slip is looked up in a {@link OneSlipIndex},
 * and Fuse.js scores only the few names a {@link NameGramIndex} picks ({@link MAX_SCORED_NAMES} at most).
 * Building costs about 0.4 s at 500 topics and half a minute at 50,000 on a busy 2-CPU machine.
 */
export class TopicFinder {
  readonly #knowledge: KnowledgeBase;
  readonly #exact = new Map<string, Topic>();
  /** Names as stemmed words, with and without a leading "docker". */
  readonly #stemmed = new Map<string, Topic>();
  /** Every word of every name, for correcting one slip. */
  readonly #nameWords = new Set<string>();
  readonly #slips: OneSlipIndex;
  /** Every name, ids first, then titles, then aliases; Fuse.js scores the few {@link #grams} picks. */
  readonly #entries: NameEntry[] = [];
  readonly #grams: NameGramIndex;
  /** The topics whose names, keywords or example questions use each stemmed word, for {@link named}. */
  readonly #topicsByStem: ReadonlyMap<string, Int32Array>;
  /** Each topic's title length in words: among topics sharing as much with a question, the shorter title first. */
  readonly #titleWords: Int32Array;
  /** Per-call scratch for {@link named}: each topic's score, zero between calls. */
  readonly #namedScores: Float64Array;
  #lastWork: LookupWork = { fuzzyChars: 0, scoredNames: 0, visitedPostings: 0 };

  constructor(knowledge: KnowledgeBase) {
    this.#knowledge = knowledge;
    const entries = this.#entries;
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
    this.#slips = new OneSlipIndex(this.#nameWords);
    this.#grams = new NameGramIndex(entries.map((e) => e.name));
    this.#topicsByStem = topicsByStem(knowledge);
    this.#titleWords = Int32Array.from(knowledge.topics, (topic) => words(cleanText(topic.title)).length);
    this.#namedScores = new Float64Array(knowledge.topics.length);

    function rankOf(entry: { topic: Topic; name: string }): number {
      if (entry.name === entry.topic.id) return 0;
      return entry.name === entry.topic.title ? 1 : 2;
    }
  }

  /**
   * The topic with this id, title or alias, a plural, stem or slang of one, or one slip away; otherwise the
   * closest names. Reads a bounded prefix of `name` (200 characters, 100 of them once cleaned, 32 matched
   * fuzzily) and scores at most {@link MAX_SCORED_NAMES} names, so any input at any number of topics costs
   * at most a few milliseconds.
   */
  find(name: string): FindTopicResult {
    const key = nameKey(name);
    const found = this.lookUp(name);
    if (found) return { found: true, topic: found };
    const matches = this.#distinctTopics(this.#fuzzy(key.slice(0, MAX_FUZZY_NAME_LENGTH), 12));
    return { found: false, closeMatches: matches.slice(0, 3).map((m) => toTopicRef(m.topic)) };
  }

  /**
   * Up to `limit` topics whose names match what has been typed so far; all topics, A to Z, for nothing. Reads
   * a bounded prefix of `partial` (32 characters once cleaned) and scores at most {@link MAX_SCORED_NAMES} names.
   */
  complete(partial: string, limit = 25): TopicRef[] {
    const key = nameKey(partial).slice(0, MAX_FUZZY_NAME_LENGTH);
    this.#lastWork = { fuzzyChars: 0, scoredNames: 0, visitedPostings: 0 };
    if (key.length === 0) return this.#knowledge.topics.slice(0, limit).map(toTopicRef);
    return this.#distinctTopics(this.#fuzzy(key, limit * 4))
      .slice(0, limit)
      .map((m) => toTopicRef(m.topic));
  }

  /**
   * The topic `name` names, as {@link find} finds it (id, title or alias; a plural, stem or slang of one; one
   * slip away), or undefined: no close matches, so no fuzzy matching. Reads the same bounded prefix.
   */
  lookUp(name: string): Topic | undefined {
    const key = nameKey(name);
    this.#lastWork = { fuzzyChars: 0, scoredNames: 0, visitedPostings: 0 };
    return this.#exact.get(key) ?? this.#byStems(words(key)) ?? this.#byStems(this.#corrected(words(key)));
  }

  /**
   * Up to `limit` topics whose names, keywords or example questions use the words of `text` (stemmed, slang
   * expanded, stopwords left out): autocomplete's guess at what a half-typed question is about, at a bounded
   * cost. Each shared word counts its rarity (the log of topics over topics using it), three times when the
   * topic's title uses it, twice when its id or an alias does; the best total first, the shorter title among
   * equals. Reads the first
   * {@link MAX_NAMED_WORDS} such words of a bounded prefix of `text`, and skips a word more than
   * {@link MAX_TOPICS_PER_WORD} topics use.
   */
  named(text: string, limit: number): TopicRef[] {
    const stems = [...new Set(words(nameKey(text)).filter((w) => !STOPWORDS.has(w)).map(stemToken))].slice(0, MAX_NAMED_WORDS);
    const topics = this.#knowledge.topics;
    const scores = this.#namedScores;
    const touched: number[] = [];
    for (const stem of stems) {
      const list = this.#topicsByStem.get(stem);
      if (!list || list.length > MAX_TOPICS_PER_WORD) continue;
      const rarity = Math.log(1 + topics.length / list.length);
      for (const entry of list) {
        const t = entry >> 2;
        if (scores[t] === 0) touched.push(t);
        scores[t] = scores[t]! + rarity * (1 + (entry & 3));
      }
    }
    const ranked = touched.map((t) => ({ t, score: scores[t]! }));
    for (const t of touched) scores[t] = 0;
    return ranked
      .sort((a, b) => b.score - a.score || this.#titleWords[a.t]! - this.#titleWords[b.t]! || a.t - b.t)
      .slice(0, limit)
      .map(({ t }) => toTopicRef(topics[t]!));
  }

  /** What the last {@link find} or {@link complete} call did: characters matched fuzzily, names scored, postings visited. */
  get lastWork(): LookupWork {
    return this.#lastWork;
  }

  /** Fuse.js's best `limit` matches for `pattern` among the names the gram index picks, best first. */
  #fuzzy(pattern: string, limit: number): ReadonlyArray<{ item: NameEntry; score?: number }> {
    const { names, visited } = this.#grams.candidates(pattern, scoredNamesFor(pattern.length));
    this.#lastWork = { fuzzyChars: pattern.length, scoredNames: names.length, visitedPostings: visited };
    // In the names' own order, so that Fuse.js breaks ties as it would over all of them.
    return new Fuse(names.map((n) => this.#entries[n]!), FUSE_OPTIONS).search(pattern, { limit });
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
    for (const word of this.#slips.within(slip)) {
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

/** How many words of a text {@link TopicFinder.named} reads. */
const MAX_NAMED_WORDS = 12;
/** A word in more topics than this says little about which one a question is about, and costs a long walk. */
const MAX_TOPICS_PER_WORD = 1_000;

/** A name of more words than this is a question, not a name with a slip in it. */
const MAX_CORRECTED_WORDS = 6;

/**
 * For each stemmed word (stopwords left out), the topics whose names, keywords or example questions use it:
 * each entry a topic's number times four, plus 2 when its title uses the word, 1 when only an id or alias does.
 */
function topicsByStem(knowledge: KnowledgeBase): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  const stemsOf = (texts: readonly string[]) => new Set(texts.flatMap((text) => words(cleanText(text)).filter((w) => !STOPWORDS.has(w)).map(stemToken)));
  knowledge.topics.forEach((topic, t) => {
    const title = stemsOf([topic.title]);
    const naming = stemsOf([topic.id.replace(/-/g, ' '), ...topic.aliases]);
    for (const stem of new Set([...title, ...naming, ...stemsOf([...topic.keywords, ...topic.questions])])) {
      const list = lists.get(stem);
      const entry = t * 4 + (title.has(stem) ? 2 : naming.has(stem) ? 1 : 0);
      if (list) list.push(entry);
      else lists.set(stem, [entry]);
    }
  });
  return new Map([...lists].map(([stem, list]) => [stem, Int32Array.from(list)]));
}

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
