import { z } from 'zod';
import type { CommandRegistry } from '../command-registry.ts';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { describeProblem } from '../describe-problem.ts';

/** `/help` reads the registry it belongs to, so it is made from it. */
export function createHelpCommand(registry: () => CommandRegistry) {
  return defineCommand({
    name: 'help',
    description: 'Show what I can do, or how to use one command',
    args: z.object({
      command: z.string().trim().max(INPUT_LIMITS.name).optional().describe('A command name, e.g. "quiz"').meta({ autocomplete: 'command' }),
    }),
    examples: ['/help', '/help ask'],
    run: ({ command }, request) => {
      if (command) {
        const name = command.replace(/^\//, '');
        const entry = registry().get(name);
        if (!entry) return describeProblem({ code: 'unknown-command', name, suggestion: registry().closestName(name) });
        return {
          tone: 'info',
          title: entry.usage,
          text: entry.command.description,
          fields: [
            ...entry.arguments.map((a) => ({ name: `${a.name}${a.required ? '' : ' (optional)'}`, value: a.description })),
            { name: 'Examples', value: entry.command.examples.map((e) => `\`${e}\``).join('\n') },
          ],
        };
      }
      return {
        tone: 'info',
        title: 'Stevedore: your Docker study companion',
        text:
          'Ask me anything about Docker concepts in your own words (I speak English), or use a command:\n' +
          registry()
            .list()
            // The console has one local learner and no server: a leaderboard would only ever say so.
            .filter((e) => !(e.command.needsServer && request.platform === 'console'))
            .map((e) => `- \`${e.usage}\`: ${e.command.description}`)
            .join('\n'),
        footer: 'Type /help <command> for details.',
      };
    },
  });
}
