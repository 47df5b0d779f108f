/**
 * `npm run bench`: Stevedore's answer quality and speed beside two off-the-shelf search libraries, how its
 * engine scales with the knowledge base, how fast diagrams render, Discord's and Slack's latency, how long
 * explaining a pasted Dockerfile or command takes, a hostile-input soak of the real bot in its own process, and
 * how long `npm start` and `npm run ask` take to start.
 * Prints Markdown; `npm run bench -- --write` also puts it into docs/benchmarks.md. `--sizes 500,5000` runs
 * only those scaling sizes (for a quicker run); `--only diagrams` (or `quality`, `scaling`, `lookup`, `discord`,
 * `slack`, `explain`, `soak`, `daily`, `startup`, or several comma-separated: `--only discord,slack`) runs those
 * sections and prints them, for pasting; `--interactions 1000 --rate 30` change the soak's load; `--channels 2000`
 * the daily fan-out's size (default 10,000; PostgreSQL from STEVEDORE_BENCH_DATABASE_URL or
 * STEVEDORE_TEST_DATABASE_URL, else the local test one); `--budget 10` gives each scaling size 10 minutes to build
 * and 10 to query (default 3), for a busy machine.
 *
 * Progress goes to stderr, so stdout is the report alone.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { benchmarkDaily, DAILY_METHOD, renderDaily, type DailyBenchMethod } from './daily.ts';
import { benchmarkDiagrams, DIAGRAM_METHOD } from './diagrams.ts';
import { benchmarkDiscordLatency, DISCORD_LATENCY_METHOD, renderDiscordLatency } from './discord-latency.ts';
import { ENGINES } from './engines.ts';
import { benchmarkExplain, renderExplain } from './explain.ts';
import { benchmarkLookup, renderLookup } from './lookup.ts';
import { canCollectGarbage } from './measure.ts';
import { benchmarkSlackLatency, renderSlackLatency, SLACK_LATENCY_METHOD } from './slack-latency.ts';
import { benchmarkQuality } from './quality.ts';
import { renderDiagrams, renderMachine, renderQuality, renderScaling, writeResults } from './report.ts';
import { benchmarkScaling, type ScalingOptions } from './scaling.ts';
import { renderSoak } from './soak-report.ts';
import { benchmarkSoak, SOAK_METHOD, type SoakMethod } from './soak.ts';
import { benchmarkStartup, benchmarkStartupPhases, renderStartup, STARTUP_METHOD } from './startup.ts';

const BENCHMARKS_PAGE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const DEFAULT_SIZES = [500, 5_000, 50_000];
/** The brief's limit: a size that takes longer than this to build, or to query, is stopped and reported as such. */
const BUDGET_MS = 3 * 60_000;
const SCALING_QUERIES = 300;

const SECTIONS = ['quality', 'scaling', 'lookup', 'diagrams', 'discord', 'slack', 'explain', 'soak', 'daily', 'startup'] as const;
/** The PostgreSQL the daily section uses (a schema of its own, dropped after); the tests' by default. */
const BENCH_DATABASE_URL = process.env['STEVEDORE_BENCH_DATABASE_URL'] ?? process.env['STEVEDORE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
type Section = (typeof SECTIONS)[number];

const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Options {
  write: boolean;
  sections: readonly Section[];
  scaling: ScalingOptions;
  soak: SoakMethod;
  daily: DailyBenchMethod;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      write: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      only: { type: 'string' },
      interactions: { type: 'string' },
      rate: { type: 'string' },
      channels: { type: 'string' },
      budget: { type: 'string' },
    },
  });
  const sizes = values.sizes?.split(',').map((s) => Number(s.trim())) ?? DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes wants positive integers, got ${values.sizes}`);
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.find((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown !== undefined) throw new Error(`--only wants some of ${SECTIONS.join(', ')} (comma-separated), got ${unknown}`);
  // --write replaces the whole results block, so it needs every section.
  if (only !== undefined && values.write) throw new Error('--write rewrites every section; run it without --only');
  const sections = only === undefined ? SECTIONS : SECTIONS.filter((s) => only.includes(s));
  const soak = { ...SOAK_METHOD, interactions: Math.round(positive('interactions', values.interactions, SOAK_METHOD.interactions)), rate: positive('rate', values.rate, SOAK_METHOD.rate) };
  const daily = { ...DAILY_METHOD, channels: Math.round(positive('channels', values.channels, DAILY_METHOD.channels)) };
  const budgetMs = positive('budget', values.budget, BUDGET_MS / 60_000) * 60_000;
  return { write: values.write, sections, scaling: { sizes, budgetMs, queries: SCALING_QUERIES }, soak, daily };
}

function positive(name: string, given: string | undefined, fallback: number): number {
  if (given === undefined) return fallback;
  const n = Number(given);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`--${name} wants a positive number, got ${given}`);
  return n;
}

async function runSection(section: Section, options: Options): Promise<string[]> {
  switch (section) {
    case 'quality': {
      const knowledge = await loadKnowledge();
      return renderQuality(benchmarkQuality(knowledge, ENGINES, log), knowledge.size);
    }
    case 'scaling':
      return renderScaling(await benchmarkScaling(options.scaling, log), options.scaling);
    case 'lookup':
      return renderLookup(await benchmarkLookup(undefined, log));
    case 'diagrams':
      log('diagrams…');
      return renderDiagrams(await benchmarkDiagrams(DIAGRAM_METHOD), DIAGRAM_METHOD);
    case 'discord':
      return renderDiscordLatency(await benchmarkDiscordLatency(DISCORD_LATENCY_METHOD, log), DISCORD_LATENCY_METHOD);
    case 'slack':
      return renderSlackLatency(await benchmarkSlackLatency(SLACK_LATENCY_METHOD, log), SLACK_LATENCY_METHOD);
    case 'explain':
      log('explain…');
      return renderExplain(await benchmarkExplain());
    case 'soak':
      return renderSoak(await benchmarkSoak(options.soak, log));
    case 'daily':
      return renderDaily(await benchmarkDaily(options.daily, BENCH_DATABASE_URL, log), options.daily);
    case 'startup': {
      const timings = await benchmarkStartup(STARTUP_METHOD, log);
      log('start-up: phases…');
      return renderStartup(timings, await benchmarkStartupPhases(), STARTUP_METHOD);
    }
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!canCollectGarbage()) log('warning: no --expose-gc, so heap figures include uncollected garbage (use `npm run bench`)');
  const startedAt = new Date();

  const rendered: string[][] = [];
  for (const section of options.sections) rendered.push(await runSection(section, options));
  const markdown = [...renderMachine(startedAt), ...rendered.flatMap((lines) => ['', ...lines])].join('\n');
  process.stdout.write(`${markdown}\n`);
  if (options.write) {
    await writeResults(BENCHMARKS_PAGE, markdown);
    log(`wrote the results into ${BENCHMARKS_PAGE}`);
  }
}

await main();
