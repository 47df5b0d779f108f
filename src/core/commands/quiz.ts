import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { describeProblem } from '../describe-problem.ts';
import { presentCard } from '../study/flash-cards.ts';
import { presentQuestion } from '../study/multiple-choice.ts';

export const quizCommand = defineCommand({
  name: 'quiz',
  description: 'Quiz yourself: a flash card, or a multiple-choice question with mode:mcq',
  args: z.object({
    mode: z.enum(['cards', 'mcq']).default('cards').describe('cards (flash cards, the default) or mcq (multiple choice)'),
    topic: z.string().trim().max(INPUT_LIMITS.name).optional().describe('A topic to stick to, e.g. "volumes"').meta({ autocomplete: 'topic' }),
  }),
  examples: ['/quiz', '/quiz volumes', '/quiz mode:mcq', '/quiz mcq layers'],
  run: async ({ mode, topic: name }, request, services) => {
    let topic;
    if (name) {
      const found = services.topics.find(name);
      if (!found.found) return describeProblem({ code: 'unknown-topic', query: name, closeMatches: found.closeMatches });
      topic = found.topic;
    }
    return mode === 'mcq' ? presentQuestion(topic, request, services) : presentCard('quiz', topic, request, services);
  },
});
