/**
 * Every character a diagram label may contain: printable ASCII and a few typographic marks. The text-width
 * table is generated for exactly these, and a test checks that every label sticks to them.
 */
export const METRIC_CHARACTERS: readonly string[] = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  '→', '←', '↑', '↓', '…', '×', '·', '–', '—', '“', '”', '‘', '’',
];
