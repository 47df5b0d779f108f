/**
 * A set of analysed terms held as their numbers in ascending order: a topic's vocabulary in a few hundred
 * bytes rather than a `Set` of strings, which at 50,000 topics would be hundreds of megabytes. Membership is
 * a binary search.
 */
export class TermSet {
  readonly #ids: Int32Array;
  readonly #termIds: ReadonlyMap<string, number>;

  /**
   * @param ids distinct term numbers, ascending
   * @param termIds the numbering they come from (term → number)
   */
  constructor(ids: Int32Array, termIds: ReadonlyMap<string, number>) {
    this.#ids = ids;
    this.#termIds = termIds;
  }

  get size(): number {
    return this.#ids.length;
  }

  /** Whether the set holds this term (as analysed: a stem, a flag, a joined command). */
  has(term: string): boolean {
    const id = this.#termIds.get(term);
    return id !== undefined && this.hasId(id);
  }

  /** Whether the set holds the term with this number. */
  hasId(id: number): boolean {
    const ids = this.#ids;
    let low = 0;
    let high = ids.length - 1;
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
