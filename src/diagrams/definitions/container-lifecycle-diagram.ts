import type { DiagramDefinition } from '../diagram-definition.ts';
import { drawArrow } from '../drawing/draw-arrow.ts';
import { drawBox } from '../drawing/draw-box.ts';
import { drawFrame, MARGIN } from '../drawing/draw-frame.ts';
import { drawLines, type TextAnchor } from '../drawing/draw-label.ts';
import { Drawing, num, type Point } from '../drawing/drawing.ts';
import { rect } from '../drawing/geometry.ts';
import { type BoxStyle, PALETTE } from '../drawing/palette.ts';

const WIDTH = 1200;
const HEIGHT = 1160;
const LABEL_SIZE = 26;

/** The states, laid out by hand: a hub (running) with its neighbours around it. */
const STATES = {
  created: { rect: rect(105, 464, 190, 72), style: PALETTE.state, lines: ['created'] },
  running: { rect: rect(505, 450, 190, 100), style: PALETTE.container, lines: ['running'] },
  paused: { rect: rect(915, 464, 190, 72), style: PALETTE.state, lines: ['paused'] },
  restarting: { rect: rect(915, 204, 190, 84), style: PALETTE.state, lines: ['restarting'] },
  exited: { rect: rect(505, 800, 190, 72), style: PALETTE.state, lines: ['exited'] },
  removed: { rect: rect(105, 800, 190, 72), style: PALETTE.terminal, lines: ['removed'] },
  dead: { rect: rect(915, 792, 190, 88), style: PALETTE.terminal, lines: ['dead', '(rare)'], dashed: true },
} satisfies Record<string, { rect: ReturnType<typeof rect>; style: BoxStyle; lines: string[]; dashed?: boolean }>;

const START = { x: 560, y: 236, r: 14 };

interface Edge {
  points: Point[];
  label: string[];
  /** Where the label block sits: its anchor x, its vertical centre, and which end x is. */
  at: { x: number; cy: number; anchor: TextAnchor };
}

const p = (x: number, y: number): Point => ({ x, y });

/** Every transition, with its route and where its label sits clear of lines and boxes. */
const EDGES: Edge[] = [
  { points: [p(546, 236), p(200, 236), p(200, 464)], label: ['docker create'], at: { x: 373, cy: 212, anchor: 'middle' } },
  { points: [p(560, 250), p(560, 450)], label: ['docker run'], at: { x: 544, cy: 350, anchor: 'end' } },
  { points: [p(295, 490), p(505, 490)], label: ['docker start'], at: { x: 400, cy: 464, anchor: 'middle' } },
  { points: [p(695, 480), p(915, 480)], label: ['docker pause'], at: { x: 805, cy: 456, anchor: 'middle' } },
  { points: [p(915, 520), p(695, 520)], label: ['docker unpause'], at: { x: 805, cy: 548, anchor: 'middle' } },
  { points: [p(645, 450), p(645, 226), p(915, 226)], label: ['process exits +', 'restart policy'], at: { x: 787, cy: 186, anchor: 'middle' } },
  { points: [p(915, 266), p(680, 266), p(680, 450)], label: ['restarted'], at: { x: 802, cy: 294, anchor: 'middle' } },
  { points: [p(570, 550), p(570, 800)], label: ['docker stop', 'docker kill', 'process exits'], at: { x: 554, cy: 668, anchor: 'end' } },
  { points: [p(630, 800), p(630, 550)], label: ['docker start', 'docker restart'], at: { x: 646, cy: 668, anchor: 'start' } },
  { points: [p(200, 536), p(200, 800)], label: ['docker rm'], at: { x: 184, cy: 668, anchor: 'end' } },
  { points: [p(505, 535), p(340, 535), p(340, 815), p(295, 815)], label: ['docker rm -f'], at: { x: 356, cy: 760, anchor: 'start' } },
  { points: [p(505, 850), p(295, 850)], label: ['docker rm'], at: { x: 400, cy: 878, anchor: 'middle' } },
  { points: [p(695, 836), p(915, 836)], label: ['docker rm', 'fails partway'], at: { x: 805, cy: 796, anchor: 'middle' } },
  { points: [p(1010, 880), p(1010, 960), p(200, 960), p(200, 872)], label: ['docker rm'], at: { x: 600, cy: 986, anchor: 'middle' } },
];

