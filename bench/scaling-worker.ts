/**
 * One size of the scaling benchmark, in a process of its own: the heap then holds only this knowledge base,
 * and the parent can kill a size that runs past its time budget. Started by `scaling.ts`, never by hand:
 * `scaling-worker.ts <topics> <budget-ms> <queries>`. It reports over IPC as it goes, so a size stopped part
 * way still reports what it did.
 */
import { hrtime } from 'node:process';
import { KnowledgeBase, loadKnowledge, type Topic } from '../src/knowledge/index.ts';
import { AnswerEngine } from '../src/search/index.ts';
import { canCollectGarbage, consume, heapUsedMB, microsSince, timed } from './measure.ts';
import { evaluationQuestions } from './quality.ts';
import { seededRandom } from '../src/quiz/index.ts';
import { generateTopics, paraphraseQuestion } from './synthetic-topics.ts';

export type WorkerMessage =
  | { type: 'generated'; ms: number }
  | { type: 'built'; buildMs: number; buildCpuMs: number; heapMB: number; engineHeapMB: number; gcForced: boolean }
  | { type: 'query'; micros: number; cpuMicros: number; fromSynthetic: boolean; answeredOwnTopic: boolean }
  | { type: 'done'; stoppedByBudget: boolean };

interface Query {
  text: string;
  /** The synthetic topic the question was taken from; undefined for a real evaluation question. */
  sourceTopicId: string | undefined;
}

/** Untimed queries first, so the timed ones do not pay for JIT compilation. */
const WARM_UP_QUERIES = 3;
/**
 * More untimed queries before those, drawn with another seed: three left the first few dozen timed queries
 * paying for the compiler (at 5,000 topics, tens of milliseconds of CPU each, which was the p99), a cost a
 * running bot pays once. The timed queries are the same as with three.
 */
const EXTRA_WARM_UP_QUERIES = 30;

const send = (message: WorkerMessage): Promise<void> =>
  new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));

/**
 * Half the queries are questions about a synthetic topic, paraphrased from its phrases (the engine should
 * find their topic, though other topics may share their words); half are real evaluation questions, which
 * use real Docker words but have no matching topic here.
 */
function sampleQueries(topics: readonly Topic[], count: number, seed: number): Query[] {
  const random = seededRandom(seed);
  const real = evaluationQuestions();
  return Array.from({ length: count }, (_, i): Query => {
    if (i % 2 === 1) return { text: real[Math.floor(random() * real.length)]!, sourceTopicId: undefined };
    const topic = topics[Math.floor(random() * topics.length)]!;
    return { text: paraphraseQuestion(topic, random), sourceTopicId: topic.id };
  });
}

async function run(size: number, budgetMs: number, queryCount: number): Promise<void> {
  const realTopics = (await loadKnowledge()).topics;
  const generated = timed(() => generateTopics(size, realTopics));
  const topics = generated.result;
  await send({ type: 'generated', ms: generated.ms });

  const heapBeforeMB = heapUsedMB();
  const cpuBefore = process.cpuUsage();
  const built = timed(() => new AnswerEngine(new KnowledgeBase(topics)));
  const buildCpu = process.cpuUsage(cpuBefore);
  const engine = built.result;
  const heapMB = heapUsedMB();
  await send({ type: 'built', buildMs: built.ms, buildCpuMs: (buildCpu.user + buildCpu.system) / 1_000, heapMB, engineHeapMB: heapMB - heapBeforeMB, gcForced: canCollectGarbage() });

  const queryStart = hrtime.bigint();
  const [warmUp, timedQueries] = splitAt(sampleQueries(topics, WARM_UP_QUERIES + queryCount, size), WARM_UP_QUERIES);
  for (const query of [...sampleQueries(topics, EXTRA_WARM_UP_QUERIES, size + 1), ...warmUp]) consume(engine.answer(query.text));
  for (const query of timedQueries) {
    if (microsSince(queryStart) / 1_000 > budgetMs) return send({ type: 'done', stoppedByBudget: true });
    const cpuBefore = process.cpuUsage();
    const start = hrtime.bigint();
    const answer = engine.answer(query.text);
    const micros = microsSince(start);
    const cpu = process.cpuUsage(cpuBefore);
    await send({
      type: 'query',
      micros,
      cpuMicros: cpu.user + cpu.system,
      fromSynthetic: query.sourceTopicId !== undefined,
      answeredOwnTopic: query.sourceTopicId !== undefined && answer.topic?.id === query.sourceTopicId,
    });
  }
  return send({ type: 'done', stoppedByBudget: false });
}

const splitAt = <T>(items: readonly T[], index: number): [T[], T[]] => [items.slice(0, index), items.slice(index)];

const [size, budgetMs, queryCount] = process.argv.slice(2).map(Number);
if (!process.send || !size || !budgetMs || !queryCount) {
  console.error('scaling-worker.ts is started by bench/scaling.ts: <topics> <budget-ms> <queries>');
  process.exit(2);
}
await run(size, budgetMs, queryCount);
process.disconnect();
