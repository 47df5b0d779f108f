import type { DiagramDefinition } from '../diagram-definition.ts';
import { drawBox } from '../drawing/draw-box.ts';
import { drawFrame, MARGIN } from '../drawing/draw-frame.ts';
import { drawLabel, type TextLine } from '../drawing/draw-label.ts';
import { Drawing, type Rect } from '../drawing/drawing.ts';
import { bottom, centreX, rect } from '../drawing/geometry.ts';
import { type BoxStyle, PALETTE } from '../drawing/palette.ts';

const WIDTH = 1200;
const HEIGHT = 850;
const PANEL_GAP = 32;
const INNER = 24;
const GAP = 12;
const ITEM = 58;

interface Layer {
  height: number;
  style: BoxStyle;
  lines: TextLine[];
}

const bold = (text: string, size = 27): TextLine => ({ text, size, weight: 700 });
const plain = (text: string, size = 24): TextLine => ({ text, size });

/** Draws full-width layers upwards from `bottomY`; returns the y of the top one's upper edge. */
function stackUp(drawing: Drawing, x: number, width: number, bottomY: number, layers: readonly Layer[]): number {
  let y = bottomY;
  for (const layer of layers) {
    y -= layer.height;
    drawBox(drawing, { rect: rect(x, y, width, layer.height), style: layer.style, lines: layer.lines });
    y -= GAP;
  }
  return y + GAP;
}

/** A VM or a container: a labelled box holding an app, its bins/libs and (for a VM) a guest OS, top to bottom. */
function drawUnit(drawing: Drawing, box: Rect, heading: string, style: BoxStyle, inside: readonly Layer[]): void {
  drawBox(drawing, { rect: box, style });
  drawLabel(drawing, { text: heading, x: centreX(box), cy: box.y + 28, size: 24, weight: 700, color: style.text });
  stackUp(drawing, box.x + 10, box.width - 20, bottom(box) - 10, [...inside].reverse());
}

const unitHeight = (inside: readonly Layer[]): number => 54 + inside.reduce((sum, l) => sum + l.height, 0) + (inside.length - 1) * GAP + 10;

/** A row of VMs or containers standing on the bottom of `area`. */
interface UnitRow {
  count: number;
  heading: (index: number) => string;
  style: BoxStyle;
  inside: (index: number) => Layer[];
}

function drawUnits(drawing: Drawing, area: Rect, row: UnitRow): void {
  const gap = 14;
  const width = (area.width - (row.count - 1) * gap) / row.count;
  for (let i = 0; i < row.count; i++) {
    const layers = row.inside(i);
    const height = unitHeight(layers);
    drawUnit(drawing, rect(area.x + i * (width + gap), bottom(area) - height, width, height), row.heading(i), row.style, layers);
  }
}

const app = (index: number): Layer => ({ height: ITEM, style: PALETTE.app, lines: [bold(`App ${String.fromCharCode(65 + index)}`, 25)] });
const libraries: Layer = { height: ITEM, style: PALETTE.libraries, lines: [plain('Bins/libs', 24)] };
const guestOs: Layer = { height: 84, style: PALETTE.guestOs, lines: [bold('Guest OS', 25), plain('own kernel')] };
const hardware: Layer = { height: 64, style: PALETTE.infrastructure, lines: [bold('Hardware')] };

function drawPanel(drawing: Drawing, panel: Rect, title: string): Rect {
  drawBox(drawing, { rect: panel, style: PALETTE.panel, role: 'panel' });
  drawLabel(drawing, { text: title, x: centreX(panel), cy: panel.y + 40, size: 30, weight: 700, color: PALETTE.card.text });
  return rect(panel.x + INNER, panel.y + 76, panel.width - 2 * INNER, panel.height - 76 - INNER);
}

