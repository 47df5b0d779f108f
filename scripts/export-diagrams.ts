/**
 * Writes every diagram to docs/diagrams/<id>.png (and its text version to stdout when asked), so the docs show
 * exactly what the bot posts:
 *
 *   npx tsx scripts/export-diagrams.ts           # PNGs at 1200 px
 *   npx tsx scripts/export-diagrams.ts --text    # also print the text versions
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DIAGRAM_IDS, DiagramRenderer, renderDiagramText } from '../src/diagrams/index.ts';

const OUTPUT_DIR = fileURLToPath(new URL('../docs/diagrams/', import.meta.url));

const { values } = parseArgs({ options: { text: { type: 'boolean', default: false } } });
await mkdir(OUTPUT_DIR, { recursive: true });
const renderer = new DiagramRenderer();
for (const id of DIAGRAM_IDS) {
  const png = await renderer.renderPng(id);
  await writeFile(path.join(OUTPUT_DIR, `${id}.png`), png);
  process.stderr.write(`${id}.png: ${png.byteLength.toLocaleString('en-US')} bytes\n`);
  if (values.text) process.stdout.write(`${renderDiagramText(id)}\n\n`);
}
