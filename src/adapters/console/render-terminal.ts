import type { Reply, ReplyAction } from '../../core/index.ts';

export interface TerminalStyle {
  /** Use ANSI colours and bold. Default: off (plain text for pipes and files). */
  color?: boolean;
  /** Wrap lines at this many columns; 0 leaves them as they are. Default: 0. */
  width?: number;
}

const ANSI = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  italic: '\x1b[3m',
  cyan: '\x1b[36m',
  yellow: '\x1b[33m',
  red: '\x1b[31m',
  reset: '\x1b[0m',
};

// ANSI colour codes take no room on screen.
// eslint-disable-next-line no-control-regex
const visibleLength = (s: string): number => s.replace(/\x1b\[\d+m/g, '').length;

/**
 * Lays out whole items (button labels, topic titles) on lines of at most `width` columns, `separator`
 * between items on a line; an item is broken only when it is wider than a line by itself.
 */
export function wrapItems(items: readonly string[], separator: string, width: number): string {
  if (width <= 0) return items.join(separator);
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    if (current && visibleLength(current) + visibleLength(separator) + visibleLength(item) > width) {
      lines.push(current);
      current = item;
    } else {
      current = current ? `${current}${separator}${item}` : item;
    }
  }
  lines.push(current);
  return lines.map((line) => wrapWords(line, width)).join('\n');
}

/**
 * Wraps one line at word boundaries; continuation lines keep a list item's indent. A line of items joined
 * by " · " (the topic list) breaks between items, not inside one.
 */
export function wrapLine(line: string, width: number): string {
  if (width <= 0 || visibleLength(line) <= width) return line;
  if (line.includes(' · ')) return wrapItems(line.split(' · '), ' · ', width);
  return wrapWords(line, width);
}

function wrapWords(line: string, width: number): string {
  if (width <= 0 || visibleLength(line) <= width) return line;
  const indent = ' '.repeat(/^(\s*(?:• )?)/.exec(line)![1]!.length);
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && visibleLength(current) + 1 + visibleLength(word) > width) {
      out.push(current);
      current = indent + word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  out.push(current);
  return out.join('\n');
}

/** Our Markdown subset, for a terminal: bold stays bold, code is coloured, links show their address. */
export function markdownToTerminal(markdown: string, { color = false, width = 0 }: TerminalStyle = {}): string {
  const paint = (code: string, s: string) => (color ? `${code}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      lines.push(`    ${paint(ANSI.cyan, line)}`);
      continue;
    }
    lines.push(wrapLine(inlineToTerminal(line.replace(/^(\s*)[-*] /, '$1• '), color), width));
  }
  return lines.join('\n');
}

/**
 * One line of our Markdown subset for a terminal: code spans are coloured and kept verbatim; outside them
 * `**bold**` and `*italic*`/`_italic_` become ANSI bold and italic (or plain words without colour), links show
 * their address, and backslash escapes (how the core marks user text, see `quoteUserText`) show the
 * character itself.
 */
export function inlineToTerminal(line: string, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `${code}${s}${ANSI.reset}` : s);
  return line
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? paint(ANSI.cyan, part.slice(1, -1)) : emphasisToTerminal(part, paint)))
    .join('');
}

function emphasisToTerminal(text: string, paint: (code: string, s: string) => string): string {
  // Escaped characters are set aside first so that `\*` never starts emphasis.
  const escaped: string[] = [];
  return text
    .replace(/\\([\\`*_~|>#[\]()])/g, (_, c: string) => `\uE000${escaped.push(c) - 1}\uE001`)
    .replace(/\*\*(?=\S)(.+?)\*\*/g, (_, s: string) => paint(ANSI.bold, s))
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)\*(?![\w*])/g, (_, before: string, s: string) => before + paint(ANSI.italic, s))
    .replace(/(^|[^\w_])_(?=\S)([^_]+?)_(?![\w_])/g, (_, before: string, s: string) => before + paint(ANSI.italic, s))
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\uE000(\d+)\uE001/g, (_, n: string) => escaped[Number(n)]!);
}

/**
 * A whole reply as terminal text; buttons are numbered so the user can type the number. An image is shown
 * as its text version, with the path of the PNG when the caller saved one; an attached file by its path.
 */
export function renderReplyForTerminal(
  reply: Reply,
  style: TerminalStyle = {},
  savedImagePath?: string,
  savedFilePath?: string,
): { text: string; actions: ReplyAction[] } {
  const paint = (code: string, s: string) => (style.color ? `${code}${s}${ANSI.reset}` : s);
  const parts: string[] = [];
  const titleColour = reply.tone === 'error' ? ANSI.red : reply.tone === 'unsure' ? ANSI.yellow : ANSI.bold;
  if (reply.title) parts.push(paint(titleColour, wrapLine(inlineToTerminal(reply.title, false), style.width ?? 0)));
  if (reply.text) parts.push(markdownToTerminal(reply.text, style));
  for (const field of reply.fields ?? []) {
    parts.push(`${paint(ANSI.bold, field.name)}\n${markdownToTerminal(field.value, style)}`);
  }
  if (reply.image) {
    parts.push(reply.image.fallbackText);
    if (savedImagePath) parts.push(paint(ANSI.dim, `The picture: ${savedImagePath}`));
  }
  if (reply.file) parts.push(paint(ANSI.dim, savedFilePath ? `${reply.file.description}: ${savedFilePath}` : `${reply.file.description}: ${reply.file.name} (not saved)`));
  const actions = (reply.actions ?? []).flat();
  if (actions.length > 0) {
    // One line per row of buttons, numbered across rows, as the chat platforms lay them out.
    let number = 0;
    const rows = (reply.actions ?? []).map((row) =>
      wrapItems(row.map((a) => `${paint(ANSI.cyan, `[${++number}]`)} ${a.label}`), '   ', style.width ?? 0),
    );
    parts.push(`${rows.join('\n')}\n${paint(ANSI.dim, 'Type a number to press one.')}`);
  }
  if (reply.footer) parts.push(paint(ANSI.dim, wrapLine(inlineToTerminal(reply.footer, false), style.width ?? 0)));
  return { text: parts.join('\n\n'), actions };
}
