/** A {@link PairTopics}' arrays, which structured clone (`node:v8`'s `serialize`) keeps as they are. */
export interface PairTopicsSnapshot {
  pairs: Float64Array;
  topicStart: Int32Array;
  topics: Int32Array;
}

/**
 * For each pair of terms used side by side in a phrase (see `adjacentPairs` in `phrase-index.ts`), the topics
 * whose phrases use it: sorted flat arrays (the pairs, and each pair's topics in ascending order) rather than
 * a `Map` entry per pair, which at 50,000 topics held a million pairs in about a hundred megabytes. A look-up
 * is a binary search.
 */
export class PairTopics {
  /** Every pair's number (`first * pairBase + second`), ascending. */
  readonly #pairs: Float64Array;
  /** Pair `i`'s topics are `#topics[#topicStart[i] .. #topicStart[i + 1])`, ascending. */
  readonly #topicStart: Int32Array;
  readonly #topics: Int32Array;

  private constructor(pairs: Float64Array, topicStart: Int32Array, topics: Int32Array) {
    this.#pairs = pairs;
    this.#topicStart = topicStart;
    this.#topics = topics;
  }

  /**
   * One entry per use of a pair, in `firsts`, `seconds` and `topics` alike; the same pair and topic may come
   * many times.
   * @param firsts each use's first term number, below `termCount`
   * @param seconds each use's second term number, below `pairBase`
   * @param topics each use's topic number, below `topicCount`
   * @param pairBase what a pair's first term number is multiplied by: above every second term number
   */
  static from(firsts: Int32Array, seconds: Int32Array, topics: Int32Array, termCount: number, topicCount: number, pairBase: number): PairTopics {
    const uses = firsts.length;
    // The uses grouped by their first term (a counting sort), then each group sorted by second term and topic.
    const groupStart = new Int32Array(termCount + 1);
    for (let i = 0; i < uses; i++) groupStart[firsts[i]! + 1]!++;
    for (let f = 0; f < termCount; f++) groupStart[f + 1]! += groupStart[f]!;
    const grouped = new Int32Array(uses);
    const filled = groupStart.slice(0, termCount);
    for (let i = 0; i < uses; i++) grouped[filled[firsts[i]!]!++] = i;

    const pairs = new Float64Array(uses);
    const topicStart = new Int32Array(uses + 1);
    const pairTopics = new Int32Array(uses);
    let pairCount = 0;
    let topicCountSoFar = 0;
    const keys = new Float64Array(uses);
    for (let f = 0; f < termCount; f++) {
      const start = groupStart[f]!;
      const end = groupStart[f + 1]!;
      if (start === end) continue;
      const group = keys.subarray(start, end);
      for (let k = start; k < end; k++) {
        const use = grouped[k]!;
        group[k - start] = seconds[use]! * topicCount + topics[use]!;
      }
      group.sort();
      let lastSecond = -1;
      let lastTopic = -1;
      for (let k = 0; k < group.length; k++) {
        const second = Math.floor(group[k]! / topicCount);
        const topic = group[k]! - second * topicCount;
        if (second !== lastSecond) {
          pairs[pairCount] = f * pairBase + second;
          topicStart[pairCount++] = topicCountSoFar;
          lastSecond = second;
          lastTopic = -1;
        }
        if (topic !== lastTopic) {
          pairTopics[topicCountSoFar++] = topic;
          lastTopic = topic;
        }
      }
    }
    topicStart[pairCount] = topicCountSoFar;
    return new PairTopics(pairs.slice(0, pairCount), topicStart.slice(0, pairCount + 1), pairTopics.slice(0, topicCountSoFar));
  }

  /** Its arrays, shared rather than copied: for the answer engine's index cache (`engine-index.ts`). */
  toSnapshot(): PairTopicsSnapshot {
    return { pairs: this.#pairs, topicStart: this.#topicStart, topics: this.#topics };
  }

  /**
   * The pairs a {@link toSnapshot} gave, its arrays used as they are.
   * @throws TypeError when an array is missing or of another type
   */
  static fromSnapshot(snapshot: PairTopicsSnapshot): PairTopics {
    const { pairs, topicStart, topics } = snapshot;
    if (!(pairs instanceof Float64Array && topicStart instanceof Int32Array && topics instanceof Int32Array)) throw new TypeError('not a PairTopics snapshot');
    return new PairTopics(pairs, topicStart, topics);
  }

  /** How many distinct pairs there are. */
  get size(): number {
    return this.#pairs.length;
  }

  /** The topic that uses this pair, or the topics (ascending) when several do; `undefined` when none does. */
  get(pair: number): number | readonly number[] | undefined {
    const pairs = this.#pairs;
    let low = 0;
    let high = pairs.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = pairs[mid]!;
      if (at === pair) {
        const start = this.#topicStart[mid]!;
        const end = this.#topicStart[mid + 1]!;
        return end - start === 1 ? this.#topics[start]! : Array.from(this.#topics.subarray(start, end));
      }
      if (at < pair) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}
