/** Characters that change nothing a reader sees but break matching: zero-width, joiners, bidi controls, BOM. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Discord mentions (`<@1>`, `<@!1>`, `<@&1>`, `<#1>`), Slack mentions (`<@U1>`, `<!here>`, `<#C1|name>`), `@everyone` / `@here`. */
const MENTIONS = /<[@#!][^>\s]{0,80}>|@(?:everyone|here|channel)\b/gi;
const URLS = /\bhttps?:\/\/\S+/gi;
const WHITESPACE = /\s+/g;
/** Combining marks left by canonical decomposition (NFD): the accents of "é", the diaeresis of "ü". */
const COMBINING_MARKS = /\p{M}/gu;

/** Any character beyond ASCII (code 128 or more). */
const NON_ASCII = /[\u0080-\uffff]/;

/** NFKC (full-width letters become ASCII), diacritics dropped after NFD, invisible characters removed. */
function foldUnicode(raw: string): string {
  return raw
    .normalize('NFKC')
    // Accents and other diacritics folded: "ímage" is "image", "résumé" "resume".
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .replace(INVISIBLE, '');
}

/** The longest question worth reading; anything longer is cut (a 10,000-character paste is not a question). */
export const MAX_QUERY_LENGTH = 500;

/**
 * Turns text into plain, comparable text: Unicode-normalised (full-width letters become ASCII by NFKC;
 * diacritics dropped after NFD), without invisible characters, mentions or links, lower-cased and
 * single-spaced.
 */
export function cleanText(raw: string): string {
  // Plain ASCII is already in every normal form and holds no combining mark or invisible character.
  const folded = NON_ASCII.test(raw) ? foldUnicode(raw) : raw;
  return folded
    .replace(MENTIONS, ' ')
    .replace(URLS, ' ')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

/** A user's question, bounded first so that a 10,000-character paste costs no more than a long question. */
export function cleanQuery(raw: string): string {
  return cleanText(raw.slice(0, MAX_QUERY_LENGTH * 4)).slice(0, MAX_QUERY_LENGTH);
}
