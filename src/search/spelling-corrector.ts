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

/** A correction and how far it is from what was typed (Fuse.js score: 0 exact, 1 nothing alike). */
export interface Correction {
  word: string;
  distance: number;
}

/**
 * Corrects misspelt words against a closed vocabulary (the knowledge base's own words) with Fuse.js.
 * Words are bucketed by their first letter, which typos rarely touch, so each lookup searches a small list.
 * Between equally close words, the one the knowledge base uses more often wins ("containr" is "container",
 * not "contains").
 */
export class SpellingCorrector {
  readonly #counts: ReadonlyMap<string, number>;
  readonly #byInitial = new Map<string, Fuse<string>>();
  readonly #options: Required<SpellingCorrectorOptions>;
  readonly #cache = new Map<string, Correction | null>();

  /** @param vocabulary every word the knowledge base uses, as often as it uses it */
  constructor(vocabulary: Iterable<string>, options: SpellingCorrectorOptions = {}) {
    this.#options = { ...DEFAULTS, ...options };
    const counts = new Map<string, number>();
    for (const word of vocabulary) counts.set(word, (counts.get(word) ?? 0) + 1);
    this.#counts = counts;
    const buckets = new Map<string, string[]>();
    for (const word of counts.keys()) {
      if (!/^\p{L}/u.test(word)) continue;
      const bucket = buckets.get(word[0]!) ?? [];
      bucket.push(word);
      buckets.set(word[0]!, bucket);
    }
    for (const [initial, words] of buckets) {
      this.#byInitial.set(
        initial,
        new Fuse(words, { threshold: this.#options.threshold, ignoreLocation: true, includeScore: true, isCaseSensitive: true }),
      );
    }
  }

  has(word: string): boolean {
    return this.#counts.has(word);
  }

  /** The vocabulary word the user most likely meant, or `undefined` when the word is known or nothing is close. */
  correct(word: string): Correction | undefined {
    if (this.#counts.has(word) || word.length < this.#options.minLength || !/^\p{L}+$/u.test(word)) return undefined;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached ?? undefined;

    const fuse = this.#byInitial.get(word[0]!);
    let best: (Correction & { rank: number }) | undefined;
    const maxEdits = word.length >= this.#options.twoEditLength ? 2 : 1;
    for (const { item, score = 1 } of fuse?.search(word, { limit: 40 }) ?? []) {
      const edits = editDistance(word, item, maxEdits);
      if (edits > maxEdits) continue;
      const rank = score + edits * 0.01 - Math.log10(this.#counts.get(item)!) * 0.01;
      if (!best || rank < best.rank) best = { word: item, distance: score, rank };
    }
    const correction = best ? { word: best.word, distance: best.distance } : undefined;
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(word, correction ?? null);
    return correction;
  }
}

/**
 * Corrects a slip in a word too short for {@link SpellingCorrector} ("mont", "buld": any one edit) or a swap
 * of neighbouring letters it leaves alone ("biuld"), only when exactly one Docker term is that close.
 * "love", "test" and "redis" have no single Docker term that close, so they stay as typed.
 */
export class DockerTermCorrector {
  /** Docker terms by length, so a word is compared only with terms one letter longer, shorter or as long. */
  readonly #byLength = new Map<number, string[]>();
  readonly #cache = new Map<string, string | null>();

  /**
   * @param dockerTerms the Docker vocabulary: the docker CLI's subcommands and the words of the knowledge
   *   base's titles, aliases, keywords and commands
   */
  constructor(dockerTerms: Iterable<string>) {
    for (const term of new Set(dockerTerms)) {
      if (term.length < SHORTEST_DOCKER_TERM || !/^\p{L}+$/u.test(term)) continue;
      const list = this.#byLength.get(term.length) ?? [];
      list.push(term);
      this.#byLength.set(term.length, list);
    }
  }

  /** The one Docker term within one edit of `word`, or `undefined` when there is none or more than one. */
  correct(word: string): string | undefined {
    if (word.length < SHORTEST_DOCKER_TERM || word.length > LONGEST_CORRECTED || !/^\p{L}+$/u.test(word)) return undefined;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | undefined;
    let count = 0;
    for (let length = word.length - 1; length <= word.length + 1 && count < 2; length++) {
      for (const term of this.#byLength.get(length) ?? []) {
        if (term === word || editDistance(word, term, 1) > 1) continue;
        // Beyond four letters only a swap of neighbours: "biuld", but not "stuck" → "stack".
        if (word.length > SHORT_WORD && !isSwap(word, term)) continue;
        if (++count === 1) found = term;
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
