import { describe, expect, test } from 'vitest';
import { DIAGRAM_IDS, DiagramRenderer, renderDiagramSvg } from '../../../src/diagrams/index.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const svgHeight = (svg: string): number => Number(/height="([\d.]+)"/.exec(svg)?.[1]);

describe('DiagramRenderer', () => {
  const renderer = new DiagramRenderer();

  test.each(DIAGRAM_IDS)('GIVEN %j THEN it renders a PNG 1200 px wide, as tall as the drawing', async (id) => {
    const png = await renderer.renderPng(id);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const { width, height } = pngSize(png);
    expect(width).toBe(1200);
    expect(height).toBe(Math.round(svgHeight(renderDiagramSvg(id))));
    expect(height).toBeGreaterThan(600);
    expect(height).toBeLessThan(1400);
    expect(png.byteLength).toBeGreaterThan(20_000);
  });

  test('GIVEN a diagram rendered once THEN the next call returns the very same bytes without rendering again', async () => {
    const fresh = new DiagramRenderer();
    expect(fresh.isCached('vm-vs-container')).toBe(false);
    const first = await fresh.renderPng('vm-vs-container');
    expect(fresh.renderCount).toBe(1);
    expect(fresh.isCached('vm-vs-container')).toBe(true);
    expect(await fresh.renderPng('vm-vs-container')).toBe(first);
    expect(fresh.renderCount).toBe(1);
    await fresh.renderPng('image-layers');
    expect(fresh.renderCount).toBe(2);
  });

  test('GIVEN several first requests for one diagram at once THEN they share a single render', async () => {
    const fresh = new DiagramRenderer();
    const pngs = await Promise.all([1, 2, 3, 4].map(() => fresh.renderPng('image-layers')));
    expect(new Set(pngs).size).toBe(1);
    expect(fresh.renderCount).toBe(1);
  });

  test('GIVEN five first renders at once THEN they run off the event loop', async () => {
    const fresh = new DiagramRenderer();
    const before = performance.eventLoopUtilization();
    await Promise.all(DIAGRAM_IDS.map((id) => fresh.renderPng(id)));
    const { active } = performance.eventLoopUtilization(before);
    expect(fresh.renderCount).toBe(DIAGRAM_IDS.length);
    // The loop's busy time, in ms: building five SVG texts. Rendering them here would take 300 ms or more.
    expect(active).toBeLessThan(150);
    await fresh.close();
  });

  test('GIVEN two renderers THEN each keeps its own cache', async () => {
    const a = new DiagramRenderer();
    await a.renderPng('image-layers');
    expect(new DiagramRenderer().isCached('image-layers')).toBe(false);
  });

  test('GIVEN a width option THEN the PNG has that width and keeps the proportions', async () => {
    const small = await new DiagramRenderer({ width: 600 }).renderPng('container-lifecycle');
    const full = await renderer.renderPng('container-lifecycle');
    expect(pngSize(small).width).toBe(600);
    expect(pngSize(small).height).toBeCloseTo(pngSize(full).height / 2, 0);
  });

  test.each([0, 100, 1200.5, 10_000, Number.NaN])('GIVEN the width %d THEN construction fails loudly', (width) => {
    expect(() => new DiagramRenderer({ width })).toThrow(RangeError);
  });
});
