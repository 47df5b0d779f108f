import Fuse from 'fuse.js';
import { editDistance } from './edit-distance.ts';

export interface SpellingCorrectorOptions {
  /**
   * Fuse.js (Bitap) score above which a word is left as typed: 0 is exact, 1 anything.
   * @defaultValue 0.34 (one slip in a 3-letter stretch, so "voluem" still finds "volume")
   */
  threshold?: number;
  /**
   * Shortest word worth correcting. Bitap matches substrings, so any 4-letter word is one slip from
   * another ("lisa" is "lis" + 1 inside "list").
   * @defaultValue 5
   */
  minLength?: number;
  /**
   * Words at least this long may be two edits (insert, delete, substitute, swap) from their correction;
   * shorter ones one. Bitap finds words that merely share a stretch of letters: without a limit on edits
   * "sport" would become "transport", "mysql" "myself" and "simple" "single".
   * @defaultValue 9
   */
  twoEditLength?: number;
}

const DEFAULTS = { threshold: 0.34, minLength: 5, twoEditLength: 9 } as const satisfies Required<SpellingCorrectorOptions>;
const MAX_CACHED = 10_000;

/** What a {@link SpellingCorrector} is built from, as {@link SpellingCorrector.toSnapshot} gives it. */
export interface SpellingCorrectorSnapshot {
  counts: ReadonlyMap<string, number>;
  options: SpellingCorrectorOptions;
}

/** A correction and how far it is from what was typed (Fuse.js score: 0 exact, 1 nothing alike). */
export interface Correction {
  word: string;
  distance: number;
}

/**
 * Corrects misspelt words against a closed vocabulary (the knowledge base's own words) with Fuse.js.
 * Between equally close words, the one the knowledge base uses more often wins ("containr" is "container",
 * not "contains").
 *
 * Bounded at any vocabulary size: a correction must share the word's first letter (typos rarely touch it)
 * and be within one edit (two for long words), so only the words of that initial and of a length within
 * that many letters are compared, each with an allocation-free bounded edit distance that gives up after
 * a row or two; Fuse.js then scores the few that are close enough. Fuse.js's Bitap over a whole initial's
 * words took 47–64 ms for a word seen for the first time at 50,000 synthetic topics.
 */
export class SpellingCorrector {
  readonly #counts: ReadonlyMap<string, number>;
  /** Words by first letter and length (`"c7"`), in the order the vocabulary first used them. */
  readonly #buckets = new Map<string, string[]>();
  /** Each word's position in the vocabulary: Fuse.js breaks ties between equal scores by it. */
  readonly #order = new Map<string, number>();
  readonly #options: Required<SpellingCorrectorOptions>;
  readonly #cache = new Map<string, Correction | null>();

  /**
   * @param vocabulary every word the knowledge base uses, as often as it uses it, or already counted (word →
   *   how often; the map is copied)
   */
  constructor(vocabulary: Iterable<string> | ReadonlyMap<string, number>, options: SpellingCorrectorOptions = {}) {
    const counts = new Map<string, number>();
    if (vocabulary instanceof Map) for (const [word, count] of vocabulary as ReadonlyMap<string, number>) counts.set(word, count);
    else for (const word of vocabulary as Iterable<string>) counts.set(word, (counts.get(word) ?? 0) + 1);
    this.#options = { ...DEFAULTS, ...options };
    this.#counts = counts;
    for (const word of counts.keys()) {
      if (!/^\p{L}/u.test(word)) continue;
      this.#order.set(word, this.#order.size);
      const key = bucketKey(word[0]!, word.length);
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(word);
      else this.#buckets.set(key, [word]);
    }
  }

  has(word: string): boolean {
    return this.#counts.has(word);
  }

