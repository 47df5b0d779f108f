import type { DiagramDefinition, DiagramInfo } from './diagram-definition.ts';
import { DIAGRAM_IDS, type DiagramId } from './diagram-ids.ts';
import { buildPushPullRunDiagram } from './definitions/build-push-pull-run-diagram.ts';
import { containerLifecycleDiagram } from './definitions/container-lifecycle-diagram.ts';
import { imageLayersDiagram } from './definitions/image-layers-diagram.ts';
import { imageVsContainerDiagram } from './definitions/image-vs-container-diagram.ts';
import { vmVsContainerDiagram } from './definitions/vm-vs-container-diagram.ts';

/** Every diagram, by id; the type makes adding an id without its definition a compile error. */
export const DIAGRAMS: Readonly<Record<DiagramId, DiagramDefinition>> = {
  'image-vs-container': imageVsContainerDiagram,
  'image-layers': imageLayersDiagram,
  'vm-vs-container': vmVsContainerDiagram,
  'container-lifecycle': containerLifecycleDiagram,
  'build-push-pull-run': buildPushPullRunDiagram,
};

/** Whether a string (a command argument, a knowledge field) names a diagram. */
export const isDiagramId = (s: string): s is DiagramId => (DIAGRAM_IDS as readonly string[]).includes(s);

/** Every diagram's description, in the order of `DIAGRAM_IDS`. */
export const listDiagrams = (): DiagramInfo[] => DIAGRAM_IDS.map(diagramInfo);

/** One diagram's title, caption, alt text and topics (a copy: callers may change it freely). */
export function diagramInfo(id: DiagramId): DiagramInfo {
  const { info } = DIAGRAMS[id];
  return { ...info, topicIds: [...info.topicIds] };
}
