/**
 * `npm run eval:fit`: fits the confidence calibration (a logistic regression over AnswerEvidence) on half
 * of the evaluation set, reports how it does on the other half, and prints the coefficients to paste into
 * DEFAULT_SCORING. Off-topic questions weigh more than on-topic ones: answering one is the worst outcome.
 */
import { loadKnowledge } from '../../src/knowledge/index.ts';
import {
  AnswerEngine,
  calibratedConfidence,
  DEFAULT_SCORING,
  EVIDENCE_FEATURES,
  type AnswerEvidence,
  type Calibration,
  type RankedTopic,
} from '../../src/search/index.ts';
import { DEVELOPMENT_ADDITIONS, offTopicCases, onTopicCases } from './evaluation-set.ts';

interface Sample {
  evidence: AnswerEvidence;
  /** 1 when answering with the top topic is right. */
  label: 0 | 1;
  offTopic: boolean;
  weight: number;
  /** What the engine multiplies the calibrated confidence by for decisive terms the topic leaves unexplained. */
  penalty: number;
}

const engine = new AnswerEngine(await loadKnowledge());
/**
 * An off-topic question counts four times: answering one is the worst outcome, and the set's off-topic
 * questions are few and mostly short, while long computing questions made only of words the knowledge
 * base knows ("run a script when my raspberry pi starts") reach the bot too.
 */
const OFF_TOPIC_WEIGHT = 4;
/** An uncovered Docker question counts this much. */
const UNCOVERED_WEIGHT = 4;
const NO_EVIDENCE: AnswerEvidence = {
  score: 0, bestPhrase: 0, explained: 0, explainedByTerms: 0, lead: -1, anchored: 0, knownShare: 0, sharedPairs: 0,
};
const zeros = (): Calibration => ({ intercept: 0, ...Object.fromEntries(EVIDENCE_FEATURES.map((f) => [f, 0])) }) as Calibration;

const penaltyOf = (top: RankedTopic | undefined): number =>
  top ? top.confidence / calibratedConfidence(top.evidence, DEFAULT_SCORING.calibration) : 1;
const unanswerable = (weight: number) => (q: string): Sample => {
  const top = engine.rank(q)[0];
  return { evidence: top?.evidence ?? NO_EVIDENCE, label: 0, offTopic: true, weight, penalty: penaltyOf(top) };
};
const samples: Sample[] = [
  ...onTopicCases.map((c): Sample => {
    const top = engine.rank(c.q)[0];
    const right = top !== undefined && (top.topic.id === c.topic || (c.also ?? []).includes(top.topic.id));
    return { evidence: top?.evidence ?? NO_EVIDENCE, label: right ? 1 : 0, offTopic: false, weight: 1, penalty: penaltyOf(top) };
  }),
  ...[...offTopicCases, ...DEVELOPMENT_ADDITIONS.offTopic].map(unanswerable(OFF_TOPIC_WEIGHT)),
  // Docker questions no topic covers must not be answered either.
  ...DEVELOPMENT_ADDITIONS.uncovered.map(unanswerable(UNCOVERED_WEIGHT)),
];
const tune = samples.filter((_, i) => i % 2 === 0);
const holdout = samples.filter((_, i) => i % 2 === 1);


function fit(data: readonly Sample[], steps = 20_000, rate = 0.5, l2 = 1e-3): Calibration {
  const c = zeros();
  const totalWeight = data.reduce((sum, s) => sum + s.weight, 0);
  for (let step = 0; step < steps; step++) {
    const gradient = zeros();
    for (const s of data) {
      const error = (calibratedConfidence(s.evidence, c) - s.label) * s.weight;
      gradient.intercept += error;
      for (const f of EVIDENCE_FEATURES) gradient[f] += error * s.evidence[f];
    }
    c.intercept -= (rate * gradient.intercept) / totalWeight;
    for (const f of EVIDENCE_FEATURES) c[f] -= rate * (gradient[f] / totalWeight + l2 * c[f]);
  }
  return c;
}

function report(name: string, data: readonly Sample[], c: Calibration, threshold = 0.5): string {
  const on = data.filter((s) => !s.offTopic);
  const off = data.filter((s) => s.offTopic);
  const answered = (s: Sample) => calibratedConfidence(s.evidence, c) * s.penalty >= threshold;
  const accuracy = on.filter((s) => s.label === 1 && answered(s)).length / on.length;
  const abstention = off.filter((s) => !answered(s)).length / off.length;
  const wrongAnswers = on.filter((s) => s.label === 0 && answered(s)).length;
  return `${name}: on-topic accuracy ${(accuracy * 100).toFixed(1)}% (n=${on.length}, ${wrongAnswers} wrong answers), off-topic abstention ${(abstention * 100).toFixed(1)}% (n=${off.length})`;
}

const round = (c: Calibration) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round(v * 100) / 100]));

// First the method is checked: fitted on one half, judged on the other.
const halfFit = fit(tune);
console.log(report('fitted on even half, even half', tune, halfFit));
console.log(report('fitted on even half, odd half ', holdout, halfFit));
// Then the coefficients to ship are fitted on everything.
const shipped = fit(samples);
console.log(report('fitted on all, all            ', samples, shipped));
console.log(report('shipped DEFAULT_SCORING, all  ', samples, DEFAULT_SCORING.calibration));
console.log(`calibration: ${JSON.stringify(round(shipped))}`);
