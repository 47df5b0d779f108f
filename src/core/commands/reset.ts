import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { confirmResetTopic } from '../study/reset-topic.ts';

export const resetCommand = defineCommand({
  name: 'reset',
  description: "Start one topic's flash cards over, as new cards (asks first)",
  args: z.object({
    topic: z.string().trim().min(1).max(INPUT_LIMITS.name).describe('The topic to start over, e.g. "volumes"').meta({ autocomplete: 'topic' }),
  }),
  examples: ['/reset volumes'],
  run: ({ topic: name }, request, services) => {
    const found = services.topics.find(name);
    if (!found.found) return describeProblem({ code: 'unknown-topic', query: name, closeMatches: found.closeMatches });
    return confirmResetTopic(found.topic, request, services);
  },
});
