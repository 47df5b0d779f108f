import { stripControlCharacters } from './strip-control-characters.ts';

/**
 * Makes user-supplied text safe to show inside a reply: no mention can ping anyone and no Markdown can
 * reshape the message. Used wherever a reply repeats what someone typed.
 */
export function quoteUserText(raw: string, maxLength = 80): string {
  const flattened = stripControlCharacters(raw.slice(0, maxLength * 4))
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = flattened.length > maxLength ? `${flattened.slice(0, maxLength - 1)}…` : flattened;
  return cut
    .replace(/[\\`*_~|>#[\]()]/g, (c) => `\\${c}`)
    .replace(/<([@#!&])/g, '‹$1')
    .replace(/@/g, '@\u200B');
}

/** Text that can never ping: `@everyone`, `<@123>`, `<!channel>` and the like are broken up; nothing else changes. */
export function defuseMentions(text: string): string {
  return text.replace(/<([@#!&])/g, '‹$1').replace(/@/g, '@\u200B');
}
