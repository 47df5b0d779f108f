import type { DiagramDefinition } from '../diagram-definition.ts';
import { drawArrow } from '../drawing/draw-arrow.ts';
import { drawBox } from '../drawing/draw-box.ts';
import { drawFrame, MARGIN } from '../drawing/draw-frame.ts';
import { drawLabel, type TextLine } from '../drawing/draw-label.ts';
import { Drawing, type Rect } from '../drawing/drawing.ts';
import { bottom, centreX, centreY, rect, right, sidePoint } from '../drawing/geometry.ts';
import { type BoxStyle, PALETTE } from '../drawing/palette.ts';

const WIDTH = 1200;
const HEIGHT = 960;
const BOX_WIDTH = 330;
const BOX_HEIGHT = 130;
const PANEL_HEIGHT = 230;
const IMAGE_NAME = 'alice/myapp:1.0';

const node = (title: string, ...rest: TextLine[]): TextLine[] => [{ text: title, size: 30, weight: 700 }, ...rest];
const detail = (text: string): TextLine => ({ text, size: 24 });

function drawPanel(drawing: Drawing, panel: Rect, heading: string): void {
  drawBox(drawing, { rect: panel, style: PALETTE.panel, role: 'panel' });
  // Right-aligned, so the arrows that enter a panel from the left pass clear of its heading.
  drawLabel(drawing, { text: heading, x: right(panel) - 24, cy: panel.y + 36, size: 27, weight: 700, color: PALETTE.panel.text, anchor: 'end' });
}

/** Two boxes in a panel, left and right, joined by a labelled arrow; returns the boxes. */
function drawPanelRow(drawing: Drawing, panel: Rect, left: [BoxStyle, TextLine[]], rightBox: [BoxStyle, TextLine[]], command: string): [Rect, Rect] {
  const y = panel.y + 72;
  const a = rect(panel.x + 40, y, BOX_WIDTH, BOX_HEIGHT);
  const b = rect(right(panel) - 40 - BOX_WIDTH, y, BOX_WIDTH, BOX_HEIGHT);
  drawBox(drawing, { rect: a, style: left[0], lines: left[1] });
  drawBox(drawing, { rect: b, style: rightBox[0], lines: rightBox[1] });
  drawArrow(drawing, { points: [sidePoint(a, 'right'), sidePoint(b, 'left')] });
  drawLabel(drawing, { text: command, x: (right(a) + b.x) / 2, cy: centreY(a) - 26, size: 26, weight: 600, color: PALETTE.mutedText });
  return [a, b];
}

function draw(): Drawing {
  const drawing = new Drawing(WIDTH, HEIGHT);
  const top = drawFrame(drawing, { title: 'Build, push, pull, run', subtitle: 'How an image gets from your Dockerfile to a container elsewhere' });
  const mine = rect(MARGIN, top + 20, WIDTH - 2 * MARGIN, PANEL_HEIGHT);
  drawPanel(drawing, mine, 'Your machine');
  const [, built] = drawPanelRow(
    drawing,
    mine,
    [PALETTE.app, node('Dockerfile', detail("+ your project's files"))],
    [PALETTE.image, node('Image', { text: IMAGE_NAME, size: 26, weight: 600 }, detail('built here'))],
    'docker build',
  );

  const registry = rect(WIDTH / 2 - 220, bottom(mine) + 50, 440, 110);
  drawBox(drawing, { rect: registry, style: PALETTE.registry, lines: node('Registry', detail('e.g. Docker Hub')) });

  const other = rect(MARGIN, bottom(registry) + 50, WIDTH - 2 * MARGIN, PANEL_HEIGHT);
  drawPanel(drawing, other, "Another machine: a server, CI, a teammate's laptop");
  const [pulled] = drawPanelRow(
    drawing,
    other,
    [PALETTE.image, node('Image', { text: IMAGE_NAME, size: 26, weight: 600 }, detail('same image, pulled'))],
    [PALETTE.container, node('Container', detail('your app, running'))],
    'docker run',
  );

  const pushX = centreX(built);
  drawArrow(drawing, { points: [sidePoint(built, 'bottom'), { x: pushX, y: centreY(registry) }, sidePoint(registry, 'right')] });
  drawLabel(drawing, { text: 'docker push', x: pushX + 16, cy: centreY(registry) - 34, size: 26, weight: 600, color: PALETTE.mutedText, anchor: 'start' });
  const pullX = centreX(pulled);
  drawArrow(drawing, { points: [sidePoint(registry, 'left'), { x: pullX, y: centreY(registry) }, sidePoint(pulled, 'top')] });
  drawLabel(drawing, { text: 'docker pull', x: pullX - 16, cy: centreY(registry) + 34, size: 26, weight: 600, color: PALETTE.mutedText, anchor: 'end' });

  const notes = ['push and pull move only the layers the other side lacks.', 'docker run pulls the image itself if it is missing.'];
  notes.forEach((text, i) => drawLabel(drawing, { text, x: MARGIN, cy: bottom(other) + 44 + i * 38, size: 25, color: PALETTE.mutedText, anchor: 'start' }));
  return drawing;
}

const TEXT = `
Build, push, pull, run: how an image gets from your
Dockerfile to a container elsewhere

YOUR MACHINE
┌─────────────────────────┐
│ Dockerfile              │
│ + your project's files  │
└────────────┬────────────┘
             │ docker build
┌────────────▼────────────┐
│ Image alice/myapp:1.0   │
│ built here              │
└────────────┬────────────┘
             │ docker push
┌────────────▼────────────┐
│ Registry                │
│ e.g. Docker Hub         │
└────────────┬────────────┘
             │ docker pull
ANOTHER MACHINE: a server, CI, a teammate's laptop
┌────────────▼────────────┐
│ Image alice/myapp:1.0   │
│ same image, pulled      │
└────────────┬────────────┘
             │ docker run
┌────────────▼────────────┐
│ Container               │
│ your app, running       │
└─────────────────────────┘
push and pull move only the layers the other side
lacks. docker run pulls the image itself if it is
missing.
`.trim();

/** The path of an image from a Dockerfile, through a registry, to a container on another machine. */
export const buildPushPullRunDiagram: DiagramDefinition = {
  info: {
    id: 'build-push-pull-run',
    title: 'Build, push, pull, run',
    caption:
      'docker build turns a Dockerfile into an image, docker push uploads it to a registry, and on another machine docker pull and docker run turn it into a container.',
    alt:
      'Flow diagram in two panels joined by a registry. In the panel "Your machine", docker build turns a Dockerfile ' +
      `(+ your project's files) into the image ${IMAGE_NAME}, built here. docker push sends the image down to a ` +
      'registry (e.g. Docker Hub). From the registry, docker pull brings the same image, pulled, into the second ' +
      'panel, "Another machine: a server, CI, a teammate\'s laptop", where docker run turns it into a container: ' +
      'your app, running. Notes: push and pull move only the layers the other side lacks; docker run pulls the image itself if it ' +
      'is missing.',
    topicIds: ['docker-build', 'pull-and-push', 'registries', 'why-containers'],
  },
  draw,
  text: TEXT,
};
