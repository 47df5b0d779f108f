import { DIAGRAMS } from './diagram-catalog.ts';
import type { DiagramId } from './diagram-ids.ts';
import type { DiagramLayout } from './drawing/drawing.ts';

/** A drawn diagram: the SVG document and where everything in it was placed. */
export interface DrawnDiagram {
  svg: string;
  layout: DiagramLayout;
}

/** Draws a diagram, returning its SVG and its layout (what the layout tests inspect). */
export function drawDiagram(id: DiagramId): DrawnDiagram {
  const { info, draw } = DIAGRAMS[id];
  const drawing = draw();
  return { svg: drawing.toSvg(info.title, info.alt), layout: drawing.layout };
}

/** The diagram as an SVG document (1200 user units wide; text in Inter). */
export const renderDiagramSvg = (id: DiagramId): string => drawDiagram(id).svg;
