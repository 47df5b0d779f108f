import { z } from 'zod';
import { explainCommand } from '../../explain/index.ts';
import { defineCommand } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { renderExplanation } from '../render-explanation.ts';

export const explainCommandCommand = defineCommand({
  name: 'explain-command',
  description: 'Explain a docker command flag by flag, with warnings',
  args: z.object({
    command: z
      .string()
      .trim()
      .min(1)
      .max(INPUT_LIMITS.paste)
      .describe('A docker command, e.g. "docker run -d -p 8080:80 nginx"')
      .meta({ paste: true }),
  }),
  examples: ['/explain-command docker run -d -p 8080:80 --name web nginx:1.27', '/explain-command docker rm -f $(docker ps -aq)'],
  run: ({ command }, _request, { dockerCli, knowledge }) => {
    const result = explainCommand(command, { inventory: dockerCli, hasTopic: (id) => knowledge.has(id) });
    if (!result.ok) return describeProblem({ code: 'cannot-explain', kind: 'command', problem: result.problem });
    return renderExplanation(result.value, knowledge);
  },
});
