import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { learnerOf } from '../learner.ts';
import { renderAnswer } from '../render-topic.ts';
import { renderExplanation } from '../render-explanation.ts';
import { routePaste } from '../route-paste.ts';
import { replyToSmallTalk } from '../small-talk.ts';

export const askCommand = defineCommand({
  name: 'ask',
  description: 'Ask a question about Docker in your own words',
  args: z.object({
    question: z
      .string()
      .trim()
      .min(1)
      // A pasted command or Dockerfile may be as long as any paste; a question is cut to INPUT_LIMITS.question below.
      .max(INPUT_LIMITS.paste)
      .describe('Your question, e.g. "image vs container?"')
      // Long pastes are read up to the limit rather than refused.
      .meta({ autocomplete: 'question', overflow: 'cut' }),
  }),
  examples: ['/ask image vs container?', '/ask why is my second build so fast'],
  run: async ({ question: text }, request, services) => {
    const { engine, store, newId } = services;
    // A pasted docker command or Dockerfile is explained rather than searched as a question.
    const route = routePaste(text, services.dockerCli, (id) => services.knowledge.has(id));
    if (route.kind !== 'question') return renderExplanation(route.explanation, services.knowledge);
    const question = text.slice(0, INPUT_LIMITS.question);
    // Greetings and thanks are not questions: answered as such, and not kept as knowledge gaps.
    const smallTalk = replyToSmallTalk(question);
    if (smallTalk) return smallTalk;
    const answer = engine.answer(question);
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
