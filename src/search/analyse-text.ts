import { stemmer } from 'stemmer';
import { cleanText } from './clean-text.ts';
import { forEachRawToken, RawTokenMemo } from './raw-tokens.ts';
import { STOPWORDS } from './stopwords.ts';
import { FLAG_SYNONYMS, PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms.ts';

/**
 * The words of a text as a reader means them: cleaned, multi-word forms joined, slang and long flags
 * replaced by the knowledge base's words, stopwords dropped. Not yet stemmed, so typos can be corrected
 * against real words.
 */
export function toSurfaceTokens(text: string, memo: SurfaceTokenMemo = QUERY_TOKENS): string[] {
  return surfaceTokensOfClean(cleanText(markInstructions(text)), memo);
}

/**
 * {@link toSurfaceTokens} with each word as `memo` gives it (see {@link surfaceTokenMemoOf}): an index build's
 * word numbers, looked up once per distinct raw token rather than once per word written.
 */
export function toSurfaceTokensWith<T>(text: string, memo: RawTokenMemo<readonly T[]>): T[] {
  return surfaceTokensOfClean(cleanText(markInstructions(text)), memo);
}

/** Dockerfile instructions, which the knowledge and learners alike write in capitals. */
export const INSTRUCTIONS: ReadonlySet<string> = new Set(
  'FROM RUN CMD LABEL EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL HEALTHCHECK SHELL'.split(' '),
);

/**
 * What only capitals tell apart is marked before the text is lower-cased. A Dockerfile instruction becomes
 * its own term as well as its word ("the VOLUME instruction" is narrower than "a volume"); "FROM" only the
 * term, since "from" is a stopword. `-P` (publish all ports) is not `-p`. A text in capitals throughout is
 * shouting, not Dockerfile, and is left alone.
 */
export function markInstructions(text: string): string {
  if (!/\p{Ll}/u.test(text)) return text;
  return text
    .replace(/\b[A-Z]{3,11}\b/g, (word) => {
      if (!INSTRUCTIONS.has(word)) return word;
      return word === 'FROM' ? 'fromline' : `${word} ${word}line`;
    })
    .replace(/(?<!\S)-P(?![\w-])/g, '--publish-all');
}

/**
 * Whether any multi-word form could apply: all of them in one regular expression, so the many phrases that
 * hold none (titles, keywords, most questions) are scanned once instead of once per form. A text that
 * matches none of them is left unchanged by each in turn, so skipping them changes nothing. Undefined (no
 * shortcut) if the forms' flags differ beyond `g`.
 */
const ANY_PHRASE_SYNONYM = ((): RegExp | undefined => {
  const flags = new Set(PHRASE_SYNONYMS.map(([pattern]) => pattern.flags.replace('g', '')));
  if (flags.size !== 1) return undefined;
  return new RegExp(PHRASE_SYNONYMS.map(([pattern]) => `(?:${pattern.source})`).join('|'), [...flags][0]);
})();

/** {@link toSurfaceTokens} for text that is already cleaned (a bounded query). */
export function surfaceTokensOfClean(cleaned: string): string[];
export function surfaceTokensOfClean<T>(cleaned: string, memo: RawTokenMemo<readonly T[]>): T[];
export function surfaceTokensOfClean(cleaned: string, memo: RawTokenMemo<readonly unknown[]> = QUERY_TOKENS): unknown[] {
  let prepared = cleaned;
  if (!ANY_PHRASE_SYNONYM || ANY_PHRASE_SYNONYM.test(prepared)) {
    for (const [pattern, replacement] of PHRASE_SYNONYMS) prepared = prepared.replace(pattern, replacement);
  }

  const tokens: unknown[] = [];
  forEachRawToken(prepared, (start, end) => {
    const mapped = memo.get(prepared, start, end);
    for (let i = 0; i < mapped.length; i++) tokens.push(mapped[i]!);
  });
  return tokens;
}

/** A raw token's words: slang and long flags replaced by the knowledge base's words, stopwords dropped. */
function mapToken(raw: string): readonly string[] {
  // A long flag is also its words: "--network host" is about networks.
  const mapped = raw.startsWith('-')
    ? [FLAG_SYNONYMS.get(raw) ?? raw, ...(raw.startsWith('--') ? raw.slice(2).split('-') : [])].join(' ')
    : (WORD_SYNONYMS.get(raw) ?? raw);
  return mapped.split(' ').filter((token) => token.length > 0 && !STOPWORDS.has(token));
}

/** What raw tokens stand for, each computed once (see {@link surfaceTokenMemo}). */
export type SurfaceTokenMemo = RawTokenMemo<readonly string[]>;

/**
 * A memo of what raw tokens stand for. An index build uses one of its own, dropped with it, so that the
 * knowledge base's whole vocabulary is not kept for the process's life; questions share {@link QUERY_TOKENS}.
 * @param maxEntries how many distinct tokens it holds before it starts again
 */
export function surfaceTokenMemo(maxEntries = Number.POSITIVE_INFINITY): SurfaceTokenMemo {
  return new RawTokenMemo(mapToken, maxEntries);
}

/**
 * An index build's memo of what raw tokens stand for, each word as `convert` gives it (its number), called
 * once per distinct raw token, in the order the tokens are first met; unbounded, and dropped with the build.
 */
export function surfaceTokenMemoOf<T>(convert: (word: string) => T): RawTokenMemo<readonly T[]> {
  return new RawTokenMemo((raw) => mapToken(raw).map(convert), Number.POSITIVE_INFINITY);
}

/** The memo questions share: a learner's words are few, and a flood of made-up ones cannot grow it past this. */
const QUERY_TOKENS = surfaceTokenMemo(20_000);

/** Stems already computed: questions repeat their words. */
const QUERY_STEMS = new Map<string, string>();
/**
 * Past this many distinct words the questions' memo starts again, so a flood of made-up words cannot grow it
 * without end, and the vocabulary of a large knowledge base is not kept for the process's life.
 */
const MAX_QUERY_STEMS = 20_000;
/** The memo {@link stemToken} uses: the questions' one, or an index build's own (see {@link withOwnStems}). */
let stems = QUERY_STEMS;
let maxStems = MAX_QUERY_STEMS;

/** Reduces a word to its stem so "containers" and "container" meet; flags and short words stay as they are. */
export function stemToken(token: string): string {
  if (token.length <= 3 || token.startsWith('-')) return token;
  let stem = stems.get(token);
  if (stem === undefined) {
    if (stems.size >= maxStems) stems.clear();
    stem = stemmer(token);
    stems.set(token, stem);
  }
  return stem;
}

/**
 * Runs `build` (synchronous) with a stem memo of its own, unbounded and dropped when it returns: an index
 * build stems each of the knowledge base's distinct words several times (for the speller, the lexicon and
 * the index), which the questions' small memo could not hold.
 */
export function withOwnStems<T>(build: () => T): T {
  const saved = [stems, maxStems] as const;
  stems = new Map();
  maxStems = Number.POSITIVE_INFINITY;
  try {
    return build();
  } finally {
    [stems, maxStems] = saved;
  }
}

/** Surface tokens, stemmed: the terms the index and the queries are compared on. */
export function analyseText(text: string): string[] {
  return toSurfaceTokens(text).map(stemToken);
}
