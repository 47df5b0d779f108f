/** Timing and memory helpers shared by every section of the benchmark. */
import { hrtime } from 'node:process';

/** Microseconds elapsed since a `hrtime.bigint()` reading. */
export const microsSince = (start: bigint): number => Number(hrtime.bigint() - start) / 1_000;

/** Runs `work` once and returns its result with the wall time it took, in milliseconds. */
export function timed<T>(work: () => T): { result: T; ms: number } {
  const start = hrtime.bigint();
  const result = work();
  return { result, ms: microsSince(start) / 1_000 };
}

/** Holds the latest result so the JIT cannot treat a timed call as dead code; nothing needs to read it. */
const blackhole: { value: unknown } = { value: undefined };
export const consume = (value: unknown): void => {
  blackhole.value = value;
};

/** Nearest-rank percentile (p in 0..100) of a list of samples; NaN for an empty list. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Whether the process was started with `--expose-gc`, so heap figures are measured after a full collection. */
export const canCollectGarbage = (): boolean => typeof globalThis.gc === 'function';

/** Heap in use, in MB, after a full garbage collection when one can be forced. */
export function heapUsedMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * Per-query latency in microseconds of several engines, interleaved: one untimed warm-up pass, then up to
 * `repetitions` passes in which each question goes to every engine in turn, the first engine rotating from
 * one question to the next. Passes stop once `budgetMs` is spent (after at least one). Returns, per engine in
 * the order given, the wall times and the CPU times (user + system) of its calls, in microseconds.
 */
export function measureInterleaved(
  engines: ReadonlyArray<(question: string) => unknown>,
  questions: readonly string[],
  repetitions = 5,
  budgetMs = 60_000,
): Array<{ wall: number[]; cpu: number[] }> {
  for (const question of questions) for (const answer of engines) consume(answer(question));
  const samples = engines.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  const start = hrtime.bigint();
  let turn = 0;
  for (let pass = 0; pass < repetitions && (pass === 0 || microsSince(start) < budgetMs * 1_000); pass++) {
    for (const question of questions) {
      turn++;
      for (let k = 0; k < engines.length; k++) {
        const e = (turn + k) % engines.length;
        const cpuBefore = process.cpuUsage();
        const before = hrtime.bigint();
        consume(engines[e]!(question));
        samples[e]!.wall.push(microsSince(before));
        const cpu = process.cpuUsage(cpuBefore);
        samples[e]!.cpu.push(cpu.user + cpu.system);
      }
    }
  }
  return samples;
}
