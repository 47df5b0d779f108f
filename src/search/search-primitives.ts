/**
 * Two small primitives the search indexes share.
 */

/**
 * FNV-1a (Fowler–Noll–Vo, variant 1a) over the UTF-16 code units of `text.slice(start, end)`, 32 bits,
 * unsigned, without making the slice.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The first index of ascending `sorted` whose value is not below `value` (`sorted.length` when none); O(log n). */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
