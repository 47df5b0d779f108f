import { type Drawing, type Point, num } from './drawing.ts';
import { PALETTE } from './palette.ts';

export interface ArrowSpec {
  /** From the tail to the tip; every turn is a point. */
  points: readonly Point[];
  /** @defaultValue PALETTE.arrow */
  color?: string;
  /** @defaultValue 3 */
  width?: number;
  /** @defaultValue false */
  dashed?: boolean;
}

const HEAD_LENGTH = 18;
const HEAD_HALF_WIDTH = 9;

/**
 * Draws a polyline ending in a solid arrowhead whose tip is exactly the last point. The line stops at the
 * head's base, so no stroke pokes out around the tip.
 */
export function drawArrow(drawing: Drawing, spec: ArrowSpec): void {
  const points = spec.points;
  if (points.length < 2) throw new Error('an arrow needs at least two points');
  const tip = points.at(-1)!;
  const before = points.at(-2)!;
  const length = Math.hypot(tip.x - before.x, tip.y - before.y);
  if (length <= HEAD_LENGTH) throw new Error(`the last segment of an arrow must be longer than its head (${HEAD_LENGTH})`);
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const base = { x: tip.x - ux * HEAD_LENGTH, y: tip.y - uy * HEAD_LENGTH };
  const color = spec.color ?? PALETTE.arrow;
  const line = [...points.slice(0, -1), base].map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
  const dash = spec.dashed === true ? ' stroke-dasharray="12 8"' : '';
  drawing.append(
    `<polyline points="${line}" fill="none" stroke="${color}" stroke-width="${num(spec.width ?? 3)}" ` +
      `stroke-linejoin="round"${dash}/>`,
  );
  const head = [
    tip,
    { x: base.x - uy * HEAD_HALF_WIDTH, y: base.y + ux * HEAD_HALF_WIDTH },
    { x: base.x + uy * HEAD_HALF_WIDTH, y: base.y - ux * HEAD_HALF_WIDTH },
  ];
  drawing.append(`<polygon points="${head.map((p) => `${num(p.x)},${num(p.y)}`).join(' ')}" fill="${color}"/>`);
  drawing.layout.arrows.push({ points: [...points] });
}
