import { expect, test } from 'vitest';
import { routePaste } from '../../src/core/route-paste.ts';
import { loadFlagInventory } from '../../src/explain/index.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';
import { evaluate, formatReport, offTopicCases, onTopicCases, routedAnswerTopicId } from './evaluation-set.ts';

/**
 * Issue 3's bar: 95% of on-topic questions answered with the right topic and 95% of off-topic ones
 * abstained on. Measured on 2026-11-23: 96.7% and 100% (calibration fitted on the even half and judged on
 * the odd: 96.4% and 100%). Never lower them to make a change pass.
 */
const FLOORS = { onTopicAccuracy: 0.95, offTopicAbstention: 0.95 } as const;

const engine = new AnswerEngine(await loadKnowledge());
const inventory = await loadFlagInventory();
// Through the same router as /ask, which hands pasted commands and Dockerfiles to the explainer.
const report = evaluate({ answerTopicId: (q) => routedAnswerTopicId(q, engine, inventory) });
const direct = evaluate({ answerTopicId: (q) => engine.answer(q).topic?.id ?? null });
console.log(formatReport(report));

test(`GIVEN on-topic questions THEN at least ${FLOORS.onTopicAccuracy * 100}% are answered with the right topic`, () => {
  expect(report.onTopicAccuracy).toBeGreaterThanOrEqual(FLOORS.onTopicAccuracy);
});

test(`GIVEN off-topic questions THEN the engine abstains on at least ${FLOORS.offTopicAbstention * 100}%`, () => {
  expect(report.offTopicAbstention).toBeGreaterThanOrEqual(FLOORS.offTopicAbstention);
});

test('GIVEN the router in front of the engine THEN it loses no question the engine alone answers right', () => {
  const lost = direct.misses.length === report.misses.length ? [] : report.misses.filter((m) => !direct.misses.some((d) => d.question === m.question));
  expect(lost).toEqual([]);
  expect(report.onTopicAccuracy).toBeGreaterThanOrEqual(direct.onTopicAccuracy);
  expect(report.offTopicAbstention).toBeGreaterThanOrEqual(direct.offTopicAbstention);
});

test('GIVEN the evaluation set THEN the router hands over only texts that are docker commands', () => {
  const handed = [...onTopicCases.map((c) => c.q), ...offTopicCases].filter((q) => routePaste(q, inventory).kind !== 'question');
  expect(handed.every((q) => /^docker\s/.test(q))).toBe(true);
});
