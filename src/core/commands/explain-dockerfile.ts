import { z } from 'zod';
import { explainDockerfile } from '../../explain/index.ts';
import { defineCommand } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { renderExplanation } from '../render-explanation.ts';

export const explainDockerfileCommand = defineCommand({
  name: 'explain-dockerfile',
  description: 'Explain a Dockerfile line by line: layers, cache, final image, and what to fix',
  args: z.object({
    dockerfile: z
      .string()
      .trim()
      .min(1)
      .max(INPUT_LIMITS.paste)
      .describe('The Dockerfile, pasted (or attach it as a file)')
      .meta({ paste: true }),
  }),
  examples: ['/explain-dockerfile FROM node:20-alpine …'],
  run: ({ dockerfile }, _request, { knowledge }) => {
    const result = explainDockerfile(dockerfile, { hasTopic: (id) => knowledge.has(id) });
    if (!result.ok) return describeProblem({ code: 'cannot-explain', kind: 'dockerfile', problem: result.problem });
    return renderExplanation(result.value, knowledge);
  },
});
