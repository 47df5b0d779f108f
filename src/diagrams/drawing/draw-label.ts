import type { FontWeight } from '../inter-font-files.ts';
import { type Drawing, num } from './drawing.ts';
import { escapeXml } from './escape-xml.ts';
import { ASCENT_EM, DESCENT_EM, textWidth } from './text-metrics.ts';

export type TextAnchor = 'start' | 'middle' | 'end';

export interface LabelSpec {
  text: string;
  /** Where the anchor sits horizontally: the left end, centre or right end of the line. */
  x: number;
  /** The vertical centre of capital letters. */
  cy: number;
  size: number;
  color: string;
  /** @defaultValue 400 */
  weight?: FontWeight;
  /** @defaultValue 'middle' */
  anchor?: TextAnchor;
}

/** Capitals are 0.73 em tall in Inter, so this baseline centres them on `cy`. */
const CAP_CENTRE_EM = 0.364;

/** Draws one line of text and records the box its ink occupies. */
export function drawLabel(drawing: Drawing, spec: LabelSpec): void {
  const weight = spec.weight ?? 400;
  const anchor = spec.anchor ?? 'middle';
  const width = textWidth(spec.text, spec.size, weight);
  const left = anchor === 'start' ? spec.x : anchor === 'middle' ? spec.x - width / 2 : spec.x - width;
  const baseline = spec.cy + spec.size * CAP_CENTRE_EM;
  drawing.append(
    `<text x="${num(spec.x)}" y="${num(baseline)}" font-size="${num(spec.size)}" font-weight="${weight}" ` +
      `fill="${spec.color}" text-anchor="${anchor}">${escapeXml(spec.text)}</text>`,
  );
  drawing.layout.labels.push({
    text: spec.text,
    bounds: { x: left, y: baseline - spec.size * ASCENT_EM, width, height: spec.size * (ASCENT_EM + DESCENT_EM) },
    fontSize: spec.size,
    weight,
    color: spec.color,
  });
}

export interface TextLine {
  text: string;
  size: number;
  /** @defaultValue 400 */
  weight?: FontWeight;
}

/** Baseline-to-baseline distance, as a multiple of the lower line's font size. */
const LINE_HEIGHT_EM = 1.3;
/** Height of Inter's capitals, as a fraction of the font size. */
const CAP_HEIGHT_EM = 2 * CAP_CENTRE_EM;

/** Baselines of a block of lines, measured from the top of the first line's capitals. */
function baselines(lines: readonly TextLine[]): number[] {
  const result: number[] = [];
  lines.forEach((line, index) => {
    const previous = result[index - 1];
    result.push(previous === undefined ? line.size * CAP_HEIGHT_EM : previous + line.size * LINE_HEIGHT_EM);
  });
  return result;
}

/** Height a block of lines takes, from the top of the first line's capitals to the last line's baseline. */
export const linesHeight = (lines: readonly TextLine[]): number => baselines(lines).at(-1) ?? 0;

/** Draws lines of text one under the other, the block centred vertically on `cy`. */
export function drawLines(
  drawing: Drawing,
  lines: readonly TextLine[],
  at: { x: number; cy: number; color: string; anchor?: TextAnchor },
): void {
  const top = at.cy - linesHeight(lines) / 2;
  const lineBaselines = baselines(lines);
  lines.forEach((line, index) => {
    const cy = top + lineBaselines[index]! - line.size * CAP_CENTRE_EM;
    drawLabel(drawing, { ...line, x: at.x, cy, color: at.color, anchor: at.anchor ?? 'middle' });
  });
}
