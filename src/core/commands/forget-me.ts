import { z } from 'zod';
import { encodeAction } from '../action-id.ts';
import { defineCommand } from '../command.ts';
import { CONFIRMATION_SECONDS, issuedAtOf } from '../confirmation.ts';

export const forgetMeCommand = defineCommand({
  name: 'forget-me',
  description: 'Delete everything stored about you: progress, answers, questions and votes (asks first)',
  args: z.object({}),
  examples: ['/forget-me'],
  run: (_args, request) => ({
    tone: 'unsure',
    title: 'Delete everything about you?',
    text:
      'This deletes, for good, everything I keep about you: your flash-card progress and reviews, your ' +
      'multiple-choice answers, your study days and streaks, your settings and reminders, your name on ' +
      'leaderboards, the questions you asked and your votes. It cannot be undone.',
    actions: [[{
      id: encodeAction({ action: 'forget', issuedAt: issuedAtOf(request.now) }),
      label: 'Yes, delete everything',
      style: 'danger',
    }]],
    footer: `Nothing is deleted unless you press the button, which works for ${CONFIRMATION_SECONDS / 60} minutes.`,
    ephemeral: true,
  }),
});
