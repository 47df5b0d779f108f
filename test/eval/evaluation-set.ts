import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { routePaste } from '../../src/core/route-paste.ts';
import { loadFlagInventory, type FlagInventory } from '../../src/explain/index.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';

const OnTopicSchema = z.array(
  z.strictObject({ q: z.string().min(1), topic: z.string().min(1), also: z.array(z.string()).optional() }),
);
/** A question the engine must not answer with a topic: a plain string (development set) or `{ q }` (sealed set). */
const UnansweredSchema = z.array(z.union([z.string().min(1), z.strictObject({ q: z.string().min(1) })]).transform((x) => (typeof x === 'string' ? x : x.q)));

export type OnTopicCase = z.infer<typeof OnTopicSchema>[number];

/** One evaluation set: questions with the topics that answer them, and questions that no topic answers. */
export interface EvaluationSet {
  name: string;
  onTopic: readonly OnTopicCase[];
  /** Not about Docker: the engine must abstain. */
  offTopic: readonly string[];
  /**
   * About Docker, but no topic covers them: the engine must not answer with a topic; abstaining (ideally with
   * "I don't have a topic on that yet") is right.
   */
  uncovered: readonly string[];
}

const read = (name: string): unknown => parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

/**
 * The development set: learner questions written apart from the topics' own examples. Its misses may be
 * read and tuned against (`npm run eval` prints them).
 */
export const DEVELOPMENT_SET: EvaluationSet = {
  name: 'development',
  onTopic: OnTopicSchema.parse(read('./on-topic.yaml')),
  offTopic: UnansweredSchema.parse(read('./off-topic.yaml')),
  uncovered: [],
};

/**
 * Added to the development set on 2026-11-29 (issue 10): Docker questions no topic covers, off-topic
 * questions that share Docker's words, and on-topic questions for the topics added that day. Kept apart so that the development set's figures stay comparable
 * with earlier ones; tuned against like it.
 */
export const DEVELOPMENT_ADDITIONS: EvaluationSet = {
  name: 'development additions',
  onTopic: OnTopicSchema.parse(read('./on-topic-additions.yaml')),
  offTopic: UnansweredSchema.parse(read('./near-misses.yaml')),
  uncovered: UnansweredSchema.parse(read('./uncovered.yaml')),
};

/**
 * Development round 3 (2026-11-29, issue 10): 297 on-topic, 45 uncovered and 130 off-topic questions written
 * by two helpers who had only the topic titles (never the knowledge base, the engine or any evaluation set),
 * labels checked by a third who read the knowledge base but never ran the engine (`round3/REVIEW.md`). Tuned
 * against like the rest of the development set.
 */
export const DEVELOPMENT_ROUND_3: EvaluationSet = {
  name: 'development round 3',
  onTopic: OnTopicSchema.parse(read('./round3/on-topic.yaml')),
  offTopic: UnansweredSchema.parse(read('./round3/off-topic.yaml')),
  uncovered: UnansweredSchema.parse(read('./round3/uncovered.yaml')),
};

/**
 * Development round 4 (2026-11-29, issue 10, fourth round): written like round 3 by two helpers who had only the
 * topic titles, labels checked by a third who read the knowledge base but never ran the engine
 * (`round4/REVIEW.md`). Held out while that round's work was judged: `npm run eval` prints only its figures, so
 * that the round could be checked on questions nobody had tuned to without opening the sealed set. The next
 * round may read its misses (`npm run eval -- --round-4-misses`) and then tunes against it like the rest.
 */
export const DEVELOPMENT_ROUND_4: EvaluationSet = {
  name: 'development round 4',
  onTopic: OnTopicSchema.parse(read('./round4/on-topic.yaml')),
  offTopic: UnansweredSchema.parse(read('./round4/off-topic.yaml')),
  uncovered: UnansweredSchema.parse(read('./round4/uncovered.yaml')),
};

/**
 * The sealed test set (`sealed/README.md`): loaded only to be scored. Nothing may print, log or tune to its
 * questions or misses; {@link scoreSet} keeps none of them.
 */
export function loadSealedSet(): EvaluationSet {
  return {
    name: 'sealed',
    onTopic: OnTopicSchema.parse(read('./sealed/on-topic.yaml')),
    offTopic: UnansweredSchema.parse(read('./sealed/off-topic.yaml')),
    uncovered: UnansweredSchema.parse(read('./sealed/uncovered.yaml')),
  };
}

/** The development set's cases, as the benchmark reads them. */
export const onTopicCases = DEVELOPMENT_SET.onTopic;
export const offTopicCases = DEVELOPMENT_SET.offTopic;

/** The minimal shape every engine under evaluation offers (ours and the benchmark's peers). */
export interface EvaluatedEngine {
  /** The topic id the engine answers with, or null when it abstains. */
  answerTopicId(question: string): string | null;
}