function draw(): Drawing {
  const drawing = new Drawing(WIDTH, HEIGHT);
  const top = drawFrame(drawing, { title: 'VM vs container', subtitle: 'VMs each boot a whole OS; containers share the host kernel' });
  const panelWidth = (WIDTH - 2 * MARGIN - PANEL_GAP) / 2;
  const panelHeight = 540;
  const vms = drawPanel(drawing, rect(MARGIN, top + 20, panelWidth, panelHeight), 'Virtual machines');
  const vmBase = stackUp(drawing, vms.x, vms.width, bottom(vms), [hardware, { height: 64, style: PALETTE.infrastructure, lines: [bold('Hypervisor')] }]);
  drawUnits(drawing, { ...vms, height: vmBase - GAP - vms.y }, {
    count: 2,
    heading: (i) => `VM ${i + 1}`,
    style: PALETTE.virtualMachine,
    inside: (i) => [app(i), libraries, guestOs],
  });

  const containers = drawPanel(drawing, rect(MARGIN + panelWidth + PANEL_GAP, top + 20, panelWidth, panelHeight), 'Containers');
  const engineTop = stackUp(drawing, containers.x, containers.width, bottom(containers), [
    hardware,
    { height: 84, style: PALETTE.infrastructure, lines: [bold('Host OS'), plain('one Linux kernel, shared')] },
    { height: 64, style: PALETTE.infrastructure, lines: [bold('Container engine (Docker)', 26)] },
  ]);
  drawUnits(drawing, { ...containers, height: engineTop - GAP - containers.y }, {
    count: 3,
    heading: () => 'Container',
    style: PALETTE.container,
    inside: (i) => [app(i), libraries],
  });

  const notes = ['Containers are isolated processes on the host kernel: no OS to boot.', 'On Mac and Windows, Docker Desktop runs that Linux host in a small VM.'];
  notes.forEach((text, i) => drawLabel(drawing, { text, x: MARGIN, cy: top + 20 + panelHeight + 44 + i * 38, size: 25, color: PALETTE.mutedText, anchor: 'start' }));
  return drawing;
}

const TEXT = `
VM vs container: VMs each boot a whole OS; containers
share the host kernel

 Virtual machines        Containers
┌──────────┬──────────┐  ┌─────────┬─────────┬─────────┐
│VM 1      │VM 2      │  │Container│Container│Container│
│App A     │App B     │  │App A    │App B    │App C    │
│Bins/libs │Bins/libs │  │Bins/libs│Bins/libs│Bins/libs│
│Guest OS  │Guest OS  │  ├─────────┴─────────┴─────────┤
│own kernel│own kernel│  │Container engine (Docker)    │
├──────────┴──────────┤  ├─────────────────────────────┤
│Hypervisor           │  │Host OS                      │
├─────────────────────┤  │one Linux kernel, shared     │
│Hardware             │  ├─────────────────────────────┤
└─────────────────────┘  │Hardware                     │
                         └─────────────────────────────┘
Containers are isolated processes on the host kernel:
no OS to boot. On Mac and Windows, Docker Desktop runs
that Linux host in a small VM.
`.trim();

/** Virtual machines beside containers: a guest OS per VM against one shared host kernel. */
export const vmVsContainerDiagram: DiagramDefinition = {
  info: {
    id: 'vm-vs-container',
    title: 'VM vs container',
    caption: 'Each virtual machine boots its own guest OS and kernel; containers are isolated processes that share the host kernel.',
    alt:
      'Diagram with two stacks side by side. Left, virtual machines: hardware at the bottom, a hypervisor on it, and ' +
      'two VMs on the hypervisor, VM 1 and VM 2, each holding its own guest OS with its own kernel, bins/libs, and ' +
      'an app (App A, App B). Right, containers: hardware at the bottom, the host OS (one Linux kernel, shared by ' +
      'all), the container engine (Docker) on it, and three containers, each holding only bins/libs and an app ' +
      '(App A, App B and App C). Notes: containers are isolated processes on the host kernel, with no OS to boot; on Mac and Windows, ' +
      'Docker Desktop runs that Linux host in a small VM.',
    topicIds: ['container', 'vm-vs-container'],
  },
  draw,
  text: TEXT,
};
