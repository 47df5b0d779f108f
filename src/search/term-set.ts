/**
 * A set of analysed terms held as their numbers in ascending order: a topic's vocabulary in a few hundred
 * bytes rather than a `Set` of strings, which at 50,000 topics would be hundreds of megabytes. Membership is
 * a binary search.
 */
export class TermSet {
  readonly #ids: Int32Array;
  readonly #start: number;
  readonly #end: number;
  readonly #termIds: ReadonlyMap<string, number>;

  /**
   * @param ids distinct term numbers, ascending, from `start` (inclusive) to `end` (exclusive): many sets
   *   may share one array
   * @param termIds the numbering they come from (term → number)
   */
  constructor(ids: Int32Array, termIds: ReadonlyMap<string, number>, start = 0, end = ids.length) {
    this.#ids = ids;
    this.#start = start;
    this.#end = end;
    this.#termIds = termIds;
  }

  get size(): number {
    return this.#end - this.#start;
  }

  /** Whether the set holds this term (as analysed: a stem, a flag, a joined command). */
  has(term: string): boolean {
    const id = this.#termIds.get(term);
    return id !== undefined && this.hasId(id);
  }

  /** Whether the set holds the term with this number. */
  hasId(id: number): boolean {
    const ids = this.#ids;
    let low = this.#start;
    let high = this.#end - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = ids[mid]!;
      if (at === id) return true;
      if (at < id) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }
}

/**
 * A number for every analysed term, held by term number in one typed array rather than a `Map` entry per
 * term; read like a `Map` by term.
 */
export class TermValues {
  readonly #values: Float64Array | Int32Array;
  readonly #termIds: ReadonlyMap<string, number>;

  /**
   * @param values the number of each term, by term number
   * @param termIds the numbering (term → number)
   */
  constructor(values: Float64Array | Int32Array, termIds: ReadonlyMap<string, number>) {
    this.#values = values;
    this.#termIds = termIds;
  }

  /** The term's number, or `undefined` for a term not numbered. */
  get(term: string): number | undefined {
    const id = this.#termIds.get(term);
    return id === undefined ? undefined : this.#values[id];
  }

  /** Whether the term is numbered. */
  has(term: string): boolean {
    return this.#termIds.has(term);
  }
}
