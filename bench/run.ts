/**
 * `npm run bench`: Stevedore's answer quality and speed beside two off-the-shelf search libraries, and how its
 * engine scales with the knowledge base. Prints Markdown; `npm run bench -- --write` also puts it into
 * docs/benchmarks.md. `--sizes 500,5000` runs only those scaling sizes (for a quicker run); `--only quality` or
 * `--only scaling` runs one section (a partial run is never written into docs/benchmarks.md).
 *
 * Progress goes to stderr, so stdout is the report alone.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { ENGINES } from './engines.ts';
import { canCollectGarbage } from './measure.ts';
import { benchmarkQuality } from './quality.ts';
import { renderMachine, renderQuality, renderScaling, writeResults } from './report.ts';
import { benchmarkScaling, type ScalingOptions } from './scaling.ts';

const BENCHMARKS_PAGE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const DEFAULT_SIZES = [500, 5_000, 50_000];
/** The brief's limit: a size that takes longer than this to build, or to query, is stopped and reported as such. */
const BUDGET_MS = 3 * 60_000;
const SCALING_QUERIES = 300;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

const SECTIONS = ['quality', 'scaling'] as const;
type Section = (typeof SECTIONS)[number];

function parseOptions(): { write: boolean; sections: ReadonlySet<Section>; scaling: ScalingOptions } {
  const { values } = parseArgs({
    options: { write: { type: 'boolean', default: false }, sizes: { type: 'string' }, only: { type: 'string' } },
  });
  const sizes = values.sizes?.split(',').map((s) => Number(s.trim())) ?? DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes wants positive integers, got ${values.sizes}`);
  const only = values.only as Section | undefined;
  if (only !== undefined && !SECTIONS.includes(only)) throw new Error(`--only wants one of ${SECTIONS.join(', ')}, got ${only}`);
  if (only !== undefined && values.write) throw new Error('--write needs every section; drop --only');
  return {
    write: values.write,
    sections: new Set(only ? [only] : SECTIONS),
    scaling: { sizes, budgetMs: BUDGET_MS, queries: SCALING_QUERIES },
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!canCollectGarbage()) log('warning: no --expose-gc, so heap figures include uncollected garbage (use `npm run bench`)');
  const startedAt = new Date();

  const knowledge = await loadKnowledge();
  const sections: string[][] = [renderMachine(startedAt)];
  if (options.sections.has('quality')) {
    const quality = ENGINES.map((factory) => {
      log(`quality: ${factory.name}…`);
      return benchmarkQuality(knowledge, factory);
    });
    sections.push(renderQuality(quality, knowledge.size));
  }
  if (options.sections.has('scaling')) sections.push(renderScaling(await benchmarkScaling(options.scaling, log), options.scaling));

  const markdown = sections.map((lines) => lines.join('\n')).join('\n\n');
  process.stdout.write(`${markdown}\n`);
  if (options.write) {
    await writeResults(BENCHMARKS_PAGE, markdown);
    log(`wrote the results into ${BENCHMARKS_PAGE}`);
  }
}

await main();
