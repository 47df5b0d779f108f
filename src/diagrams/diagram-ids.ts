/** The diagrams the product can draw; knowledge topics may point at one of these by id. */
export const DIAGRAM_IDS = [
  'image-vs-container',
  'image-layers',
  'vm-vs-container',
  'container-lifecycle',
  'build-push-pull-run',
] as const;

export type DiagramId = (typeof DIAGRAM_IDS)[number];
