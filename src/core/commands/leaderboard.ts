import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { quoteUserText } from '../safe-text.ts';

const PERIODS = { week: 7, month: 30, all: undefined } as const;
const MEDALS = ['🥇', '🥈', '🥉'];
const TOP = 10;

export const leaderboardCommand = defineCommand({
  name: 'leaderboard',
  description: 'The top learners here: points for cards recalled and quiz answers right',
  args: z.object({
    period: z.enum(['week', 'month', 'all']).default('week').describe('week (the default), month or all (all time)'),
  }),
  examples: ['/leaderboard', '/leaderboard month'],
  needsServer: true,
  run: async ({ period }, request, { store }) => {
    if (!request.serverId) return describeProblem({ code: 'needs-server', command: 'leaderboard' });
    const days = PERIODS[period];
    const since = days === undefined ? new Date(0) : new Date(request.now.getTime() - days * 86_400_000);
    const rows = await store.leaderboard(request.serverId, since, TOP);
    const heading = { week: 'the last 7 days', month: 'the last 30 days', all: 'all time' }[period];
    return {
      tone: 'info',
      title: `Top learners: ${heading}`,
      text:
        rows.length === 0
          ? 'No points yet. Be the first: `/quiz` or `/review`.'
          : competitionRanks(rows.map((row) => row.points))
              .map((rank, i) => {
                const { name, points } = rows[i]!;
                return `${MEDALS[rank - 1] ?? `${rank}.`} **${quoteUserText(name, 40)}**: ${points} point${points === 1 ? '' : 's'}`;
              })
              .join('\n'),
      footer:
        'One point per card recalled (graded Hard, Good or Easy) and per multiple-choice answer right, daily quiz included. ' +
        'Equal points share a rank, listed by name.',
    };
  },
});

/**
 * Standard competition ranks ("1224") of scores sorted best first: equal scores share the better rank and
 * the next score skips the places they took (2, 2, 1 points rank 1, 1, 3).
 */
export function competitionRanks(sortedScores: readonly number[]): number[] {
  const ranks: number[] = [];
  for (const [i, score] of sortedScores.entries()) ranks.push(i > 0 && score === sortedScores[i - 1] ? ranks[i - 1]! : i + 1);
  return ranks;
}
