/**
 * `npm run eval`: the development set's three figures and every miss (and those of its 2026-11-29 additions),
 * then the sealed set's three figures only. Questions go through `/ask`'s own router (`routedAnswerTopicId`).
 * The sealed set's questions and misses are never printed: it is scored with `scoreSet`, which keeps none.
 */
import { DEVELOPMENT_ADDITIONS, DEVELOPMENT_SET, evaluate, formatReport, formatScores, loadSealedSet, scoreSet, shippedEngine } from './evaluation-set.ts';

const { asked } = await shippedEngine();
console.log(formatReport(evaluate(asked, DEVELOPMENT_SET)));
console.log(formatReport(evaluate(asked, DEVELOPMENT_ADDITIONS)));
console.log(formatScores(scoreSet(asked, loadSealedSet())));
