import type { Drawing } from './drawing.ts';
import { drawLabel } from './draw-label.ts';
import { PALETTE } from './palette.ts';

export const MARGIN = 48;
export const TITLE_SIZE = 42;
export const SUBTITLE_SIZE = 27;

/**
 * Paints the card every diagram sits on (opaque, so it reads the same in light and dark chat themes) and its
 * title. Returns the y below which the diagram's content starts.
 */
export function drawFrame(drawing: Drawing, heading: { title: string; subtitle?: string }): number {
  const { card } = PALETTE;
  drawing.append(
    `<rect x="1.5" y="1.5" width="${drawing.width - 3}" height="${drawing.height - 3}" rx="28" ` +
      `fill="${card.fill}" stroke="${card.stroke}" stroke-width="3"/>`,
  );
  drawing.layout.shapes.push({ role: 'background', bounds: { x: 0, y: 0, width: drawing.width, height: drawing.height }, fill: card.fill });
  drawLabel(drawing, { text: heading.title, x: MARGIN, cy: 66, size: TITLE_SIZE, weight: 700, color: card.text, anchor: 'start' });
  if (heading.subtitle === undefined) return 110;
  drawLabel(drawing, { text: heading.subtitle, x: MARGIN, cy: 116, size: SUBTITLE_SIZE, color: PALETTE.mutedText, anchor: 'start' });
  return 156;
}
