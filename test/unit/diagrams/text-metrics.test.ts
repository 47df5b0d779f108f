import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { DIAGRAM_IDS } from '../../../src/diagrams/index.ts';
import { escapeXml } from '../../../src/diagrams/drawing/escape-xml.ts';
import { ASCENT_EM, DESCENT_EM, textWidth } from '../../../src/diagrams/drawing/text-metrics.ts';
import { type FontWeight, interFontFiles } from '../../../src/diagrams/inter-font-files.ts';
import { drawDiagram } from '../../../src/diagrams/render-diagram-svg.ts';

const fontFiles = interFontFiles();

const BASELINE = 100;

/** The box of the ink resvg draws for one line of text on a baseline at y = 100, with the renderer's fonts. */
function measureInk(text: string, size: number, weight: FontWeight): { x: number; y: number; width: number; height: number } {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="${BASELINE}" font-family="Inter" ` +
    `font-size="${size}" font-weight="${weight}">${escapeXml(text)}</text></svg>`;
  const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Inter' } }).getBBox();
  if (box === undefined) throw new Error(`resvg drew nothing for ${text}`);
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}

describe('textWidth', () => {
  test('GIVEN wider and narrower letters THEN it is not a flat per-character estimate', () => {
    expect(textWidth('WWWW', 24, 400)).toBeGreaterThan(2 * textWidth('iiii', 24, 400));
  });

  test('GIVEN a heavier weight THEN the same text is wider', () => {
    expect(textWidth('docker build', 24, 700)).toBeGreaterThan(textWidth('docker build', 24, 400));
  });

  test('GIVEN a character the table lacks THEN it errs wide rather than narrow', () => {
    expect(textWidth('漢', 24, 400)).toBeGreaterThanOrEqual(24);
  });

  const labels = DIAGRAM_IDS.flatMap((id) => drawDiagram(id).layout.labels.map((label) => [id, label.text, label] as const));

  test.each(labels)('GIVEN the %s label %j THEN its box holds the ink resvg draws, with little to spare', (_id, _text, label) => {
    const ink = measureInk(label.text, label.fontSize, label.weight);
    expect(label.bounds.width).toBeGreaterThanOrEqual(ink.width);
    expect(label.bounds.width).toBeLessThanOrEqual(ink.width * 1.12 + 4);
    expect(ink.y).toBeGreaterThanOrEqual(BASELINE - ASCENT_EM * label.fontSize - 0.5);
    expect(ink.y + ink.height).toBeLessThanOrEqual(BASELINE + DESCENT_EM * label.fontSize + 0.5);
  });
});