  /**
   * What it was built from: its vocabulary with each word's count (shared, not copied) and its options, which
   * structured clone keeps as they are. Its corrections so far are not kept: they are worked out again.
   */
  toSnapshot(): SpellingCorrectorSnapshot {
    return { counts: this.#counts, options: this.#options };
  }

  /**
   * The corrector a {@link toSnapshot} describes, built again from its vocabulary (its buckets by initial and
   * length: 3 to 12 ms for the 2,800 words of the shipped topics in a fresh process on a busy machine).
   * @throws TypeError when the vocabulary is not a `Map`
   */
  static fromSnapshot(snapshot: SpellingCorrectorSnapshot): SpellingCorrector {
    if (!(snapshot.counts instanceof Map)) throw new TypeError('not a SpellingCorrector snapshot');
    return new SpellingCorrector(snapshot.counts, snapshot.options);
  }

  /** The vocabulary word the user most likely meant, or `undefined` when the word is known or nothing is close. */
  correct(word: string): Correction | undefined {
    if (this.#counts.has(word) || word.length < this.#options.minLength || !/^\p{L}+$/u.test(word)) return undefined;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached ?? undefined;

    const maxEdits = word.length >= this.#options.twoEditLength ? 2 : 1;
    const close: string[] = [];
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      for (const item of this.#buckets.get(bucketKey(word[0]!, length)) ?? []) if (editDistance(word, item, maxEdits) <= maxEdits) close.push(item);
    }
    close.sort((a, b) => this.#order.get(a)! - this.#order.get(b)!);
    let best: (Correction & { rank: number }) | undefined;
    if (close.length > 0) {
      const fuse = new Fuse(close, { threshold: this.#options.threshold, ignoreLocation: true, includeScore: true, isCaseSensitive: true });
      for (const { item, score = 1 } of fuse.search(word, { limit: 40 })) {
        const edits = editDistance(word, item, maxEdits);
        const rank = score + edits * 0.01 - Math.log10(this.#counts.get(item)!) * 0.01;
        if (!best || rank < best.rank) best = { word: item, distance: score, rank };
      }
    }
    const correction = best ? { word: best.word, distance: best.distance } : undefined;
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(word, correction ?? null);
    return correction;
  }
}

const bucketKey = (initial: string, length: number): string => `${initial}${length}`;

/**
 * Corrects a slip in a word too short for {@link SpellingCorrector} ("mont", "buld": any one edit) or a swap
 * of neighbouring letters it leaves alone ("biuld"), only when exactly one Docker term is that close.
 * "love", "test" and "redis" have no single Docker term that close, so they stay as typed.
 *
 * One edit of a word of three letters or more keeps its first letter or its last one, so a word is compared
 * only with the terms one letter longer, shorter or as long that share its first or its last letter.
 */
export class DockerTermCorrector {
  /** Docker terms by length and first letter (`"f5b"`), and by length and last letter (`"l5d"`). */
  readonly #buckets = new Map<string, string[]>();
  readonly #cache = new Map<string, string | null>();

  /**
   * @param dockerTerms the Docker vocabulary: the docker CLI's subcommands and the words of the knowledge
   *   base's titles, aliases, keywords and commands
   */
  constructor(dockerTerms: Iterable<string>) {
    for (const term of new Set(dockerTerms)) {
      if (term.length < SHORTEST_DOCKER_TERM || !/^\p{L}+$/u.test(term)) continue;
      for (const key of [`f${term.length}${term[0]}`, `l${term.length}${term.at(-1)}`]) {
        const list = this.#buckets.get(key);
        if (list) list.push(term);
        else this.#buckets.set(key, [term]);
      }
    }
  }

  /** The Docker terms it corrects into (those long enough, of letters only), for the answer engine's index cache. */
  toSnapshot(): { terms: string[] } {
    const terms: string[] = [];
    // Every kept term is in exactly one first-letter bucket.
    for (const [key, list] of this.#buckets) if (key.startsWith('f')) terms.push(...list);
    return { terms };
  }

  /**
   * The corrector a {@link toSnapshot} describes.
   * @throws TypeError when `terms` is not an array
   */
  static fromSnapshot(snapshot: { terms: readonly string[] }): DockerTermCorrector {
    if (!Array.isArray(snapshot.terms)) throw new TypeError('not a DockerTermCorrector snapshot');
    return new DockerTermCorrector(snapshot.terms);
  }

  /** The one Docker term within one edit of `word`, or `undefined` when there is none or more than one. */
  correct(word: string): string | undefined {
    if (word.length < SHORTEST_DOCKER_TERM || word.length > LONGEST_CORRECTED || !/^\p{L}+$/u.test(word)) return undefined;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | undefined;
    let count = 0;
    const first = word[0]!;
    const last = word.at(-1)!;
    for (let length = word.length - 1; length <= word.length + 1 && count < 2; length++) {
      // Those sharing the first letter, then those sharing only the last: each term is looked at once.
      for (const [key, skipSameFirst] of [[`f${length}${first}`, false], [`l${length}${last}`, true]] as const) {
        for (const term of this.#buckets.get(key) ?? []) {
          if (skipSameFirst && term[0] === first) continue;
          if (term === word || editDistance(word, term, 1) > 1) continue;
          // Beyond four letters only a swap of neighbours: "biuld", but not "stuck" → "stack".
          if (word.length > SHORT_WORD && !isSwap(word, term)) continue;
          if (++count === 1) found = term;
          if (count > 1) break;
        }
        if (count > 1) break;
      }
    }
    const correction = count === 1 ? found : undefined;
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(word, correction ?? null);
    return correction;
  }
}

/** Words up to this long may be corrected by any one edit; longer ones only by a swap of neighbours. */
const SHORT_WORD = 4;

/** Whether `b` is `a` with two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return i >= 0 && i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Words shorter than this are never corrected: "rn", "cpy" have too many neighbours. */
const SHORTEST_DOCKER_TERM = 4;
/** Longer words are left to {@link SpellingCorrector}, whose candidates come from the whole vocabulary. */
const LONGEST_CORRECTED = 12;
