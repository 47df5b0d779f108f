import { Resvg } from '@resvg/resvg-js';
import type { DiagramId } from './diagram-ids.ts';
import { interFontFiles } from './inter-font-files.ts';
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
 * server may have none). Each diagram is rendered once per renderer; later calls return the same bytes.
 */
export class DiagramRenderer {
  readonly width: number;
  private readonly cache = new Map<DiagramId, Uint8Array>();
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

  /** The diagram as PNG bytes. The array is shared by every caller: treat it as read-only. */
  renderPng(id: DiagramId): Uint8Array {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const resvg = new Resvg(renderDiagramSvg(id), {
      fitTo: { mode: 'width', value: this.width },
      font: { loadSystemFonts: false, fontFiles: this.fontFiles, defaultFontFamily: 'Inter' },
      shapeRendering: 2,
      textRendering: 1,
    });
    const png = new Uint8Array(resvg.render().asPng());
    this.renders++;
    this.cache.set(id, png);
    return png;
  }

  /** Whether `renderPng(id)` would return without rendering. */
  isCached(id: DiagramId): boolean {
    return this.cache.has(id);
  }

  /** How many PNGs this renderer has actually rendered (cache hits excluded). */
  get renderCount(): number {
    return this.renders;
  }
}
