/**
 * Section b: how Stevedore's engine scales with the size of the knowledge base. Each size runs in its own
 * process (`scaling-worker.ts`) so its heap figure is its own and a size that outgrows the time budget can be
 * stopped, reporting what it got done rather than hanging the whole benchmark.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerMessage } from './scaling-worker.ts';

export interface ScalingOptions {
  sizes: readonly number[];
  /** Time each size gets to build its index, and again to answer its queries. */
  budgetMs: number;
  queries: number;
}

export interface ScalingResult {
  topics: number;
  generateMs?: number;
  buildMs?: number;
  /** Heap in use once the engine is built (after a forced GC when available). */
  heapMB?: number;
  /** What building the knowledge base and engine added to the heap, over the generated topics alone. */
  engineHeapMB?: number;
  gcForced?: boolean;
  /** Per-query latency in microseconds, in the order the queries ran. */
  latencies: number[];
  /** The same queries' CPU time (user + system) in microseconds: the work itself, without time the OS gave others. */
  cpuTimes: number[];
  /** CPU time of the build, in milliseconds. */
  buildCpuMs?: number;
  plannedQueries: number;
  syntheticQueries: number;
  ownTopicAnswers: number;
  /** Why the size stopped short, if it did. */
  note?: string;
}

const WORKER = fileURLToPath(new URL('./scaling-worker.ts', import.meta.url));
/** A query already under way when the query budget runs out may finish; one that takes longer than this is killed. */
const GRACE_MS = 60_000;
/** 50,000 topics hold millions of phrase records: more than Node's default heap limit, less than the machine's memory. */
const WORKER_HEAP_LIMIT_MB = 16_384;

export async function benchmarkScaling(options: ScalingOptions, log: (line: string) => void): Promise<ScalingResult[]> {
  const results: ScalingResult[] = [];
  for (const size of options.sizes) {
    log(`scaling: ${size.toLocaleString('en-US')} topics…`);
    results.push(await runSize(size, options));
  }
  return results;
}

function runSize(size: number, { budgetMs, queries }: ScalingOptions): Promise<ScalingResult> {
  const result: ScalingResult = { topics: size, latencies: [], cpuTimes: [], plannedQueries: queries, syntheticQueries: 0, ownTopicAnswers: 0 };
  const child = fork(WORKER, [String(size), String(budgetMs), String(queries)], {
    execArgv: [...process.execArgv, `--max-old-space-size=${WORKER_HEAP_LIMIT_MB}`],
    // The worker's own output goes to stderr: stdout carries only the Markdown report.
    stdio: ['ignore', 2, 2, 'ipc'],
  });

  let deadline: NodeJS.Timeout | undefined;
  /** Kills the worker unless the next phase starts within `ms`. */
  const expectWithin = (ms: number, phase: string) => {
    clearTimeout(deadline);
    deadline = setTimeout(() => {
      result.note = `stopped: ${phase} took longer than ${formatDuration(ms)}`;
      child.kill('SIGKILL');
    }, ms);
  };
  expectWithin(budgetMs, 'generating the topics');

  child.on('message', (message: WorkerMessage) => {
    switch (message.type) {
      case 'generated':
        result.generateMs = message.ms;
        expectWithin(budgetMs, 'the index build');
        break;
      case 'built':
        Object.assign(result, { buildMs: message.buildMs, buildCpuMs: message.buildCpuMs, heapMB: message.heapMB, engineHeapMB: message.engineHeapMB, gcForced: message.gcForced });
        expectWithin(budgetMs + GRACE_MS, 'one query');
        break;
      case 'query':
        result.latencies.push(message.micros);
        result.cpuTimes.push(message.cpuMicros);
        if (message.fromSynthetic) result.syntheticQueries++;
        if (message.answeredOwnTopic) result.ownTopicAnswers++;
        break;
      case 'done':
        if (message.stoppedByBudget) result.note = `stopped after ${formatDuration(budgetMs)} of queries`;
        break;
    }
  });

  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      if (code !== 0 && result.note === undefined) result.note = `worker failed (${signal ?? `exit code ${code}`})`;
      resolve(result);
    });
  });
}

export const formatDuration = (ms: number): string => (ms >= 60_000 ? `${+(ms / 60_000).toFixed(1)} min` : `${+(ms / 1_000).toFixed(1)} s`);
