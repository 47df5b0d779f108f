import { type Drawing, type PlacedShape, type Rect, num } from './drawing.ts';
import { drawLines, type TextAnchor, type TextLine } from './draw-label.ts';
import type { BoxStyle } from './palette.ts';

export interface BoxSpec {
  rect: Rect;
  style: BoxStyle;
  /** Text centred vertically in the box. */
  lines?: readonly TextLine[];
  /** @defaultValue 'middle' (centred); 'start' puts the text `padding` from the left edge */
  align?: Exclude<TextAnchor, 'end'>;
  /** @defaultValue 24 */
  padding?: number;
  /** @defaultValue 14 */
  radius?: number;
  /** @defaultValue 3 */
  strokeWidth?: number;
  /** A dashed outline marks something that is not part of the image, such as a container's writable layer. */
  dashed?: boolean;
  /** @defaultValue 'box' */
  role?: PlacedShape['role'];
}

/** Draws a rounded, opaque box with optional centred text, and records it so tests can check what sits on it. */
export function drawBox(drawing: Drawing, spec: BoxSpec): void {
  const { rect, style } = spec;
  const strokeWidth = spec.strokeWidth ?? 3;
  const dash = spec.dashed === true ? ` stroke-dasharray="${num(strokeWidth * 4)} ${num(strokeWidth * 2.5)}"` : '';
  drawing.append(
    `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" ` +
      `rx="${num(spec.radius ?? 14)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${num(strokeWidth)}"${dash}/>`,
  );
  drawing.layout.shapes.push({ role: spec.role ?? 'box', bounds: rect, fill: style.fill });
  if (spec.lines === undefined || spec.lines.length === 0) return;
  const align = spec.align ?? 'middle';
  const x = align === 'middle' ? rect.x + rect.width / 2 : rect.x + (spec.padding ?? 24);
  drawLines(drawing, spec.lines, { x, cy: rect.y + rect.height / 2, color: style.text, anchor: align });
}
