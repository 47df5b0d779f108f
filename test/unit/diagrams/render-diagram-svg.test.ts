import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { DIAGRAM_IDS, diagramInfo, renderDiagramSvg } from '../../../src/diagrams/index.ts';
import { drawLabel } from '../../../src/diagrams/drawing/draw-label.ts';
import { Drawing } from '../../../src/diagrams/drawing/drawing.ts';
import { interFontFiles } from '../../../src/diagrams/inter-font-files.ts';
import { xmlProblems } from './xml-well-formed.ts';

const fontFiles = interFontFiles();

describe.each(DIAGRAM_IDS)('renderDiagramSvg(%j)', (id) => {
  const svg = renderDiagramSvg(id);

  test('GIVEN the SVG THEN it is well-formed XML', () => {
    expect(xmlProblems(svg)).toEqual([]);
  });

  test('GIVEN the SVG THEN resvg parses it and finds drawing across most of the canvas', () => {
    const resvg = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles } });
    expect(resvg.width).toBe(1200);
    const box = resvg.getBBox();
    expect(box?.width).toBeGreaterThan(1100);
    expect(box?.height).toBeGreaterThan(resvg.height * 0.9);
  });

  test('GIVEN the SVG THEN it names the diagram and carries its alt text for screen readers', () => {
    const info = diagramInfo(id);
    expect(svg).toContain(`<title>${info.title}</title>`);
    expect(svg).toContain('<desc>');
  });

  test('GIVEN two renders THEN they are byte-identical, so PNG caches and snapshots stay stable', () => {
    expect(renderDiagramSvg(id)).toBe(svg);
  });
});

describe('SVG text', () => {
  test('GIVEN a label with XML-special characters THEN the document stays well-formed and shows them literally', () => {
    const drawing = new Drawing(400, 100);
    drawLabel(drawing, { text: `<script>&"'`, x: 10, cy: 50, size: 24, color: '#000000', anchor: 'start' });
    const svg = drawing.toSvg('a <title> & more', 'desc with "quotes"');
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('&lt;script&gt;&amp;&quot;&apos;');
    expect(svg).not.toContain('<script>');
  });

  test('GIVEN the checker itself THEN it rejects broken XML, so a pass above means something', () => {
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><rect x=1/></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><rect x="1" x="2"/></svg>')).not.toEqual([]);
  });
});
