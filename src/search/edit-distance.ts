/** Rows reused between calls (the distance is computed on the one thread, never re-entered). */
let rows = { beforePrevious: new Int32Array(64), previous: new Int32Array(64), current: new Int32Array(64) };

/**
 * How many single-letter edits (insert, delete, substitute, or swap two neighbours) turn one word into the
 * other: the optimal string alignment distance. A swap counts once, since "dokcer" is one slip, not two.
 * Stops early and returns `limit + 1` once the distance must exceed `limit`. Allocates nothing for words
 * under 64 UTF-16 units, so a spelling corrector can afford thousands of bounded calls per word.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > rows.previous.length) {
    const size = b.length + 1;
    rows = { beforePrevious: new Int32Array(size), previous: new Int32Array(size), current: new Int32Array(size) };
  }
  let { beforePrevious, previous, current } = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    if (rowMinimum > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}
