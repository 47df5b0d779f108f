/** Section a: answer quality and latency of every engine on the evaluation set, in the same run. */
import type { KnowledgeBase } from '../src/knowledge/index.ts';
import { evaluate, offTopicCases, onTopicCases } from '../test/eval/evaluation-set.ts';
import type { BenchEngine, EngineFactory } from './engines.ts';
import { measureInterleaved, median, percentile, timed } from './measure.ts';

export interface QualityResult {
  name: string;
  onTopicAccuracy: number;
  offTopicAbstention: number;
  p50Micros: number;
  p99Micros: number;
  /** CPU time (user + system) of the same calls: the work itself, without time the OS gave other processes. */
  cpuP50Micros: number;
  cpuP99Micros: number;
  buildMs: number;
  notes: string[];
}

/** Builds are repeated and the median reported: the first build in a process also pays for JIT compilation. */
const BUILD_REPETITIONS = 5;
/** At most this many timed passes over the questions; fewer for an engine slow enough to spend 20 s. */
const LATENCY_REPETITIONS = 5;

export const evaluationQuestions = (): string[] => [...onTopicCases.map((c) => c.q), ...offTopicCases];

/**
 * Every engine's quality and latency, in one process. Latency is measured interleaved: each question is
 * put to every engine in turn (starting with a different engine each time) before the next question, so a
 * busy moment of the machine, the garbage collector or the CPU's clock falls on all engines alike rather
 * than on whichever ran during it.
 */
export function benchmarkQuality(knowledge: KnowledgeBase, factories: readonly EngineFactory[], log: (line: string) => void = () => {}): QualityResult[] {
  const built = factories.map((factory) => {
    log(`quality: building ${factory.name}…`);
    const builds = Array.from({ length: BUILD_REPETITIONS }, () => timed(() => factory.build(knowledge)));
    const engine: BenchEngine = builds.at(-1)!.result.prepare();
    return { engine, report: evaluate(engine), buildMs: median(builds.map((b) => b.ms)) };
  });
  log('quality: latency, engines interleaved question by question…');
  const latencies = measureInterleaved(
    built.map(({ engine }) => (q: string) => engine.answerTopicId(q)),
    evaluationQuestions(),
    LATENCY_REPETITIONS,
  );
  return built.map(({ engine, report, buildMs }, i) => ({
    name: engine.name,
    onTopicAccuracy: report.onTopicAccuracy,
    offTopicAbstention: report.offTopicAbstention,
    p50Micros: percentile(latencies[i]!.wall, 50),
    p99Micros: percentile(latencies[i]!.wall, 99),
    cpuP50Micros: percentile(latencies[i]!.cpu, 50),
    cpuP99Micros: percentile(latencies[i]!.cpu, 99),
    buildMs,
    notes: engine.notes,
  }));
}

export const QUALITY_METHOD = {
  onTopic: onTopicCases.length,
  offTopic: offTopicCases.length,
  buildRepetitions: BUILD_REPETITIONS,
  latencyRepetitions: LATENCY_REPETITIONS,
} as const;
