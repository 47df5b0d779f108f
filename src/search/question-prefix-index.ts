import { lowerBound } from './search-primitives.ts';

/** The most postings or questions one {@link QuestionPrefixIndex.matching} call reads. */
export const MAX_QUESTIONS_READ = 5_000;

/** A text's words as autocomplete compares them: lower case, letters and digits. */
export const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Questions whose words start with every word typed so far ("why is my sec" → "Why is my second build so
 * fast?"), without reading every question: the questions' words sorted, so the words a typed word starts are
 * one range found by binary search, each word with the questions that use it. A call reads the smallest
 * range's questions, or (when every range is large, as for "a") the questions in order until enough match.
 */
export class QuestionPrefixIndex {
  readonly #words: string[][];
  /** Distinct words of all questions, sorted. */
  readonly #vocabulary: string[];
  /** For each vocabulary word, the questions using it, ascending. */
  readonly #postings: Int32Array[];
  /** Postings before each vocabulary word (one more entry than words): a range's size in O(1). */
  readonly #before: Float64Array;

  constructor(questions: readonly string[]) {
    this.#words = questions.map(wordsOf);
    const lists = new Map<string, number[]>();
    this.#words.forEach((words, q) => {
      for (const word of new Set(words)) {
        const list = lists.get(word);
        if (list) list.push(q);
        else lists.set(word, [q]);
      }
    });
    this.#vocabulary = [...lists.keys()].sort();
    this.#postings = this.#vocabulary.map((word) => Int32Array.from(lists.get(word)!));
    this.#before = new Float64Array(this.#vocabulary.length + 1);
    this.#postings.forEach((list, i) => (this.#before[i + 1] = this.#before[i]! + list.length));
  }

  /**
   * The first `max` questions (by number, ascending) each of whose typed `words` starts one of its words. Reads
   * at most {@link MAX_QUESTIONS_READ} postings or questions: past that, fewer than `max` may come back.
   */
  matching(words: readonly string[], max: number): number[] {
    if (words.length === 0 || max <= 0) return [];
    let narrowest = { from: 0, to: 0, size: Number.POSITIVE_INFINITY };
    for (const word of words) {
      const from = lowerBound(this.#vocabulary, word);
      const to = lowerBound(this.#vocabulary, `${word}\uffff`);
      const size = this.#before[to]! - this.#before[from]!;
      if (size < narrowest.size) narrowest = { from, to, size };
    }
    const matches = (q: number) => words.every((w) => this.#words[q]!.some((qw) => qw.startsWith(w)));
    const found: number[] = [];
    if (narrowest.size <= MAX_QUESTIONS_READ) {
      const candidates = new Set<number>();
      for (let v = narrowest.from; v < narrowest.to; v++) for (const q of this.#postings[v]!) candidates.add(q);
      for (const q of Int32Array.from(candidates).sort()) {
        if (found.length >= max) break;
        if (matches(q)) found.push(q);
      }
      return found;
    }
    for (let q = 0; q < Math.min(this.#words.length, MAX_QUESTIONS_READ) && found.length < max; q++) if (matches(q)) found.push(q);
    return found;
  }
}
