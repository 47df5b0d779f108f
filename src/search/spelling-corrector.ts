import Fuse from 'fuse.js';

export interface SpellingCorrectorOptions {
  /**
   * Fuse.js (Bitap) score above which a word is left as typed: 0 is exact, 1 anything.
   * @defaultValue 0.34 (one slip in a 3-letter stretch, so "voluem" still finds "volume")
   */
  threshold?: number;
  /**
   * Shortest word worth correcting; shorter words are too easily "corrected" into another word.
   * @defaultValue 4
   */
  minLength?: number;
  /**
   * Largest difference in length between a word and its correction. Bitap matches substrings, so without
   * it "sport" would become "transport".
   * @defaultValue 2
   */
  maxLengthDifference?: number;
  /**
   * Words shorter than this may differ by one letter in length at most; words under 5 letters by one slip.
   * @defaultValue 7
   */
  shortWordLength?: number;
}

const DEFAULTS = { threshold: 0.34, minLength: 4, maxLengthDifference: 2, shortWordLength: 7 } as const satisfies Required<SpellingCorrectorOptions>;
const MAX_CACHED = 10_000;

/**
 * Corrects misspelt words against a closed vocabulary (the knowledge base's own words) with Fuse.js.
 * Words are bucketed by their first letter, which typos rarely touch, so each lookup searches a small list.
 */
export class SpellingCorrector {
  readonly #vocabulary: ReadonlySet<string>;
  readonly #byInitial = new Map<string, Fuse<string>>();
  readonly #options: Required<SpellingCorrectorOptions>;
  readonly #cache = new Map<string, string | null>();

  constructor(vocabulary: Iterable<string>, options: SpellingCorrectorOptions = {}) {
    this.#options = { ...DEFAULTS, ...options };
    this.#vocabulary = new Set(vocabulary);
    const buckets = new Map<string, string[]>();
    for (const word of this.#vocabulary) {
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
    return this.#vocabulary.has(word);
  }

  /** The vocabulary word the user most likely meant, or `undefined` when the word is known or nothing is close. */
  correct(word: string): string | undefined {
    if (this.#vocabulary.has(word) || word.length < this.#options.minLength || !/^\p{L}+$/u.test(word)) return undefined;
    const cached = this.#cache.get(word);
    if (cached !== undefined) return cached ?? undefined;

    const fuse = this.#byInitial.get(word[0]!);
    let best: { word: string; rank: number } | undefined;
    const isShort = word.length < this.#options.shortWordLength;
    const maxLengthDifference = isShort ? 1 : this.#options.maxLengthDifference;
    const maxScore = word.length < 5 ? 1 / word.length + 1e-9 : this.#options.threshold;
    for (const { item, score = 1 } of fuse?.search(word, { limit: 40 }) ?? []) {
      const lengthDifference = Math.abs(item.length - word.length);
      if (lengthDifference > maxLengthDifference || score > maxScore) continue;
      const rank = score + lengthDifference * 0.01;
      if (!best || rank < best.rank) best = { word: item, rank };
    }
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(word, best?.word ?? null);
    return best?.word;
  }
}
