import { drawBox } from './draw-box.ts';
import type { Drawing } from './drawing.ts';
import { rect } from './geometry.ts';
import type { BoxStyle } from './palette.ts';
import { textWidth } from './text-metrics.ts';

const TAG_SIZE = 24;
const TAG_HEIGHT = 42;
const TAG_PADDING = 16;

/** Width a tag needs for `text`. */
export const tagWidth = (text: string): number => textWidth(text, TAG_SIZE, 600) + 2 * TAG_PADDING;

/** A pill-shaped tag such as "read-only" or `EXPOSE 3000`, its left end at `x`, centred on `cy`. */
export function drawTag(drawing: Drawing, text: string, at: { x: number; cy: number; style: BoxStyle }): void {
  drawBox(drawing, {
    rect: rect(at.x, at.cy - TAG_HEIGHT / 2, tagWidth(text), TAG_HEIGHT),
    style: at.style,
    radius: TAG_HEIGHT / 2,
    strokeWidth: 2,
    lines: [{ text, size: TAG_SIZE, weight: 600 }],
  });
}
