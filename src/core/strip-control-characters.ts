// Matching control characters is the point of these patterns.
/* eslint-disable no-control-regex */
/** ANSI escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL/ST`) and two-character escapes. */
const ANSI_ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[0-~]/g;
/** C0 controls but tab and line breaks, DEL and C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/* eslint-enable no-control-regex */
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes what must never be echoed to a platform or searched: ANSI escape sequences, control characters
 * (keeping tab, `\n` and `\r`, which pastes need) and lone UTF-16 surrogates (which make invalid UTF-8).
 * Linear in the input's length; callers bound the input first (see `INPUT_LIMITS`).
 */
export function stripControlCharacters(text: string): string {
  return text.replace(ANSI_ESCAPES, '').replace(CONTROLS, '').replace(LONE_SURROGATES, '');
}