const NOTES = [
  'docker run = docker create + docker start.',
  'docker restart = docker stop, then docker start.',
  'removing shows briefly while docker rm runs.',
];

function drawStartDot(drawing: Drawing): void {
  drawing.append(`<circle cx="${num(START.x)}" cy="${num(START.y)}" r="${num(START.r)}" fill="${PALETTE.start.fill}"/>`);
  drawing.layout.shapes.push({ role: 'box', bounds: rect(START.x - START.r, START.y - START.r, 2 * START.r, 2 * START.r), fill: PALETTE.start.fill });
}

function draw(): Drawing {
  const drawing = new Drawing(WIDTH, HEIGHT);
  drawFrame(drawing, { title: 'Container lifecycle', subtitle: 'States, and the commands that move a container between them' });
  drawStartDot(drawing);
  for (const state of Object.values(STATES)) {
    drawBox(drawing, {
      rect: state.rect,
      style: state.style,
      dashed: 'dashed' in state,
      lines: state.lines.map((text, i) => ({ text, size: i === 0 ? 30 : 24, weight: i === 0 ? 700 : 400 })),
    });
  }
  for (const edge of EDGES) {
    drawArrow(drawing, { points: edge.points });
    drawLines(
      drawing,
      edge.label.map((text) => ({ text, size: LABEL_SIZE, weight: 600 })),
      { x: edge.at.x, cy: edge.at.cy, color: PALETTE.mutedText, anchor: edge.at.anchor },
    );
  }
  NOTES.forEach((text, i) => drawLines(drawing, [{ text, size: 25 }], { x: MARGIN, cy: 1040 + i * 38, color: PALETTE.mutedText, anchor: 'start' }));
  return drawing;
}

const TEXT = `
Container lifecycle: states, and the commands that
move a container between them

 ● start
 ├─ docker create ──▶ created
 └─ docker run ─────▶ running  (= create + start)

created ── docker start ──────────────▶ running
running ── docker pause ──────────────▶ paused
paused ─── docker unpause ────────────▶ running
running ── docker stop / docker kill /
           process exits ─────────────▶ exited
running ── process exits +
           restart policy ────────────▶ restarting
restarting ── restarted ──────────────▶ running
exited ─── docker start / restart ────▶ running
created ── docker rm ─────────────────▶ removed
exited ─── docker rm ─────────────────▶ removed
running ── docker rm -f ──────────────▶ removed
exited ─── docker rm fails partway ───▶ dead (rare)
dead ───── docker rm ─────────────────▶ removed

docker restart = docker stop, then docker start.
removing shows briefly while docker rm runs.
`.trim();

/** The container state machine with every command that moves a container between states. */
export const containerLifecycleDiagram: DiagramDefinition = {
  info: {
    id: 'container-lifecycle',
    title: 'Container lifecycle',
    caption:
      'A container is created, runs, may be paused or restarted by its restart policy, exits, and stays until docker rm removes it.',
    alt:
      'State diagram of a container. From the start, docker create leads to created and docker run leads straight to ' +
      'running (docker run is docker create plus docker start). docker start moves created to running. From running, ' +
      'docker pause leads to paused and docker unpause back to running. When the process exits and a restart policy ' +
      'applies, running becomes restarting, and it is restarted back to running. docker stop, docker kill or the ' +
      'process exiting lead from running to exited; docker start or docker restart lead from exited back to running. ' +
      'docker rm takes a created or exited container to removed; docker rm -f does it to a running one. If docker rm fails ' +
      'partway, an exited container becomes dead (rare), and docker rm then removes it. Notes: docker restart is ' +
      'docker stop, then docker start; removing shows briefly while docker rm runs.',
    topicIds: ['container-lifecycle', 'create-vs-run', 'docker-run', 'ephemeral-containers', 'start-restart-pause'],
  },
  draw,
  text: TEXT,
};