/**
 * The topic `/ask` answers a question with, through the same router: a text handed to the explainer is
 * answered with the topic its explanation starts from (`docker ps -a` → docker-ps).
 */
export function routedAnswerTopicId(question: string, engine: AnswerEngine, inventory: FlagInventory): string | null {
  const route = routePaste(question, inventory);
  if (route.kind === 'question') return engine.answer(question).topic?.id ?? null;
  return route.explanation.items[0]?.topic ?? null;
}

/** The shipped engine, and the same engine asked through `/ask`'s router: what `npm run eval` and `npm test` score. */
export async function shippedEngine(): Promise<{ engine: AnswerEngine; inventory: FlagInventory; asked: EvaluatedEngine }> {
  const engine = new AnswerEngine(await loadKnowledge());
  const inventory = await loadFlagInventory();
  return { engine, inventory, asked: { answerTopicId: (q) => routedAnswerTopicId(q, engine, inventory) } };
}

/** A set's three figures, and the counts behind them. Holds no question. */
export interface EvaluationScores {
  set: string;
  /** Share of on-topic questions answered with their `topic` or one of its `also` topics. */
  onTopicAccuracy: number;
  /** Share of off-topic and uncovered questions on which the engine abstained. */
  offTopicAbstention: number;
  /**
   * Share of all questions answered with a topic outside the expected topic and its accepted alternatives
   * (any topic, for off-topic and uncovered questions): the worst outcome.
   */
  wrongConfidentRate: number;
  counts: { onTopic: number; onTopicRight: number; unanswerable: number; abstained: number; wrongConfident: number };
}

export interface EvaluationReport extends EvaluationScores {
  misses: Array<{ question: string; expected: string; got: string | null }>;
  wrongAnswers: Array<{ question: string; got: string }>;
}

/** Scores an engine on a set; every question is asked once. */
export function evaluate(engine: EvaluatedEngine, set: EvaluationSet = DEVELOPMENT_SET): EvaluationReport {
  const misses: EvaluationReport['misses'] = [];
  let wrongConfident = 0;
  for (const c of set.onTopic) {
    const got = engine.answerTopicId(c.q);
    if (got === c.topic || (got !== null && c.also?.includes(got))) continue;
    misses.push({ question: c.q, expected: c.topic, got });
    if (got !== null) wrongConfident++;
  }
  const wrongAnswers: EvaluationReport['wrongAnswers'] = [];
  for (const q of [...set.offTopic, ...set.uncovered]) {
    const got = engine.answerTopicId(q);
    if (got !== null) wrongAnswers.push({ question: q, got });
  }
  wrongConfident += wrongAnswers.length;
  const unanswerable = set.offTopic.length + set.uncovered.length;
  const all = set.onTopic.length + unanswerable;
  return {
    set: set.name,
    onTopicAccuracy: set.onTopic.length > 0 ? 1 - misses.length / set.onTopic.length : 1,
    offTopicAbstention: unanswerable > 0 ? 1 - wrongAnswers.length / unanswerable : 1,
    wrongConfidentRate: all > 0 ? wrongConfident / all : 0,
    counts: {
      onTopic: set.onTopic.length,
      onTopicRight: set.onTopic.length - misses.length,
      unanswerable,
      abstained: unanswerable - wrongAnswers.length,
      wrongConfident,
    },
    misses,
    wrongAnswers,
  };
}

/** Only the figures of a set, with no question in them: what may be known of the sealed set. */
export function scoreSet(engine: EvaluatedEngine, set: EvaluationSet): EvaluationScores {
  const { set: name, onTopicAccuracy, offTopicAbstention, wrongConfidentRate, counts } = evaluate(engine, set);
  return { set: name, onTopicAccuracy, offTopicAbstention, wrongConfidentRate, counts };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** The three figures of a set, one per line. */
export function formatScores(s: EvaluationScores): string {
  const { counts: c } = s;
  return [
    `${s.set} set`,
    ...(c.onTopic > 0 ? [`  on-topic top-1 accuracy: ${pct(s.onTopicAccuracy)} (${c.onTopicRight}/${c.onTopic})`] : []),
    `  off-topic abstention:    ${pct(s.offTopicAbstention)} (${c.abstained}/${c.unanswerable})`,
    `  wrong-confident rate:    ${pct(s.wrongConfidentRate)} (${c.wrongConfident}/${c.onTopic + c.unanswerable})`,
  ].join('\n');
}

/** The figures and every miss: for the development set only. */
export function formatReport(report: EvaluationReport): string {
  return [
    formatScores(report),
    ...report.misses.map((m) => `  miss: ${JSON.stringify(m.question)} expected ${m.expected}, got ${m.got ?? '(abstained)'}`),
    ...report.wrongAnswers.map((w) => `  answered off-topic: ${JSON.stringify(w.question)} with ${w.got}`),
  ].join('\n');
}
