import type { DiagramDefinition } from '../diagram-definition.ts';
import { drawBox } from '../drawing/draw-box.ts';
import { drawFrame, MARGIN } from '../drawing/draw-frame.ts';
import { drawLabel } from '../drawing/draw-label.ts';
import { drawTag, tagWidth } from '../drawing/draw-tag.ts';
import { Drawing, type Rect } from '../drawing/drawing.ts';
import { bottom, centreY, rect, right } from '../drawing/geometry.ts';
import { PALETTE } from '../drawing/palette.ts';
import { textWidth } from '../drawing/text-metrics.ts';

const WIDTH = 1200;
const HEIGHT = 1010;
const INNER = 24;
const BAR_HEIGHT = 76;
const BAR_GAP = 10;

/** The image's filesystem layers, top (last step) first; the last one comes from the base image. */
const LAYERS = [
  { instruction: 'COPY . .', holds: 'your source code' },
  { instruction: 'RUN npm ci', holds: 'installed node_modules' },
  { instruction: 'COPY package*.json ./', holds: 'package.json + lock file' },
  { instruction: 'FROM node:20-slim', holds: "the base image's layers" },
];
const CONFIG_ONLY = ['ENV NODE_ENV=production', 'EXPOSE 3000', 'CMD ["node", "server.js"]'];

/** One layer: the instruction that made it on the left, what it holds on the right. */
function drawLayerBar(drawing: Drawing, bar: Rect, layer: (typeof LAYERS)[number], isBase: boolean): void {
  const style = isBase ? PALETTE.baseImage : PALETTE.imageLayer;
  drawBox(drawing, { rect: bar, style, radius: 10, strokeWidth: 2 });
  const cy = centreY(bar);
  drawLabel(drawing, { text: layer.instruction, x: bar.x + INNER, cy, size: 28, weight: 700, color: style.text, anchor: 'start' });
  drawLabel(drawing, { text: layer.holds, x: right(bar) - INNER, cy, size: 26, color: style.text, anchor: 'end' });
}

function drawImage(drawing: Drawing, box: Rect): void {
  drawBox(drawing, { rect: box, style: PALETTE.image });
  const headerCy = box.y + 42;
  const name = 'Image myapp:1.0';
  drawLabel(drawing, { text: name, x: box.x + INNER, cy: headerCy, size: 30, weight: 700, color: PALETTE.image.text, anchor: 'start' });
  drawLabel(drawing, { text: 'first step at the bottom', x: box.x + INNER + textWidth(name, 30, 700) + 20, cy: headerCy, size: 25, color: PALETTE.mutedText, anchor: 'start' });
  drawTag(drawing, 'read-only', { x: right(box) - INNER - tagWidth('read-only'), cy: headerCy, style: PALETTE.readOnlyTag });
  LAYERS.forEach((layer, index) => {
    const bar = rect(box.x + INNER, box.y + 84 + index * (BAR_HEIGHT + BAR_GAP), box.width - 2 * INNER, BAR_HEIGHT);
    drawLayerBar(drawing, bar, layer, index === LAYERS.length - 1);
  });
}

function drawConfigPanel(drawing: Drawing, panel: Rect): void {
  drawBox(drawing, { rect: panel, style: PALETTE.panel, role: 'panel' });
  const headerCy = panel.y + 40;
  drawLabel(drawing, { text: 'Config only, no layer', x: panel.x + INNER, cy: headerCy, size: 28, weight: 700, color: PALETTE.card.text, anchor: 'start' });
  drawLabel(drawing, { text: "(0 B: kept in the image's config)", x: right(panel) - INNER, cy: headerCy, size: 24, color: PALETTE.panel.text, anchor: 'end' });
  let x = panel.x + INNER;
  for (const instruction of CONFIG_ONLY) {
    drawTag(drawing, instruction, { x, cy: panel.y + 104, style: PALETTE.configTag });
    x += tagWidth(instruction) + 18;
  }
}

function draw(): Drawing {
  const drawing = new Drawing(WIDTH, HEIGHT);
  const top = drawFrame(drawing, { title: 'Image layers', subtitle: 'Each RUN, COPY or ADD step adds one read-only layer' });
  const writable = rect(MARGIN, top + 20, WIDTH - 2 * MARGIN, 84);
  drawBox(drawing, { rect: writable, style: PALETTE.writable, dashed: true });
  drawLabel(drawing, { text: 'Writable container layer', x: writable.x + INNER, cy: centreY(writable), size: 28, weight: 700, color: PALETTE.writable.text, anchor: 'start' });
  drawLabel(drawing, { text: 'added by docker run, not in the image', x: right(writable) - INNER, cy: centreY(writable), size: 26, color: PALETTE.writable.text, anchor: 'end' });

  const imageHeight = 84 + LAYERS.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + INNER;
  const image = rect(MARGIN, bottom(writable) + 24, WIDTH - 2 * MARGIN, imageHeight);
  drawImage(drawing, image);
  const config = rect(MARGIN, bottom(image) + 28, WIDTH - 2 * MARGIN, 150);
  drawConfigPanel(drawing, config);
  drawLabel(drawing, {
    text: 'docker history myapp:1.0 lists every step, newest first.',
    x: MARGIN,
    cy: bottom(config) + 44,
    size: 25,
    color: PALETTE.mutedText,
    anchor: 'start',
  });
  return drawing;
}

const TEXT = `
Image layers: each RUN, COPY or ADD step adds one
read-only layer

┌────────────────────────────────────────────────┐
│ Writable container layer                       │
│ added by docker run, not in the image          │
└────────────────────────────────────────────────┘
┌─ Image myapp:1.0 ───────────────── [read-only] ┐
│ COPY . .               your source code        │
│ RUN npm ci             installed node_modules  │
│ COPY package*.json ./  package.json + lock file│
│ FROM node:20-slim      the base image's layers │
└──────────────── first step at the bottom ──────┘
Config only, no layer (0 B: kept in the image's config):
  ENV NODE_ENV=production
  EXPOSE 3000
  CMD ["node", "server.js"]

docker history myapp:1.0 lists every step, newest first.
`.trim();

/** The layers a small Node.js Dockerfile produces, with the container's writable layer on top. */
export const imageLayersDiagram: DiagramDefinition = {
  info: {
    id: 'image-layers',
    title: 'Image layers',
    caption:
      'Each RUN, COPY or ADD step in a Dockerfile adds one read-only layer; instructions such as ENV, EXPOSE and CMD only change the config.',
    alt:
      'Diagram: the image myapp:1.0, marked read-only, as a stack of layers, first step at the bottom. There, ' +
      "FROM node:20-slim brings the base image's layers; above it, COPY package*.json ./ adds package.json + lock " +
      'file; RUN npm ci adds installed node_modules; on top, COPY . . adds your source code. Above the image, drawn ' +
      'dashed, is the writable container layer: added by docker run, not in the image. A ' +
      "separate panel lists config-only instructions that add no layer (0 B, kept in the image's config): " +
      'ENV NODE_ENV=production, EXPOSE 3000 and CMD ["node", "server.js"]. A note says docker history myapp:1.0 ' +
      'lists every step, newest first.',
    topicIds: ['docker-commit-vs-dockerfile', 'docker-history', 'image', 'image-layers', 'image-size', 'storage-drivers'],
  },
  draw,
  text: TEXT,
};
