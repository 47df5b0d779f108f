/** Section a: answer quality and latency of every engine on the evaluation set, in the same run. */
import type { KnowledgeBase } from '../src/knowledge/index.ts';
import { evaluate, offTopicCases, onTopicCases } from '../test/eval/evaluation-set.ts';
import type { BenchEngine, EngineFactory } from './engines.ts';
import { measureLatency, median, percentile, timed } from './measure.ts';

export interface QualityResult {
  name: string;
  onTopicAccuracy: number;
  offTopicAbstention: number;
  p50Micros: number;
  p99Micros: number;
  buildMs: number;
  notes: string[];
}

/** Builds are repeated and the median reported: the first build in a process also pays for JIT compilation. */
const BUILD_REPETITIONS = 5;
/** At most this many timed passes over the questions; fewer for an engine slow enough to spend 20 s. */
const LATENCY_REPETITIONS = 5;

export const evaluationQuestions = (): string[] => [...onTopicCases.map((c) => c.q), ...offTopicCases];

export function benchmarkQuality(knowledge: KnowledgeBase, factory: EngineFactory): QualityResult {
  const builds = Array.from({ length: BUILD_REPETITIONS }, () => timed(() => factory.build(knowledge)));
  const engine: BenchEngine = builds.at(-1)!.result.prepare();
  const report = evaluate(engine);
  const latencies = measureLatency((q) => engine.answerTopicId(q), evaluationQuestions(), LATENCY_REPETITIONS);
  return {
    name: engine.name,
    onTopicAccuracy: report.onTopicAccuracy,
    offTopicAbstention: report.offTopicAbstention,
    p50Micros: percentile(latencies, 50),
    p99Micros: percentile(latencies, 99),
    buildMs: median(builds.map((b) => b.ms)),
    notes: engine.notes,
  };
}

export const QUALITY_METHOD = {
  onTopic: onTopicCases.length,
  offTopic: offTopicCases.length,
  buildRepetitions: BUILD_REPETITIONS,
  latencyRepetitions: LATENCY_REPETITIONS,
} as const;
