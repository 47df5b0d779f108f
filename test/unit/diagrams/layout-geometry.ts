/** Geometry the layout tests use to judge a drawing; kept apart from the code under test on purpose. */
import type { Point, Rect } from '../../../src/diagrams/drawing/drawing.ts';

export const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

export const containsPoint = (r: Rect, p: Point): boolean => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/** Whether the segment from `a` to `b` passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let leave = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}

/** Whether `p` lies on the outline of `r`, within `tolerance`. */
export function onBorder(p: Point, r: Rect, tolerance = 1.5): boolean {
  const withinX = p.x >= r.x - tolerance && p.x <= r.x + r.width + tolerance;
  const withinY = p.y >= r.y - tolerance && p.y <= r.y + r.height + tolerance;
  const nearVertical = Math.min(Math.abs(p.x - r.x), Math.abs(p.x - (r.x + r.width))) <= tolerance;
  const nearHorizontal = Math.min(Math.abs(p.y - r.y), Math.abs(p.y - (r.y + r.height))) <= tolerance;
  return (nearVertical && withinY) || (nearHorizontal && withinX);
}

/** Points every `step` units along a polyline, leaving out `skip` units at each end. */
export function samplePolyline(points: readonly Point[], step: number, skip: number): Point[] {
  const samples: Point[] = [];
  const total = points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0);
  let travelled = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    for (let d = 0; d <= length; d += step) {
      const along = travelled + d;
      if (along >= skip && along <= total - skip) samples.push({ x: a.x + ((b.x - a.x) * d) / length, y: a.y + ((b.y - a.y) * d) / length });
    }
    travelled += length;
  }
  return samples;
}
