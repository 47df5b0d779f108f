import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { learnerOf } from '../learner.ts';
import { renderAnswer } from '../render-topic.ts';
import type { Answer, AnswerEngine } from '../../search/index.ts';

/**
 * Where `/ask` sends a question: today always the answer engine. The evaluation (`npm run eval`) asks through
 * this same function, so a router added here (pasted docker commands to an explainer, say) is measured too.
 */
export function routeQuestion(engine: AnswerEngine, question: string): Answer {
  return engine.answer(question);
}

export const askCommand = defineCommand({
  name: 'ask',
  description: 'Ask a question about Docker in your own words',
  args: z.object({
    question: z
      .string()
      .trim()
      .min(1)
      .max(INPUT_LIMITS.question)
      .describe('Your question, e.g. "image vs container?"')
      // Long pastes are read up to the limit rather than refused.
      .meta({ autocomplete: 'question', overflow: 'cut' }),
  }),
  examples: ['/ask image vs container?', '/ask why is my second build so fast'],
  run: async ({ question }, request, { engine, store, newId }) => {
    const answer = routeQuestion(engine, question);
    // Kept so votes can refer to it and `npm run kb:gaps` can list what the knowledge base lacks.
    const answerId = newId();
    await store.recordAnswer({
      id: answerId,
      question: answer.question.slice(0, 500),
      ...(answer.topic ? { topicId: answer.topic.id } : {}),
      confidence: answer.confidence,
      answered: answer.answered,
      ...(answer.abstention ? { abstention: answer.abstention } : { explainedShare: answer.explainedShare }),
      askedAt: request.now,
      askerKey: learnerOf(request).key,
    });
    return renderAnswer(answer, answerId);
  },
});
