import type { DiagramDefinition } from '../diagram-definition.ts';
import { drawArrow } from '../drawing/draw-arrow.ts';
import { drawBox } from '../drawing/draw-box.ts';
import { drawFrame, MARGIN } from '../drawing/draw-frame.ts';
import { drawLabel } from '../drawing/draw-label.ts';
import { drawTag, tagWidth } from '../drawing/draw-tag.ts';
import { Drawing, type Rect } from '../drawing/drawing.ts';
import { bottom, centreX, rect, right, sidePoint } from '../drawing/geometry.ts';
import { PALETTE } from '../drawing/palette.ts';
import { textWidth } from '../drawing/text-metrics.ts';

const WIDTH = 1200;
const HEIGHT = 930;
const CONTAINERS = ['web-1', 'web-2', 'web-3'];
const IMAGE_LAYERS = ["Layer 3 · your app's code", 'Layer 2 · its dependencies', 'Layer 1 · base image (OS files)'];

function drawContainer(drawing: Drawing, name: string, box: Rect): void {
  drawBox(drawing, { rect: box, style: PALETTE.container });
  drawLabel(drawing, { text: `Container ${name}`, x: centreX(box), cy: box.y + 36, size: 28, weight: 700, color: PALETTE.container.text });
  drawBox(drawing, {
    rect: rect(box.x + 18, box.y + 70, box.width - 36, box.height - 88),
    style: PALETTE.writable,
    dashed: true,
    lines: [
      { text: 'writable layer', size: 27, weight: 600 },
      { text: 'its own changes', size: 24 },
    ],
  });
}

function drawImage(drawing: Drawing, box: Rect): void {
  drawBox(drawing, { rect: box, style: PALETTE.image });
  const name = 'Image myapp:1.0';
  drawLabel(drawing, { text: name, x: box.x + 24, cy: box.y + 42, size: 30, weight: 700, color: PALETTE.image.text, anchor: 'start' });
  drawLabel(drawing, { text: 'shared by all three containers', x: box.x + 24 + textWidth(name, 30, 700) + 20, cy: box.y + 42, size: 25, color: PALETTE.mutedText, anchor: 'start' });
  drawTag(drawing, 'read-only', { x: right(box) - 24 - tagWidth('read-only'), cy: box.y + 42, style: PALETTE.readOnlyTag });
  IMAGE_LAYERS.forEach((text, index) => {
    drawBox(drawing, {
      rect: rect(box.x + 24, box.y + 84 + index * 82, box.width - 48, 70),
      style: index === IMAGE_LAYERS.length - 1 ? PALETTE.baseImage : PALETTE.imageLayer,
      radius: 10,
      strokeWidth: 2,
      align: 'start',
      lines: [{ text, size: 27, weight: 600 }],
    });
  });
}

function draw(): Drawing {
  const drawing = new Drawing(WIDTH, HEIGHT);
  const top = drawFrame(drawing, { title: 'Image vs container', subtitle: 'One read-only image, many containers' });
  const gap = 36;
  const containerWidth = (WIDTH - 2 * MARGIN - 2 * gap) / 3;
  const containers = CONTAINERS.map((_, i) => rect(MARGIN + i * (containerWidth + gap), top + 24, containerWidth, 196));
  const image = rect(MARGIN, bottom(containers[0]!) + 100, WIDTH - 2 * MARGIN, 340);
  CONTAINERS.forEach((name, i) => drawContainer(drawing, name, containers[i]!));
  drawImage(drawing, image);
  for (const container of containers) {
    const tip = sidePoint(container, 'bottom');
    drawArrow(drawing, { points: [{ x: tip.x, y: image.y }, tip] });
    drawLabel(drawing, { text: 'docker run', x: tip.x + 16, cy: tip.y + 50, size: 25, weight: 600, color: PALETTE.mutedText, anchor: 'start' });
  }
  const notes = [
    'Writing in a container changes only its own writable layer.',
    'docker rm deletes a container and its layer; the image stays.',
  ];
  notes.forEach((text, i) =>
    drawLabel(drawing, { text, x: MARGIN, cy: bottom(image) + 44 + i * 38, size: 25, color: PALETTE.mutedText, anchor: 'start' }),
  );
  return drawing;
}

const TEXT = `
Image vs container: one read-only image, many containers

┌──────────────┐ ┌──────────────┐ ┌──────────────┐
│Container     │ │Container     │ │Container     │
│web-1         │ │web-2         │ │web-3         │
│┌────────────┐│ │┌────────────┐│ │┌────────────┐│
││writable    ││ ││writable    ││ ││writable    ││
││layer: its  ││ ││layer: its  ││ ││layer: its  ││
││own changes ││ ││own changes ││ ││own changes ││
│└────────────┘│ │└────────────┘│ │└────────────┘│
└──────▲───────┘ └──────▲───────┘ └──────▲───────┘
       │docker run      │docker run      │docker run
┌──────┴────────────────┴────────────────┴───────┐
│Image myapp:1.0, shared by all three containers │
│                                     [read-only]│
│ Layer 3 · your app's code                      │
│ Layer 2 · its dependencies                     │
│ Layer 1 · base image (OS files)                │
└────────────────────────────────────────────────┘
Writing in a container changes only its own
writable layer. docker rm deletes a container and
its layer; the image stays.
`.trim();

/** One read-only image with three containers on it, each with its own writable layer. */
export const imageVsContainerDiagram: DiagramDefinition = {
  info: {
    id: 'image-vs-container',
    title: 'Image vs container',
    caption:
      'An image is a read-only stack of layers; each container started from it adds only its own thin writable layer on top.',
    alt:
      'Diagram: one image, myapp:1.0, marked read-only and shared by all three containers, drawn as a stack of three layers: layer 1 the base image ' +
      "(OS files), layer 2 its dependencies, layer 3 your app's code. Above it are three containers, web-1, web-2 " +
      'and web-3, each made by docker run from that image, and each holding its own dashed writable layer with its ' +
      'own changes. Notes: writing in a container changes only its own writable layer; docker rm deletes a container ' +
      'and its layer, and the image stays.',
    topicIds: ['analogies', 'image-vs-container', 'one-image-many-containers', 'writable-layer'],
  },
  draw,
  text: TEXT,
};
