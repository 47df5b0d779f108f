import { z } from 'zod';
import { defineCommand } from '../command.ts';

export const topicsCommand = defineCommand({
  name: 'topics',
  description: 'List every topic I can explain',
  args: z.object({}),
  examples: ['/topics'],
  run: (_args, _request, { knowledge }) => ({
    tone: 'info',
    title: `${knowledge.size} Docker topics`,
    text: knowledge.topics.map((t) => t.title).join(' · '),
    footer: 'Use /explain <topic> to read one, or just ask a question.',
  }),
});
