import { stripControlCharacters } from './strip-control-characters.ts';

/**
 * Makes user-supplied text safe to show inside a reply: no mention can ping anyone, no Markdown can reshape
 * the message and no control character gets through. Used wherever a reply repeats what someone typed.
 */
export function quoteUserText(raw: string, maxLength = 80): string {
  return flatten(raw, maxLength)
    .replace(/[\\`*_~|>#[\]()]/g, (c) => `\\${c}`)
    .replace(/<([@#!&])/g, '‹$1')
    .replace(/@/g, '@\u200B');
}

/** Text that can never ping: `@everyone`, `<@123>`, `<!channel>` and the like are broken up; nothing else changes. */
export function defuseMentions(text: string): string {
  return text.replace(/<([@#!&])/g, '‹$1').replace(/@/g, '@\u200B');
}

/**
 * User-supplied text for the inside of an inline code span (`` `…` ``): Markdown does not apply there, so
 * nothing is escaped (a backslash would show); only a backtick, which would close the span, is replaced by
 * a look-alike (ˋ), and mentions are broken as elsewhere.
 */
export function quoteUserCode(raw: string, maxLength = 80): string {
  return flatten(raw, maxLength).replace(/`/g, 'ˋ').replace(/@/g, '@\u200B');
}

/** Removes invisible formatting characters (zero-width spaces and joiners, direction marks and overrides). */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '');
}

/** One line, bounded first (a long paste costs no more than its first few hundred characters), without control or invisible characters. */
function flatten(raw: string, maxLength: number): string {
  const flattened = removeInvisibleCharacters(stripControlCharacters(raw.slice(0, maxLength * 4)).normalize('NFKC')).replace(/\s+/g, ' ').trim();
  return flattened.length > maxLength ? `${flattened.slice(0, maxLength - 1)}…` : flattened;
}
