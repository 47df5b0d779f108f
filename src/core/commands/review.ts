import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { presentCard } from '../study/flash-cards.ts';

export const reviewCommand = defineCommand({
  name: 'review',
  description: 'Review your flash cards that are due, most overdue first, then a few new ones',
  args: z.object({}),
  examples: ['/review'],
  run: (_args, request, services) => presentCard('review', undefined, request, services),
});
