/**
 * `npm run eval`: the development set's three figures and every miss (and those of its 2026-11-29 additions and round 3),
 * then development round 4's figures only (held out while the fourth round's work was judged; `--round-4-misses`
 * prints its misses too) and the sealed set's three figures only. Questions go through `/ask`'s own router (`routedAnswerTopicId`).
 * The sealed set's questions and misses are never printed: it is scored with `scoreSet`, which keeps none.
 * `npm run eval -- --development-only` leaves the sealed set out, so that work on the engine can be judged
 * on the development set without seeing the sealed scores each time.
 */
import { DEVELOPMENT_ADDITIONS, DEVELOPMENT_ROUND_3, DEVELOPMENT_ROUND_4, DEVELOPMENT_SET, evaluate, formatReport, formatScores, loadSealedSet, scoreSet, shippedEngine } from './evaluation-set.ts';

const { asked } = await shippedEngine();
console.log(formatReport(evaluate(asked, DEVELOPMENT_SET)));
console.log(formatReport(evaluate(asked, DEVELOPMENT_ADDITIONS)));
console.log(formatReport(evaluate(asked, DEVELOPMENT_ROUND_3)));
const round4 = evaluate(asked, DEVELOPMENT_ROUND_4);
console.log(process.argv.includes('--round-4-misses') ? formatReport(round4) : formatScores(round4));
if (!process.argv.includes('--development-only')) console.log(formatScores(scoreSet(asked, loadSealedSet())));
