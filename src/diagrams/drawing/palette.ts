/** How one kind of box looks: an opaque fill, its outline, and the colour of text drawn on it. */
export interface BoxStyle {
  fill: string;
  stroke: string;
  text: string;
}

/**
 * The one palette every diagram draws with. The card is light and opaque, so the picture reads the same in
 * light and dark chat themes; every text colour meets WCAG AA (4.5:1) on the fill it sits on (tested).
 * Meaning stays the same across diagrams: blue is an image, teal a container, amber a writable layer.
 */
export const PALETTE = {
  card: { fill: '#f8fafc', stroke: '#cbd5e1', text: '#0f172a' },
  /** Secondary text on the card: subtitles, notes, arrow labels. */
  mutedText: '#334155',
  arrow: '#334155',
  image: { fill: '#dbeafe', stroke: '#1d63ed', text: '#0f172a' },
  /** A layer a Dockerfile step added: lighter than the image box it sits in. */
  imageLayer: { fill: '#eff6ff', stroke: '#1d63ed', text: '#0f172a' },
  /** The base image's layers: a deeper blue than the layers a Dockerfile adds. */
  baseImage: { fill: '#bfdbfe', stroke: '#1d63ed', text: '#0f172a' },
  container: { fill: '#ccfbf1', stroke: '#0f766e', text: '#0f172a' },
  writable: { fill: '#fef3c7', stroke: '#b45309', text: '#0f172a' },
  registry: { fill: '#ede9fe', stroke: '#6d28d9', text: '#0f172a' },
  /** Hardware, operating systems, hypervisors, engines: the machinery under the things we teach. */
  infrastructure: { fill: '#e2e8f0', stroke: '#64748b', text: '#0f172a' },
  /** A guest OS inside a VM: the heavy part a container does without. */
  guestOs: { fill: '#fee2e2', stroke: '#b91c1c', text: '#0f172a' },
  /** A virtual machine: everything in it is its own. */
  virtualMachine: { fill: '#ffffff', stroke: '#64748b', text: '#0f172a' },
  /** An application and the binaries and libraries it needs. */
  app: { fill: '#ffffff', stroke: '#475569', text: '#0f172a' },
  libraries: { fill: '#f1f5f9', stroke: '#64748b', text: '#0f172a' },
  /** A grouping area such as "your machine". */
  panel: { fill: '#f1f5f9', stroke: '#94a3b8', text: '#334155' },
  /** Small tags such as "read-only" inside a box. */
  readOnlyTag: { fill: '#1e40af', stroke: '#1e40af', text: '#ffffff' },
  /** Instructions that change only the image's config. */
  configTag: { fill: '#ffffff', stroke: '#64748b', text: '#0f172a' },
  /** A container state; the running state uses `container`. */
  state: { fill: '#ffffff', stroke: '#0f766e', text: '#0f172a' },
  /** A state that is rare or final (dead, removed). */
  terminal: { fill: '#e2e8f0', stroke: '#475569', text: '#0f172a' },
  /** The start dot of a state machine. */
  start: { fill: '#0f172a', stroke: '#0f172a', text: '#ffffff' },
} as const satisfies Record<string, BoxStyle | string>;
