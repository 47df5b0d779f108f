/** Renders the benchmark's results as Markdown and writes them into docs/benchmarks.md. */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { DiagramBenchOptions, DiagramTiming } from './diagrams.ts';
import { percentile } from './measure.ts';
import { QUALITY_METHOD, type QualityResult } from './quality.ts';
import { formatDuration, type ScalingOptions, type ScalingResult } from './scaling.ts';

export const RESULTS_START = '<!-- results:start -->';
export const RESULTS_END = '<!-- results:end -->';

const integer = (n: number): string => Math.round(n).toLocaleString('en-US');
const decimal = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (n: number): string => `${(n * 100).toFixed(1)}%`;
const orDash = <T>(value: T | undefined, format: (v: T) => string): string => (value === undefined ? '–' : format(value));

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '--:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

export function renderMachine(now: Date): string[] {
  const cpus = os.cpus();
  return [
    `Measured ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus[0]?.model.trim() ?? 'an unknown CPU'} ` +
      `(${cpus.length} logical CPUs), Node ${process.version}, ${os.platform()} ${os.arch()}.`,
  ];
}

export function renderQuality(results: readonly QualityResult[], topicCount: number): string[] {
  const { onTopic, offTopic, buildRepetitions, latencyRepetitions } = QUALITY_METHOD;
  return [
    '### Answer quality and latency on the evaluation set',
    '',
    `All three engines index the same ${topicCount} shipped topics, in the same process. The evaluation set has ` +
      `${onTopic} on-topic questions (top-1 accuracy) and ${offTopic} off-topic ones (abstention: the engine ` +
      `must not answer). Latency is per question, over all ${onTopic + offTopic} questions × up to ${latencyRepetitions} ` +
      `passes after one warm-up pass, the engines interleaved question by question (each question goes to every engine ` +
      `in turn, the first one rotating) so that a busy moment of the machine falls on all of them alike; wall time, and CPU ` +
      `time (user + system), which leaves out the time the operating system gave other processes. Index build is the median of ${buildRepetitions} builds.`,
    '',
    ...table(
      ['engine', 'on-topic top-1 accuracy', 'off-topic abstention', 'latency p50 (µs)', 'latency p99 (µs)', 'CPU p50 (µs)', 'CPU p99 (µs)', 'index build (ms)'],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      results.map((r) => [
        r.name,
        percent(r.onTopicAccuracy),
        percent(r.offTopicAbstention),
        integer(r.p50Micros),
        integer(r.p99Micros),
        integer(r.cpuP50Micros),
        integer(r.cpuP99Micros),
        decimal(r.buildMs),
      ]),
    ),
    '',
    ...results.flatMap((r) => r.notes.map((note) => `- ${r.name}: ${note}.`)),
  ];
}

export function renderScaling(results: readonly ScalingResult[], options: ScalingOptions): string[] {
  const gcNote = results.some((r) => r.gcForced === false)
    ? ' **Heap figures were taken without a forced GC (run with `node --expose-gc`), so they include garbage.**'
    : '';
  const notes = results.flatMap((r) => {
    const fewQueries = r.latencies.length > 0 && r.latencies.length < 100;
    const said = [r.note, fewQueries ? 'with under 100 queries timed, p99 is the slowest query' : undefined].filter((s) => s !== undefined);
    return said.length > 0 ? [`- ${integer(r.topics)} topics: ${said.join('; ')}.`] : [];
  });
  return [
    '### Scaling',
    '',
    "Stevedore's engine on synthetic knowledge bases (`bench/synthetic-topics.ts`: seeded; Zipf-distributed words " +
      'from the real topics and a filler lexicon, topics in areas with shared subject words; 6 questions, 8 keywords, a ' +
      '~150-word body, 4 cards and 2 quiz questions each; see above). Each size runs in its own process. Build time ' +
      'covers `new KnowledgeBase(topics)` and `new AnswerEngine(kb)`, wall and CPU time; heap is measured after ' +
      `a forced GC; "added" is what the build added over the generated topics alone. ${options.queries} ` +
      'queries per size, half of them paraphrased from a synthetic topic\'s phrases ("own topic found" counts those ' +
      'it answered with that topic), half real development questions, after 33 untimed warm-up queries (30 drawn ' +
      'with another seed, so the timed questions are the same as with 3; half of them real development questions, ' +
      'which the timed ones may ask again); latency in wall ' +
      'time and in CPU time (user + system, which leaves out the time the operating system gave other processes on a ' +
      `busy machine). Each size gets ${formatDuration(options.budgetMs)} to build and ${formatDuration(options.budgetMs)} to query; ` +
      `past that it is stopped and reports what it did.${gcNote}`,
    '',
    ...table(
      ['topics', 'build (ms)', 'build CPU (ms)', 'heap (MB)', 'added (MB)', 'queries', 'p50 (µs)', 'p99 (µs)', 'CPU p50 (µs)', 'CPU p99 (µs)', 'own topic found'],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      results.map((r) => [
        integer(r.topics),
        orDash(r.buildMs, integer),
        orDash(r.buildCpuMs, integer),
        orDash(r.heapMB, integer),
        orDash(r.engineHeapMB, integer),
        `${r.latencies.length} / ${r.plannedQueries}`,
        r.latencies.length > 0 ? integer(percentile(r.latencies, 50)) : '–',
        r.latencies.length > 0 ? integer(percentile(r.latencies, 99)) : '–',
        r.cpuTimes.length > 0 ? integer(percentile(r.cpuTimes, 50)) : '–',
        r.cpuTimes.length > 0 ? integer(percentile(r.cpuTimes, 99)) : '–',
        r.syntheticQueries > 0 ? `${r.ownTopicAnswers} / ${r.syntheticQueries}` : '–',
      ]),
    ),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ];
}

export function renderDiagrams(results: readonly DiagramTiming[], options: DiagramBenchOptions): string[] {
  return [
    '### Diagram rendering',
    '',
    `Each diagram rendered to a PNG ${options.width} px wide by \`DiagramRenderer\` (resvg, Inter loaded from its ` +
      'npm package, no system fonts), in one process after one untimed warm-up render. "SVG" is drawing the SVG ' +
      `string alone (median of ${options.firstRenders}); "first render" is \`renderPng\` on a renderer that has not ` +
      `seen the diagram: SVG, font loading, rasterising and PNG encoding (median of ${options.firstRenders} fresh ` +
      `renderers); "cached" is every later call, a map lookup (median of ${integer(options.cachedRenders)} calls).`,
    '',
    ...table(
      ['diagram', 'PNG (px)', 'PNG size (KB)', 'SVG (ms)', 'first render (ms)', 'cached (µs)'],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      results.map((r) => [
        `\`${r.id}\``,
        `${r.width} × ${r.height}`,
        integer(r.pngBytes / 1024),
        decimal(r.svgMs, 2),
        decimal(r.firstRenderMs),
        decimal(r.cachedRenderMicros, 2),
      ]),
    ),
  ];
}

/** Replaces everything between the results markers of a Markdown file; fails loudly if they are missing. */
export async function writeResults(file: string, markdown: string): Promise<void> {
  const page = await readFile(file, 'utf8');
  const start = page.indexOf(RESULTS_START);
  const end = page.indexOf(RESULTS_END);
  if (start === -1 || end < start) throw new Error(`${file} has no ${RESULTS_START} … ${RESULTS_END} section to replace`);
  await writeFile(file, `${page.slice(0, start + RESULTS_START.length)}\n${markdown.trim()}\n${page.slice(end)}`);
}
