// @ts-check
/**
 * A worker thread that turns SVG into PNG with resvg, so that parsing, font loading, rasterising and PNG
 * encoding (20–100 ms of CPU per diagram) never run on the event loop. Plain JavaScript so that it starts
 * under every runner (tsx, vitest, compiled output) without a TypeScript loader.
 *
 * In: `{ id: number, svg: string, options: import('@resvg/resvg-js').ResvgRenderOptions }`.
 * Out: `{ id, png: Uint8Array }` (its buffer transferred), or `{ id, error: string }`.
 */
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

parentPort?.on('message', (/** @type {{ id: number, svg: string, options: object }} */ { id, svg, options }) => {
  try {
    // A copy in a buffer of its own, which can be transferred rather than copied again.
    const png = new Uint8Array(new Resvg(svg, options).render().asPng());
    parentPort?.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
