import { describe, expect, test } from 'vitest';
import { DIAGRAM_IDS } from '../../../src/diagrams/index.ts';
import { contrastRatio } from '../../../src/diagrams/drawing/contrast-ratio.ts';
import type { DiagramLayout, PlacedLabel, PlacedShape } from '../../../src/diagrams/drawing/drawing.ts';
import { hasMetricsFor } from '../../../src/diagrams/drawing/text-metrics.ts';
import { drawDiagram } from '../../../src/diagrams/render-diagram-svg.ts';
import { contains, containsPoint, grow, onBorder, overlaps, samplePolyline, segmentHitsRect } from './layout-geometry.ts';

/** Space every label keeps from other labels and from lines, in user units (the canvas is 1200 wide). */
const CLEARANCE = 4;
const MIN_FONT_SIZE = 24;

const layouts = DIAGRAM_IDS.map((id) => [id, drawDiagram(id).layout] as const);
const describeLabel = (label: PlacedLabel): string => JSON.stringify(label.text);

/** The shape painted last that holds the whole label: what its text is read against. */
function backgroundOf(label: PlacedLabel, layout: DiagramLayout): PlacedShape | undefined {
  return layout.shapes.filter((shape) => contains(shape.bounds, label.bounds)).at(-1);
}

describe.each(layouts)('the %s layout', (_id, layout) => {
  test('GIVEN its labels THEN no two overlap, even with a little space around them', () => {
    const clashes: string[] = [];
    layout.labels.forEach((a, i) =>
      layout.labels.slice(i + 1).forEach((b) => {
        if (overlaps(grow(a.bounds, CLEARANCE / 2), grow(b.bounds, CLEARANCE / 2))) clashes.push(`${describeLabel(a)} × ${describeLabel(b)}`);
      }),
    );
    expect(clashes).toEqual([]);
  });

  test('GIVEN its labels THEN each lies on the canvas and sits wholly inside or wholly outside every box', () => {
    const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
    const problems: string[] = [];
    for (const label of layout.labels) {
      if (!contains(canvas, label.bounds)) problems.push(`${describeLabel(label)} leaves the canvas`);
      for (const shape of layout.shapes) {
        if (overlaps(shape.bounds, label.bounds) && !contains(shape.bounds, label.bounds)) problems.push(`${describeLabel(label)} straddles a ${shape.role} edge`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('GIVEN its arrows THEN none crosses a label', () => {
    const crossed: string[] = [];
    for (const arrow of layout.arrows) {
      for (let i = 1; i < arrow.points.length; i++) {
        for (const label of layout.labels) {
          if (segmentHitsRect(arrow.points[i - 1]!, arrow.points[i]!, grow(label.bounds, CLEARANCE))) crossed.push(describeLabel(label));
        }
      }
    }
    expect(crossed).toEqual([]);
  });

  test('GIVEN its arrows THEN each starts and ends on the outline of a box and passes through none', () => {
    const boxes = layout.shapes.filter((s) => s.role === 'box').map((s) => s.bounds);
    const problems: string[] = [];
    layout.arrows.forEach((arrow, index) => {
      for (const end of [arrow.points[0]!, arrow.points.at(-1)!]) {
        if (!boxes.some((box) => onBorder(end, box))) problems.push(`arrow ${index} ends at (${end.x}, ${end.y}), on no box`);
      }
      const inside = samplePolyline(arrow.points, 2, 4).filter((p) => boxes.some((box) => containsPoint(grow(box, -1), p)));
      if (inside.length > 0) problems.push(`arrow ${index} runs through a box at (${inside[0]!.x}, ${inside[0]!.y})`);
    });
    expect(problems).toEqual([]);
  });

  test('GIVEN each label THEN its text is at least 24 units tall and meets WCAG AA contrast on what it sits on', () => {
    const problems: string[] = [];
    for (const label of layout.labels) {
      if (label.fontSize < MIN_FONT_SIZE) problems.push(`${describeLabel(label)} is ${label.fontSize} units`);
      const background = backgroundOf(label, layout);
      if (background === undefined) problems.push(`${describeLabel(label)} sits on nothing`);
      else if (contrastRatio(label.color, background.fill) < 4.5) {
        problems.push(`${describeLabel(label)}: ${label.color} on ${background.fill} is ${contrastRatio(label.color, background.fill).toFixed(2)}:1`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('GIVEN each label THEN the width table knows all its characters, so its measured box is right', () => {
    expect(layout.labels.filter((label) => !hasMetricsFor(label.text, label.weight)).map((l) => l.text)).toEqual([]);
  });

  test('GIVEN the drawing THEN it has a title, a background, labels and (but for stacks) arrows to check', () => {
    expect(layout.shapes[0]?.role).toBe('background');
    expect(layout.labels[0]?.fontSize).toBeGreaterThanOrEqual(40);
    expect(layout.labels.length).toBeGreaterThan(8);
  });
});
