import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { routePaste } from '../../src/core/route-paste.ts';
import type { FlagInventory } from '../../src/explain/index.ts';
import type { AnswerEngine } from '../../src/search/index.ts';

const OnTopicSchema = z.array(
  z.strictObject({ q: z.string().min(1), topic: z.string().min(1), also: z.array(z.string()).optional() }),
);
const OffTopicSchema = z.array(z.string().min(1));

export type OnTopicCase = z.infer<typeof OnTopicSchema>[number];

const read = (name: string): unknown => parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

/** The project's answer-quality set: questions written apart from the topics' own examples. */
export const onTopicCases: OnTopicCase[] = OnTopicSchema.parse(read('./on-topic.yaml'));
export const offTopicCases: string[] = OffTopicSchema.parse(read('./off-topic.yaml'));

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

export interface EvaluationReport {
  onTopicAccuracy: number;
  offTopicAbstention: number;
  misses: Array<{ question: string; expected: string; got: string | null }>;
  wrongAnswers: Array<{ question: string; got: string }>;
}

export function evaluate(engine: EvaluatedEngine): EvaluationReport {
  const misses: EvaluationReport['misses'] = [];
  for (const c of onTopicCases) {
    const got = engine.answerTopicId(c.q);
    if (got !== c.topic && !(got && c.also?.includes(got))) misses.push({ question: c.q, expected: c.topic, got });
  }
  const wrongAnswers: EvaluationReport['wrongAnswers'] = [];
  for (const q of offTopicCases) {
    const got = engine.answerTopicId(q);
    if (got !== null) wrongAnswers.push({ question: q, got });
  }
  return {
    onTopicAccuracy: 1 - misses.length / onTopicCases.length,
    offTopicAbstention: 1 - wrongAnswers.length / offTopicCases.length,
    misses,
    wrongAnswers,
  };
}

export function formatReport(report: EvaluationReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  return [
    `on-topic top-1 accuracy: ${pct(report.onTopicAccuracy)} (${onTopicCases.length - report.misses.length}/${onTopicCases.length})`,
    `off-topic abstention:    ${pct(report.offTopicAbstention)} (${offTopicCases.length - report.wrongAnswers.length}/${offTopicCases.length})`,
    ...report.misses.map((m) => `  miss: ${JSON.stringify(m.question)} expected ${m.expected}, got ${m.got ?? '(abstained)'}`),
    ...report.wrongAnswers.map((w) => `  answered off-topic: ${JSON.stringify(w.question)} with ${w.got}`),
  ].join('\n');
}
