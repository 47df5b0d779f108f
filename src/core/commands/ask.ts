import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../../search/index.ts';
import { defineCommand } from '../command.ts';
import { renderAnswer } from '../render-topic.ts';

export const askCommand = defineCommand({
  name: 'ask',
  description: 'Ask a question about Docker in your own words',
  args: z.object({
    question: z
      .string()
      .trim()
      .min(1)
      // Long pastes are read up to the engine's limit rather than refused.
      .transform((q) => q.slice(0, MAX_QUERY_LENGTH * 4))
      .describe('Your question, e.g. "image vs container?"')
      .meta({ autocomplete: 'question' }),
  }),
  examples: ['/ask image vs container?', '/ask why is my second build so fast'],
  run: ({ question }, _request, { engine }) => renderAnswer(engine.answer(question)),
});
