import type { DiagramId } from './diagram-ids.ts';
import { interFontFiles } from './inter-font-files.ts';
import { PngRenderWorker } from './png-render-worker.ts';
import { renderDiagramSvg } from './render-diagram-svg.ts';

export interface DiagramRendererOptions {
  /**
   * Width of the PNG in pixels; the height follows the diagram's proportions. Text drawn at 24 units is then
   * 24 px tall at 1200 px.
   *
   * @defaultValue 1200
   */
  width?: number;
}

export const DIAGRAM_RENDERER_DEFAULTS = { width: 1200 } as const satisfies Required<DiagramRendererOptions>;

const MIN_WIDTH = 200;
const MAX_WIDTH = 4000;

/**
 * Renders diagrams to PNG with resvg, using the Inter files shipped in node_modules and no system fonts (a
 * server may have none). Rendering (font loading, layout, rasterising and PNG encoding: 30–100 ms of CPU per
 * diagram) runs on a worker thread, so the event loop only builds the SVG text (about a millisecond). resvg's
 * own `renderAsync` was not enough: it rasterises on libuv's pool but parses and encodes the PNG on the calling
 * thread, which held the event loop for up to 90 ms per diagram. Each diagram is rendered once per renderer, lazily; concurrent first requests share one render,
 * and later calls return the same bytes.
 */
export class DiagramRenderer {
  readonly width: number;
  private readonly cache = new Map<DiagramId, Promise<Uint8Array>>();
  private readonly done = new Set<DiagramId>();
  private readonly worker = new PngRenderWorker();
  private readonly fontFiles: string[];
  private renders = 0;

  constructor(options: DiagramRendererOptions = {}) {
    const width = options.width ?? DIAGRAM_RENDERER_DEFAULTS.width;
    if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new RangeError(`DiagramRenderer width must be an integer from ${MIN_WIDTH} to ${MAX_WIDTH}, got ${width}`);
    }
    this.width = width;
    this.fontFiles = interFontFiles();
  }

  /**
   * The diagram as PNG bytes. The array is shared by every caller: treat it as read-only. Rejects only if
   * resvg fails, and then the next call tries again.
   */
  renderPng(id: DiagramId): Promise<Uint8Array> {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const rendering = this.worker.render(renderDiagramSvg(id), {
      fitTo: { mode: 'width', value: this.width },
      font: { loadSystemFonts: false, fontFiles: this.fontFiles, defaultFontFamily: 'Inter' },
      shapeRendering: 2,
      textRendering: 1,
    }).then(
      (png) => {
        this.renders++;
        this.done.add(id);
        return png;
      },
      (error: unknown) => {
        this.cache.delete(id);
        throw error;
      },
    );
    this.cache.set(id, rendering);
    return rendering;
  }

  /** Stops the rendering thread (it never keeps the process alive, but tests and shutdown may close it). */
  close(): Promise<void> {
    return this.worker.close();
  }

  /** Whether `renderPng(id)` would resolve at once, without rendering. */
  isCached(id: DiagramId): boolean {
    return this.done.has(id);
  }

  /** How many PNGs this renderer has actually rendered (cache hits excluded). */
  get renderCount(): number {
    return this.renders;
  }
}
