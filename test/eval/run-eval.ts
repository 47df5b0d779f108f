/** `npm run eval`: prints the answer engine's scores and every miss on the evaluation set. */
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';
import { evaluate, formatReport } from './evaluation-set.ts';

const engine = new AnswerEngine(await loadKnowledge());
console.log(formatReport(evaluate({ answerTopicId: (q) => engine.answer(q).topic?.id ?? null })));
