/** The settings that decide whether the console uses colour and emphasis (read in `src/config.ts`). */
export interface ColorSettings {
  /** `NO_COLOR`: when set (non-empty), never colour (https://no-color.org); it wins over `FORCE_COLOR`. */
  noColor?: string;
  /** `FORCE_COLOR`: when set (non-empty) and not `0` or `false`, colour even when output is not a terminal. */
  forceColor?: string;
  /** `TERM`: `dumb` terminals get no escape codes. */
  term?: string;
}

/** Whether to write ANSI colour and emphasis: to a terminal unless told otherwise, never to a pipe unless forced. */
export function useColor(isTerminal: boolean, { noColor, forceColor, term }: ColorSettings = {}): boolean {
  if (noColor) return false;
  if (forceColor) return !/^(0|false)$/i.test(forceColor);
  if (term === 'dumb') return false;
  return isTerminal;
}
