import type { FontWeight } from '../inter-font-files.ts';
import { INTER_ADVANCE_WIDTHS, INTER_UNITS_PER_EM } from './inter-advance-widths.ts';

/** For a character outside the table: wider than any in it but the em dash, so estimates err towards too wide. */
const FALLBACK_EM = 1;

/** Ink above the baseline (ascenders, capitals, brackets) and below it (descenders), as fractions of the font size. */
export const ASCENT_EM = 0.8;
export const DESCENT_EM = 0.24;

/**
 * Width of one line of Inter text in user units: the sum of the glyphs' advance widths. Kerning only ever
 * narrows Inter's Latin text, so the sum is a safe upper bound for layout.
 */
export function textWidth(text: string, fontSize: number, weight: FontWeight): number {
  const widths = INTER_ADVANCE_WIDTHS[weight];
  let units = 0;
  for (const character of text) units += widths[character] ?? FALLBACK_EM * INTER_UNITS_PER_EM;
  return (units / INTER_UNITS_PER_EM) * fontSize;
}

/** Whether the width table knows every character of `text` (labels are checked in the tests). */
export function hasMetricsFor(text: string, weight: FontWeight): boolean {
  return [...text].every((character) => character in INTER_ADVANCE_WIDTHS[weight]);
}
