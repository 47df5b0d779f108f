/**
 * Section c: how long a diagram takes to draw and render. The first render of a diagram (SVG built, fonts
 * loaded, rasterised, PNG encoded) happens once per renderer; every later request is a cache hit. Both are
 * timed per diagram: the first render as the median over fresh renderers, the cached one over many calls.
 */
import { DIAGRAM_IDS, type DiagramId, DiagramRenderer, renderDiagramSvg } from '../src/diagrams/index.ts';
import { consume, median, timed } from './measure.ts';

export interface DiagramTiming {
  id: DiagramId;
  width: number;
  height: number;
  pngBytes: number;
  /** Drawing the SVG string alone, in milliseconds (median). */
  svgMs: number;
  /** `renderPng` on a renderer that has not seen the diagram, in milliseconds (median over fresh renderers). */
  firstRenderMs: number;
  /** `renderPng` once the diagram is cached, in microseconds (median). */
  cachedRenderMicros: number;
}

export interface DiagramBenchOptions {
  /** Fresh renderers per diagram; the first render's median is over these. */
  firstRenders: number;
  /** Calls timed one by one against a warm cache. */
  cachedRenders: number;
  /** PNG width, as the bot renders it. */
  width: number;
}

export const DIAGRAM_METHOD = { firstRenders: 7, cachedRenders: 1_000, width: 1200 } as const satisfies DiagramBenchOptions;

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function timeDiagram(id: DiagramId, options: DiagramBenchOptions): Promise<DiagramTiming> {
  const svgMs = median(Array.from({ length: options.firstRenders }, () => timed(() => consume(renderDiagramSvg(id))).ms));
  const firsts: number[] = [];
  for (let i = 0; i < options.firstRenders; i++) {
    const renderer = new DiagramRenderer({ width: options.width });
    const started = performance.now();
    await renderer.renderPng(id);
    firsts.push(performance.now() - started);
  }
  const warm = new DiagramRenderer({ width: options.width });
  const png = await warm.renderPng(id);
  const cached: number[] = [];
  for (let i = 0; i < options.cachedRenders; i++) {
    const started = performance.now();
    consume(await warm.renderPng(id));
    cached.push((performance.now() - started) * 1_000);
  }
  if (warm.renderCount !== 1) throw new Error(`the cache missed: ${warm.renderCount} renders of ${id}`);
  return {
    id,
    ...pngSize(png),
    pngBytes: png.byteLength,
    svgMs,
    firstRenderMs: median(firsts),
    cachedRenderMicros: median(cached),
  };
}

/** Times every diagram. One untimed render first, so the first diagram does not also pay for warming up. */
export async function benchmarkDiagrams(options: DiagramBenchOptions = DIAGRAM_METHOD): Promise<DiagramTiming[]> {
  consume(await new DiagramRenderer({ width: options.width }).renderPng(DIAGRAM_IDS[0]));
  const timings: DiagramTiming[] = [];
  for (const id of DIAGRAM_IDS) timings.push(await timeDiagram(id, options));
  return timings;
}
