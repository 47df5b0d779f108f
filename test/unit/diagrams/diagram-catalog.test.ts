import { describe, expect, test } from 'vitest';
import { DIAGRAM_IDS, diagramInfo, isDiagramId, listDiagrams } from '../../../src/diagrams/index.ts';
import { drawDiagram } from '../../../src/diagrams/render-diagram-svg.ts';
import { contains } from './layout-geometry.ts';

describe('isDiagramId', () => {
  test.each(DIAGRAM_IDS)('GIVEN the id %j THEN it is one', (id) => {
    expect(isDiagramId(id)).toBe(true);
  });

  test.each(['', 'Image-Layers', 'image-layers ', 'toString', '__proto__', 'image'])('GIVEN %j THEN it is not', (text) => {
    expect(isDiagramId(text)).toBe(false);
  });
});

describe('listDiagrams', () => {
  test('GIVEN the catalog THEN it lists every id once, in the order of DIAGRAM_IDS', () => {
    expect(listDiagrams().map((d) => d.id)).toEqual([...DIAGRAM_IDS]);
  });

  test('GIVEN a caller that changes what it got THEN the catalog is unaffected', () => {
    diagramInfo('image-layers').topicIds.push('not-a-topic');
    expect(diagramInfo('image-layers').topicIds).not.toContain('not-a-topic');
  });
});

describe.each(listDiagrams())('the $id description', (info) => {
  test('GIVEN its caption THEN it is one or two sentences that fit under an image', () => {
    const sentences = info.caption.split(/(?<=[.!?])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(info.caption.length).toBeLessThanOrEqual(300);
  });

  test('GIVEN its alt text THEN it is long enough to describe the picture and fits the platforms (Discord: 1,024)', () => {
    expect(info.alt.length).toBeGreaterThan(200);
    expect(info.alt.length).toBeLessThanOrEqual(1_000);
  });

  test('GIVEN its alt text THEN it names every box drawn in the picture', () => {
    const { layout } = drawDiagram(info.id);
    const boxedLabels = layout.labels
      .filter((label) => layout.shapes.some((shape) => shape.role === 'box' && contains(shape.bounds, label.bounds)))
      .map((label) => label.text.toLowerCase().replace(/^(container|image|layer \d ·) /, ''));
    const alt = info.alt.toLowerCase();
    expect(boxedLabels.filter((text) => !alt.includes(text))).toEqual([]);
  });

  test('GIVEN its title THEN the picture shows the same title', () => {
    expect(drawDiagram(info.id).layout.labels[0]?.text).toBe(info.title);
  });
});
