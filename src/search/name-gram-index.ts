/**
 * The most postings one {@link NameGramIndex.candidates} call visits (posting-list entries counted, plus
 * names checked for the whole pattern). Lists that would take a call past it are skipped, longest first:
 * a gram in thousands of names ("doc", "er") tells little about which of them a typo meant.
 */
export const MAX_POSTINGS_VISITED = 5_000;

/** What one {@link NameGramIndex.candidates} call returns: the names, and the work it took. */
export interface NameCandidates {
  /** Indices into the indexed names, ascending; at most the `max` asked for. */
  names: number[];
  /** Posting-list entries visited and names checked for the whole pattern; at most {@link MAX_POSTINGS_VISITED}. */
  visited: number;
}

/**
 * The names worth handing to Fuse.js for one pattern, found without looking at every name: the names that
 * contain the pattern whole (Fuse.js's best matches), then those sharing the most of its two- and
 * three-letter pieces (where a typo's match lies). Each gram (one, two and three characters, spaces
 * included) maps to the names that contain it, as positions in Fuse.js's own order for equal scores: fewer
 * words first (its field-length norm), then the order the names were given in.
 *
 * Memory: one 32-bit entry per distinct gram per name, about 40 entries for a 15-character name.
 */
export class NameGramIndex {
  readonly #names: readonly string[];
  /** Name index by position (fewer words first, then given order). */
  readonly #byPosition: Int32Array;
  /** Positions of the names that contain each gram, ascending. */
  readonly #postings = new Map<string, Int32Array>();
  /** Per-call scratch: each position's shared-gram score, zero between calls. */
  readonly #score: Uint16Array;

  /** @param names cleaned names (lower case, single spaces), in the order Fuse.js was given them */
  constructor(names: readonly string[]) {
    this.#names = names;
    const words = names.map((name) => name.split(' ').filter(Boolean).length);
    this.#byPosition = Int32Array.from(names.keys()).sort((a, b) => words[a]! - words[b]! || a - b);
    const lists = new Map<string, number[]>();
    this.#byPosition.forEach((nameIndex, position) => {
      for (const gram of gramsOf(names[nameIndex]!, 3)) {
        const list = lists.get(gram);
        if (list) list.push(position);
        else lists.set(gram, [position]);
      }
    });
    for (const [gram, list] of lists) this.#postings.set(gram, Int32Array.from(list));
    this.#score = new Uint16Array(names.length);
  }

  /**
   * Up to `max` names for Fuse.js to score against `pattern` (cleaned, at most 32 characters as Fuse.js
   * matches): first those containing it whole, fewest words first; then, for the rest, those sharing the most
   * of its grams (three-letter grams count twice, two-letter ones once; for a pattern of one or two
   * characters, names with any of its characters, since Fuse.js allows one slip in two). Visits at most
   * {@link MAX_POSTINGS_VISITED} postings, whatever the number of names.
   */
  candidates(pattern: string, max: number): NameCandidates {
    const chosen = new Set<number>();
    let visited = this.#whole(pattern, max, chosen);
    if (chosen.size < max && pattern.length >= 2) visited += this.#sharing(pattern, max, chosen, MAX_POSTINGS_VISITED - visited);
    return { names: [...chosen].map((position) => this.#byPosition[position]!).sort((a, b) => a - b), visited };
  }

  /** Adds the first positions whose names contain `pattern` whole; returns the work done. */
  #whole(pattern: string, max: number, chosen: Set<number>): number {
    if (pattern.length <= 3) {
      const list = this.#postings.get(pattern) ?? EMPTY;
      const taken = Math.min(max, list.length);
      for (let i = 0; i < taken; i++) chosen.add(list[i]!);
      return taken;
    }
    // Every name containing the pattern contains its rarest trigram; walk that list and check each name.
    let rarest: Int32Array | undefined;
    for (const gram of gramsOf(pattern, 3, 3)) {
      const list = this.#postings.get(gram) ?? EMPTY;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    let visited = 0;
    for (const position of rarest ?? EMPTY) {
      if (chosen.size >= max || visited >= MAX_POSTINGS_VISITED) break;
      visited++;
      if (this.#names[this.#byPosition[position]!]!.includes(pattern)) chosen.add(position);
    }
    return visited;
  }

  /** Adds the positions sharing the most grams with `pattern` until `max` are chosen; returns the work done. */
  #sharing(pattern: string, max: number, chosen: Set<number>, budget: number): number {
    const grams = pattern.length <= 2 ? [...gramsOf(pattern, 1, 1)] : [...gramsOf(pattern, 3, 2)];
    const lists = grams.map((gram) => ({ weight: gram.length === 3 ? 2 : 1, list: this.#postings.get(gram) ?? EMPTY })).sort((a, b) => a.list.length - b.list.length);
    const score = this.#score;
    const touched: number[] = [];
    let visited = 0;
    for (const { weight, list } of lists) {
      if (visited + list.length > budget) break;
      visited += list.length;
      for (const position of list) {
        if (score[position] === 0) touched.push(position);
        score[position] = score[position]! + weight;
      }
    }
    // The best scores first, fewest words (lowest position) first among equals: the lowest score taken is the
    // one where the count from the top reaches what is wanted, and of that score only the lowest positions.
    const wanted = max - chosen.size;
    const counts = new Uint32Array(MAX_SCORE + 1);
    for (const position of touched) if (!chosen.has(position)) counts[score[position]!]!++;
    let lowest = MAX_SCORE;
    for (let above = 0; lowest > 0 && above + counts[lowest]! < wanted; lowest--) above += counts[lowest]!;
    const atLowest: number[] = [];
    for (const position of touched) {
      if (!chosen.has(position)) {
        if (score[position]! > lowest) chosen.add(position);
        else if (score[position] === lowest) atLowest.push(position);
      }
      score[position] = 0;
    }
    if (lowest > 0) for (const position of Int32Array.from(atLowest).sort().subarray(0, max - chosen.size)) chosen.add(position);
    return visited;
  }
}

const EMPTY = new Int32Array(0);
/** The highest shared-gram score: 31 trigrams of a 32-character pattern counting 2, and its 32 bigrams 1. */
const MAX_SCORE = 2 * 31 + 32;

/** The distinct substrings of `text` of `shortest` to `longest` characters. */
function gramsOf(text: string, longest: number, shortest = 1): Set<string> {
  const grams = new Set<string>();
  for (let size = shortest; size <= longest; size++) {
    for (let i = 0; i + size <= text.length; i++) grams.add(text.slice(i, i + size));
  }
  return grams;
}
