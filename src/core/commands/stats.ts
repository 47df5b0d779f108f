import { z } from 'zod';
import { describeWait, learnerStats } from '../../quiz/index.ts';
import { encodeAction } from '../action-id.ts';
import { defineCommand } from '../command.ts';
import { learnerOf, todayOf } from '../learner.ts';
import type { Reply } from '../reply.ts';
import { quoteUserText } from '../safe-text.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const statsCommand = defineCommand({
  name: 'stats',
  description: 'Your progress: cards learned and due, accuracy and your study streak',
  args: z.object({}),
  examples: ['/stats'],
  run: async (_args, request, { store, deck }): Promise<Reply> => {
    const learner = learnerOf(request);
    const [progress, activity] = await Promise.all([store.cardProgress(learner.key), store.learnerActivity(learner.key)]);
    const stats = learnerStats(deck.cards.length, progress, activity, request.now, todayOf(request));
    const unseen = stats.totalCards - stats.learned - stats.learning;
    const wait = stats.nextDue && describeWait(stats.nextDue.getTime() - request.now.getTime());
    const next = wait ? ` · ${stats.due > 0 ? 'then ' : ''}next ${wait === 'now' ? 'in under a minute' : wait}` : '';
    return {
      tone: 'info',
      title: `Progress for ${quoteUserText(request.user.name, 40)}`,
      text:
        activity.reviews + activity.quizAnswers === 0
          ? 'Nothing yet: start with `/quiz` or `/review`, and your progress shows up here.'
          : `You have learned **${stats.learned}** of ${stats.totalCards} cards.`,
      fields: [
        { name: 'Cards', value: `${stats.learned} learned · ${stats.learning} in progress · ${unseen} new`, inline: true },
        { name: 'Due now', value: `${stats.due}${next}`, inline: true },
        {
          name: 'Recall',
          value: stats.recallRate === undefined ? 'No reviews yet' : `${percent(stats.recallRate)} of ${plural(stats.reviews, 'review')}`,
          inline: true,
        },
        {
          name: 'Multiple choice',
          value:
            stats.quizAccuracy === undefined
              ? 'No answers yet'
              : `${percent(stats.quizAccuracy)} right of ${plural(stats.quizAnswers, 'answer')}`,
          inline: true,
        },
        { name: 'Streak', value: `${plural(stats.streak.current, 'day')} (best ${stats.streak.best})`, inline: true },
        ...(activity.dailyDates.length > 0
          ? [{ name: 'Daily quiz streak', value: `${plural(stats.dailyStreak.current, 'day')} right in a row (best ${stats.dailyStreak.best})`, inline: true }]
          : []),
      ],
      actions: stats.due > 0 ? [[{ id: encodeAction({ action: 'review' }), label: `Review ${stats.due} due`, style: 'primary' }]] : [],
      footer: request.timeZone ? `Days are counted in ${request.timeZone}.` : 'Days are counted in UTC.',
      ephemeral: true,
    };
  },
});
