import type { Point, Rect } from './drawing.ts';

export const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

export const centreX = (r: Rect): number => r.x + r.width / 2;
export const centreY = (r: Rect): number => r.y + r.height / 2;
export const right = (r: Rect): number => r.x + r.width;
export const bottom = (r: Rect): number => r.y + r.height;

export type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * A point on one side of a rectangle, where an arrow starts or ends. `offset` moves it along that side from
 * the side's middle (positive: right or down), so two arrows can share a side without touching.
 */
export function sidePoint(r: Rect, side: Side, offset = 0): Point {
  switch (side) {
    case 'top':
      return { x: centreX(r) + offset, y: r.y };
    case 'bottom':
      return { x: centreX(r) + offset, y: bottom(r) };
    case 'left':
      return { x: r.x, y: centreY(r) + offset };
    case 'right':
      return { x: right(r), y: centreY(r) + offset };
  }
}
