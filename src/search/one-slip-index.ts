import { editDistance } from './edit-distance.ts';
import { fnv1a, lowerBound } from './search-primitives.ts';

/** Word numbers fit below this (2^21, two million words); a key is `hash × WORD_SLOTS + word`. */
const WORD_SLOTS = 2 ** 21;

/**
 * The words one slip (insert, delete, substitute, swap two neighbours) from a word, found without comparing
 * it to every word: two words one slip apart share a form with at most one letter deleted ("volumse" and
 * "volumes" both give "volume"), so each word is filed under the hashes of itself and of its one-deletion
 * forms, and a lookup reads the lists of the word's own forms, then checks each candidate with
 * `editDistance`. A lookup costs a binary search per letter of the word plus the candidates it finds.
 *
 * Memory: one 64-bit key per word and per letter of it.
 */
export class OneSlipIndex {
  readonly #words: readonly string[];
  /** `hash × WORD_SLOTS + word number`, ascending. */
  readonly #keys: Float64Array;

  /** @param words distinct words; at most two million */
  constructor(words: Iterable<string>) {
    this.#words = [...words].slice(0, WORD_SLOTS);
    const keys: number[] = [];
    this.#words.forEach((word, n) => {
      for (const form of new Set(formsOf(word))) keys.push(fnv1a(form) * WORD_SLOTS + n);
    });
    this.#keys = Float64Array.from(keys).sort();
  }

  /** The indexed words within one slip of `word` (itself included if indexed), each once. Reads at most 64 characters of `word`. */
  within(word: string): string[] {
    if (word.length > 64) return [];
    const found = new Set<number>();
    for (const form of new Set(formsOf(word))) {
      const hash = fnv1a(form);
      for (let i = lowerBound(this.#keys, hash * WORD_SLOTS); i < this.#keys.length && Math.floor(this.#keys[i]! / WORD_SLOTS) === hash; i++) {
        found.add(this.#keys[i]! % WORD_SLOTS);
      }
    }
    return [...found].map((n) => this.#words[n]!).filter((candidate) => editDistance(word, candidate, 1) <= 1);
  }
}

/** The word and every form of it with one letter deleted. */
function* formsOf(word: string): Generator<string> {
  yield word;
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
}
