import type { DiagramId } from './diagram-ids.ts';
import type { Drawing } from './drawing/drawing.ts';

/** What the product says about a diagram: enough to post it, describe it and link it to topics. */
export interface DiagramInfo {
  id: DiagramId;
  title: string;
  /** One or two sentences shown with the picture. */
  caption: string;
  /** Everything the picture shows, in words, for screen readers. */
  alt: string;
  /** Knowledge topic ids the diagram illustrates: exactly the topics whose `diagram:` names it. */
  topicIds: string[];
}

/** One diagram: its description, how to draw it, and the same content as plain text. */
export interface DiagramDefinition {
  info: DiagramInfo;
  /** Draws the picture; a fresh `Drawing` every call. */
  draw(): Drawing;
  /** Box-drawing text at most 60 columns wide, for terminals and where images are off. */
  text: string;
}
