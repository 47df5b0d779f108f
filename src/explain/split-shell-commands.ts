import { parse as parseShellWords, type ParseEntry } from 'shell-quote';
import type { ExplainProblem } from './explain-problem.ts';

/** One simple command of a pasted shell line: its words after quote removal, variables kept as written. */
export interface ShellCommand {
  words: string[];
  /** The 1-based line of the paste it starts on. */
  line: number;
  /** Set when the command sits inside a `$(…)` or backticks of another command. */
  insideSubstitution?: boolean;
}

/** A piece of shell syntax around the commands: what joins, redirects or substitutes them. */
export interface ShellPart {
  kind: 'operator' | 'redirection' | 'substitution';
  text: string;
  line: number;
}

export interface SplitShell {
  commands: ShellCommand[];
  parts: ShellPart[];
}

export type SplitShellResult = { ok: true; value: SplitShell } | { ok: false; problem: ExplainProblem };

/** Stands in for a `$(…)`, backtick or `${…}` span while shell-quote reads the words; shell-quote keeps it whole. */
const PLACEHOLDER = /Zq9subst(\d+)Z/g;
const placeholder = (n: number) => `Zq9subst${n}Z`;
const MAX_SUBSTITUTION_DEPTH = 3;

interface Span {
  /** As written: `$(docker ps -aq)`, `${HOME}`. */
  text: string;
  /** The command inside a substitution, or undefined for `${…}`. */
  inner?: string;
  line: number;
}

/**
 * Splits pasted shell text into simple commands without running anything. It joins `\` line continuations
 * (and PowerShell's `` ` `` and cmd's `^` at a line's end), keeps `$VAR`, `${VAR}`, `$(…)` and backticks as
 * written, refuses unbalanced quotes and substitutions, and splits at `&&`, `||`, `;`, `|`, `&` and new lines;
 * redirections become parts. Commands inside `$(…)` are split too (three levels at most). shell-quote reads
 * the words; this function covers what it does not (it expands unknown variables to nothing, accepts
 * unterminated quotes, and splits `$(` into separate tokens). Linear in the text's length; callers bound it.
 */
export function splitShellCommands(text: string, depth = 0, firstLine = 1): SplitShellResult {
  const scanned = scanLines(text, firstLine);
  if (!scanned.ok) return scanned;
  const commands: ShellCommand[] = [];
  const parts: ShellPart[] = [];
  const { segments, spans } = scanned;
  for (const segment of segments) readSegment(segment.text, segment.line, spans, commands, parts);

  for (const span of spans) {
    if (span.inner === undefined) continue;
    parts.push({ kind: 'substitution', text: span.text, line: span.line });
    if (depth >= MAX_SUBSTITUTION_DEPTH) continue;
    const inner = splitShellCommands(span.inner, depth + 1, span.line);
    if (!inner.ok) return inner;
    commands.push(...inner.value.commands.map((c) => ({ ...c, insideSubstitution: true })));
    parts.push(...inner.value.parts);
  }
  return { ok: true, value: { commands, parts } };
}

type Scanned = { ok: true; segments: { text: string; line: number }[]; spans: Span[] } | { ok: false; problem: ExplainProblem };

/** One pass over the characters: logical lines, quote balance, and substitution spans swapped for placeholders. */
function scanLines(text: string, firstLine: number): Scanned {
  const segments: { text: string; line: number }[] = [];
  const spans: Span[] = [];
  let out = '';
  let line = firstLine;
  let segmentLine = firstLine;
  let quote: { char: '"' | "'"; line: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\n') line++;
    if (quote?.char === "'") {
      if (ch === "'") quote = undefined;
      out += ch;
      continue;
    }
    if (ch === '\\' && next !== undefined) {
      const continuation = next === '\n' || (next === '\r' && text[i + 2] === '\n');
      if (continuation) {
        out += ' ';
        i += next === '\r' ? 2 : 1;
        line++;
      } else {
        out += ch + next;
        i++;
      }
      continue;
    }
    if (!quote && (ch === '`' || ch === '^') && /^[ \t]*\r?\n/.test(text.slice(i + 1, i + 4)) && /\s$/.test(out)) {
      // PowerShell's backtick and cmd's caret continue a line the way `\` does.
      i = text.indexOf('\n', i);
      line++;
      out += ' ';
      continue;
    }
    if ((ch === '$' && (next === '(' || next === '{')) || ch === '`') {
      const end = ch === '`' ? closingBacktick(text, i + 1) : closingBracket(text, i + 1);
      if (end < 0) return { ok: false, problem: ch === '`' ? { code: 'unterminated-quote', quote: '`', line } : { code: 'unterminated-substitution', line } };
      const written = text.slice(i, end + 1);
      // `${…}` is a variable and `$((…))` arithmetic: kept as written, with no command inside.
      const isVariable = ch === '$' && (next === '{' || text[i + 2] === '(');
      const inner = isVariable ? undefined : ch === '`' ? written.slice(1, -1) : written.slice(2, -1).replace(/^\(|\)$/g, '');
      spans.push({ text: written, ...(inner === undefined ? {} : { inner }), line });
      out += placeholder(spans.length - 1);
      line += (written.match(/\n/g) ?? []).length;
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (quote?.char === ch) quote = undefined;
      else if (!quote) quote = { char: ch, line };
    }
    if (!quote && ch === '#' && (out === '' || /\s$/.test(out))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '\n' && !quote) {
      segments.push({ text: out, line: segmentLine });
      out = '';
      segmentLine = line;
      continue;
    }
    out += ch;
  }
  if (quote) return { ok: false, problem: { code: 'unterminated-quote', quote: quote.char, line: quote.line } };
  segments.push({ text: out, line: segmentLine });
  return { ok: true, segments: segments.filter((s) => s.text.trim() !== ''), spans };
}

/** Index of the bracket closing the one at `open` (`(` or `{`), skipping quoted text and nested brackets; -1 when none. */
function closingBracket(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}' };
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

function closingBacktick(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') return i;
  }
  return -1;
}

const REDIRECTIONS = new Set(['>', '>>', '<', '>&', '<&', '>|', '<>', '<<', '<<<', '&>', '&>>']);

/** Reads one logical line's tokens into commands and parts. */
function readSegment(text: string, line: number, spans: readonly Span[], commands: ShellCommand[], parts: ShellPart[]): void {
  const restore = (s: string) => s.replace(PLACEHOLDER, (_, n: string) => spans[Number(n)]?.text ?? '');
  // Unknown variables would expand to nothing; this keeps `$VAR` as written.
  const tokens: ParseEntry[] = parseShellWords(text, (name) => `$${name}`);
  let words: string[] = [];
  const finish = () => {
    if (words.length > 0) commands.push({ words, line });
    words = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (typeof token === 'string') {
      words.push(restore(token));
    } else if ('op' in token) {
      if (token.op === 'glob') {
        words.push(restore(token.pattern));
      } else if (REDIRECTIONS.has(token.op)) {
        const target = tokens[i + 1];
        const fd = words.length > 1 && /^\d$/.test(words.at(-1)!) ? words.pop()! : '';
        const targetText = typeof target === 'string' ? restore(target) : '';
        if (typeof target === 'string') i++;
        parts.push({ kind: 'redirection', text: `${fd}${token.op}${targetText}`, line });
      } else {
        finish();
        parts.push({ kind: 'operator', text: token.op, line });
      }
    }
  }
  finish();
}
