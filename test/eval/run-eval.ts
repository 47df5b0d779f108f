/**
 * `npm run eval`: the development set's three figures and every miss, then the sealed set's three figures
 * only. Questions go through `/ask`'s own router. The sealed set's questions and misses are never printed:
 * it is scored with `scoreSet`, which keeps none of them.
 */
import { routeQuestion } from '../../src/core/commands/ask.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';
import { DEVELOPMENT_SET, evaluate, formatReport, formatScores, loadSealedSet, scoreSet, type EvaluatedEngine } from './evaluation-set.ts';

const engine = new AnswerEngine(await loadKnowledge());
const asked: EvaluatedEngine = { answerTopicId: (q) => routeQuestion(engine, q).topic?.id ?? null };
console.log(formatReport(evaluate(asked, DEVELOPMENT_SET)));
console.log(formatScores(scoreSet(asked, loadSealedSet())));
