import { readFileSync } from 'node:fs';

/**
 * How many of `common-english.txt`'s words (most frequent first) count as common English. At 10,000,
 * "garage", "butterfly", "bake", "container" and "laptop" are common; "watchtower", "ssh", "nfs",
 * "systemd", "python" and "kubernetes" are not.
 */
export const COMMON_ENGLISH_SIZE = 10_000;

const COMMON_ENGLISH_FILE = readFileSync(new URL('./common-english.txt', import.meta.url), 'utf8');

/** The first `count` stems of `common-english.txt`, most frequent first: the file is stemmed ahead of time, so this costs ~2 ms. */
export function commonStems(count: number): string[] {
  const lines = COMMON_ENGLISH_FILE.split('\n').filter((line) => line.length > 0 && !line.startsWith('#'));
  return lines.slice(0, count);
}

/**
 * The stems of the {@link COMMON_ENGLISH_SIZE} most frequent words of spoken English (SUBTLEX-US, see
 * `common-english.txt`'s header and `scripts/common-english.ts`). A word whose stem is not among them is
 * *rare*: a technical word, a product, a name. A common word is never spelling-corrected into another
 * ("extension" is not a typo of "expansion").
 */
export const COMMON_ENGLISH_STEMS: ReadonlySet<string> = new Set(commonStems(COMMON_ENGLISH_SIZE));
