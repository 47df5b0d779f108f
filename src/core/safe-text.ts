/**
 * Makes user-supplied text safe to show inside a reply: no mention can ping anyone and no Markdown can
 * reshape the message. Used wherever a reply repeats what someone typed.
 */
export function quoteUserText(raw: string, maxLength = 80): string {
  return flatten(raw, maxLength)
    .replace(/[\\`*_~|>#[\]()]/g, (c) => `\\${c}`)
    .replace(/<([@#!&])/g, '‹$1')
    .replace(/@/g, '@\u200B');
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

function flatten(raw: string, maxLength: number): string {
  const flattened = removeInvisibleCharacters(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  return flattened.length > maxLength ? `${flattened.slice(0, maxLength - 1)}…` : flattened;
}
