/**
 * The raw tokens of a cleaned text: command-line flags (`-p`, `--rm`, `-it`) standing alone, and runs of
 * letters and numbers. {@link RAW_TOKEN} says what a token is; {@link forEachRawToken} finds the same tokens
 * without it.
 */
import { fnv1a } from './search-primitives.ts';

/** A command-line flag (`-p`, `--rm`, `-it`) standing alone, or a word/number: the definition of a raw token. */
export const RAW_TOKEN = /(?<![\p{L}\p{N}])--?[a-z][a-z0-9-]*|[\p{L}\p{N}]+/gu;

const HYPHEN = 0x2d;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether a code point is a letter or a number (`[\p{L}\p{N}]`); ASCII without a regular expression. */
function isWordCodePoint(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHARACTER.test(String.fromCodePoint(code));
}

/** `[a-z]`, as a flag's first letter. */
const isFlagLetter = (code: number): boolean => code >= 0x61 && code <= 0x7a;
/** `[a-z0-9-]`, as the rest of a flag. */
const isFlagCharacter = (code: number): boolean => isFlagLetter(code) || (code >= 0x30 && code <= 0x39) || code === HYPHEN;

/** The code point that ends just before `at` (a surrogate pair read whole), or -1 at the start. */
function codePointBefore(text: string, at: number): number {
  if (at === 0) return -1;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * Calls `visit` with where every match of {@link RAW_TOKEN} in `text` starts and ends (`text.slice(start, end)`
 * is the token), in order: the same tokens as `text.matchAll(RAW_TOKEN)`, found by reading the characters
 * once instead of running the Unicode regular expression, which was most of an index build's time.
 */
export function forEachRawToken(text: string, visit: (start: number, end: number) => void): void {
  const end = text.length;
  let at = 0;
  while (at < end) {
    const code = text.codePointAt(at)!;
    if (code === HYPHEN && !isWordCodePoint(codePointBefore(text, at))) {
      // `--?[a-z]`: a second hyphen only if a letter follows it, as the regular expression backtracks.
      let letter = at + 1;
      if (text.charCodeAt(letter) === HYPHEN && isFlagLetter(text.charCodeAt(letter + 1))) letter++;
      if (isFlagLetter(text.charCodeAt(letter))) {
        let stop = letter + 1;
        while (stop < end && isFlagCharacter(text.charCodeAt(stop))) stop++;
        visit(at, stop);
        at = stop;
        continue;
      }
    } else if (isWordCodePoint(code)) {
      let stop = at + (code > 0xffff ? 2 : 1);
      while (stop < end) {
        const next = text.codePointAt(stop)!;
        if (!isWordCodePoint(next)) break;
        stop += next > 0xffff ? 2 : 1;
      }
      visit(at, stop);
      at = stop;
      continue;
    }
    at += code > 0xffff ? 2 : 1;
  }
}

/**
 * What each raw token stands for, computed once per distinct token: a token is looked up by its place in the
 * text it was found in, so a token seen before costs no new string (open addressing over a hash of its
 * characters). Past `maxEntries` distinct tokens it starts again, so a flood of made-up words cannot grow it
 * without end.
 */
export class RawTokenMemo<T> {
  readonly #compute: (raw: string) => T;
  readonly #maxEntries: number;
  #keys: string[] = [];
  #values: T[] = [];
  #hashes: number[] = [];
  /** Entry number + 1 for each slot, 0 for an empty one; the table is a power of two, at most half full. */
  #slots = new Int32Array(1024);
  /**
   * Each slot's entry's hash, beside it: a probe compares hashes without reading the entry, which at an index
   * build's hundreds of thousands of distinct tokens is a miss of the processor's cache each time.
   */
  #slotHashes = new Uint32Array(1024);

  /** @param compute what a token stands for; called once per distinct token (until the memo starts again) */
  constructor(compute: (raw: string) => T, maxEntries: number) {
    this.#compute = compute;
    this.#maxEntries = maxEntries;
  }

  /** What `text.slice(start, end)` stands for. */
  get(text: string, start: number, end: number): T {
    const hash = fnv1a(text, start, end);
    const mask = this.#slots.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let entry = this.#slots[slot]! - 1; entry >= 0; entry = this.#slots[slot]! - 1) {
      if (this.#slotHashes[slot] === hash) {
        const key = this.#keys[entry]!;
        if (key.length === length && text.startsWith(key, start)) return this.#values[entry]!;
      }
      slot = (slot + 1) & mask;
    }
    const raw = text.slice(start, end);
    const value = this.#compute(raw);
    if (this.#keys.length >= this.#maxEntries) {
      this.#clear();
      return value;
    }
    this.#slots[slot] = this.#keys.push(raw);
    this.#slotHashes[slot] = hash;
    this.#values.push(value);
    this.#hashes.push(hash);
    if (this.#keys.length * 2 > this.#slots.length) this.#grow();
    return value;
  }

  #clear(): void {
    this.#keys = [];
    this.#values = [];
    this.#hashes = [];
    this.#slots = new Int32Array(1024);
    this.#slotHashes = new Uint32Array(1024);
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const slotHashes = new Uint32Array(slots.length);
    const mask = slots.length - 1;
    this.#hashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
      slotHashes[slot] = hash;
    });
    this.#slots = slots;
    this.#slotHashes = slotHashes;
  }
}
