/** The diagrams module: diagram definitions → SVG → PNG (resvg), plus a text fallback. */
export { DIAGRAM_IDS, type DiagramId } from './diagram-ids.ts';
export type { DiagramInfo } from './diagram-definition.ts';
export { diagramInfo, isDiagramId, listDiagrams } from './diagram-catalog.ts';
export { renderDiagramSvg } from './render-diagram-svg.ts';
export { renderDiagramText } from './render-diagram-text.ts';
export { DIAGRAM_RENDERER_DEFAULTS, DiagramRenderer, type DiagramRendererOptions } from './diagram-renderer.ts';
export { findDiagram, type FindDiagramResult } from './find-diagram.ts';
