import { Transform, type TransformCallback } from 'node:stream';

/** Asks the terminal to mark pastes (xterm's bracketed paste mode); `DISABLE` undoes it on the way out. */
export const BRACKETED_PASTE = { ENABLE: '\x1b[?2004h', DISABLE: '\x1b[?2004l' } as const;

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
/** Stands for a line break inside a paste while readline carries it as one line (shown as ␤ while typing). */
export const PASTED_LINE_BREAK = '\u2424';

/**
 * Joins each bracketed paste into one line: between the terminal's paste markers, line breaks become
 * `PASTED_LINE_BREAK` (turn them back with `restorePastedLines`) and the markers are dropped, so readline
 * hands over a pasted Dockerfile or multi-line question as one message. Text outside pastes passes as is.
 * Markers split across chunks are handled. Linear in the input.
 */
export class BracketedPasteJoiner extends Transform {
  #pasting = false;
  #pending = '';

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    let text = this.#pending + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    this.#pending = '';
    let out = '';
    for (;;) {
      const marker = this.#pasting ? PASTE_END : PASTE_START;
      const at = text.indexOf(marker);
      if (at < 0) break;
      out += this.#pass(text.slice(0, at));
      text = text.slice(at + marker.length);
      this.#pasting = !this.#pasting;
    }
    // Keep back what may be the start of a marker, or of a \r\n inside a paste, cut by the chunk boundary.
    const cut = Math.max(partialMarkerLength(text, this.#pasting ? PASTE_END : PASTE_START), this.#pasting && text.endsWith('\r') ? 1 : 0);
    this.#pending = text.slice(text.length - cut);
    out += this.#pass(text.slice(0, text.length - cut));
    done(null, out);
  }

  override _flush(done: TransformCallback): void {
    done(null, this.#pass(this.#pending));
  }

  #pass(text: string): string {
    return this.#pasting ? text.replace(/\r\n|\r|\n/g, PASTED_LINE_BREAK) : text;
  }
}

/** A line from readline with the line breaks of a paste put back. */
export function restorePastedLines(line: string): string {
  return line.replaceAll(PASTED_LINE_BREAK, '\n');
}

function partialMarkerLength(text: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, text.length); n > 0; n--) if (marker.startsWith(text.slice(text.length - n))) return n;
  return 0;
}
