import { DIAGRAMS } from './diagram-catalog.ts';
import type { DiagramId } from './diagram-ids.ts';

/**
 * The diagram as box-drawing text: at most 60 columns and under 1,800 characters, so it fits a phone screen
 * and a Discord code block. It carries the same labels as the picture.
 */
export const renderDiagramText = (id: DiagramId): string => DIAGRAMS[id].text;
