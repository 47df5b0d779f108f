import { stemmer } from 'stemmer';
import { cleanText } from './clean-text.ts';
import { STOPWORDS } from './stopwords.ts';
import { FLAG_SYNONYMS, PHRASE_SYNONYMS, WORD_SYNONYMS } from './synonyms.ts';

/** A command-line flag (`-p`, `--rm`, `-it`) standing alone, or a word/number. */
const TOKEN = /(?<![\p{L}\p{N}])--?[a-z][a-z0-9-]*|[\p{L}\p{N}]+/gu;

/**
 * The words of a text as a reader means them: cleaned, multi-word forms joined, slang and long flags
 * replaced by the knowledge base's words, stopwords dropped. Not yet stemmed, so typos can be corrected
 * against real words.
 */
export function toSurfaceTokens(text: string): string[] {
  return surfaceTokensOfClean(cleanText(markInstructions(text)));
}

/**
 * Dockerfile instructions that are also everyday words are told apart by their capitals before the text is
 * lower-cased: "FROM" is an instruction, "from" a stopword.
 */
export function markInstructions(text: string): string {
  return text.replace(/\bFROM\b/g, 'fromline');
}

/** {@link toSurfaceTokens} for text that is already cleaned (a bounded query). */
export function surfaceTokensOfClean(cleaned: string): string[] {
  let prepared = cleaned;
  for (const [pattern, replacement] of PHRASE_SYNONYMS) prepared = prepared.replace(pattern, replacement);

  const tokens: string[] = [];
  for (const [raw] of prepared.matchAll(TOKEN)) {
    // A long flag is also its words: "--network host" is about networks.
    const mapped = raw.startsWith('-')
      ? [FLAG_SYNONYMS.get(raw) ?? raw, ...(raw.startsWith('--') ? raw.slice(2).split('-') : [])].join(' ')
      : (WORD_SYNONYMS.get(raw) ?? raw);
    for (const token of mapped.split(' ')) {
      if (token.length > 0 && !STOPWORDS.has(token)) tokens.push(token);
    }
  }
  return tokens;
}

/** Reduces a word to its stem so "containers" and "container" meet; flags and short words stay as they are. */
export function stemToken(token: string): string {
  return token.length <= 3 || token.startsWith('-') ? token : stemmer(token);
}

/** Surface tokens, stemmed: the terms the index and the queries are compared on. */
export function analyseText(text: string): string[] {
  return toSurfaceTokens(text).map(stemToken);
}
