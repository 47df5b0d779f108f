import type { Reply, ReplyAction } from '../../core/index.ts';

export interface TerminalStyle {
  /** Use ANSI colours and bold. Default: off (plain text for pipes and files). */
  color?: boolean;
  /** Wrap lines at this many columns; 0 leaves them as they are. Default: 0. */
  width?: number;
}

const ANSI = { bold: '\x1b[1m', dim: '\x1b[2m', cyan: '\x1b[36m', yellow: '\x1b[33m', red: '\x1b[31m', reset: '\x1b[0m' };

// ANSI colour codes take no room on screen.
// eslint-disable-next-line no-control-regex
const visibleLength = (s: string): number => s.replace(/\x1b\[\d+m/g, '').length;

/** Wraps one line at word boundaries; continuation lines keep a list item's indent. */
export function wrapLine(line: string, width: number): string {
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
    lines.push(
      line
        .replace(/\*\*(.+?)\*\*/g, (_, s: string) => paint(ANSI.bold, s))
        .replace(/`([^`]+)`/g, (_, s: string) => paint(ANSI.cyan, s))
        .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
        .replace(/^(\s*)[-*] /, '$1• '),
    );
    lines.push(wrapLine(lines.pop()!, width));
  }
  return lines.join('\n');
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
  if (reply.title) parts.push(paint(titleColour, wrapLine(reply.title, style.width ?? 0)));
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
      wrapLine(row.map((a) => `${paint(ANSI.cyan, `[${++number}]`)} ${a.label}`).join('   '), style.width ?? 0),
    );
    parts.push(`${rows.join('\n')}\n${paint(ANSI.dim, 'Type a number to press one.')}`);
  }
  if (reply.footer) parts.push(paint(ANSI.dim, wrapLine(reply.footer, style.width ?? 0)));
  return { text: parts.join('\n\n'), actions };
}
