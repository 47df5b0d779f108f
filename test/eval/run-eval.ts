/** `npm run eval`: prints the answer engine's scores and every miss on the evaluation set. */
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';
import { evaluate, formatReport, routedAnswerTopicId } from './evaluation-set.ts';
import { loadFlagInventory } from '../../src/explain/index.ts';

const engine = new AnswerEngine(await loadKnowledge());
const inventory = await loadFlagInventory();
console.log(formatReport(evaluate({ answerTopicId: (q) => routedAnswerTopicId(q, engine, inventory) })));
