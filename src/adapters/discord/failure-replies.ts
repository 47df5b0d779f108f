import type { Reply } from '../../core/index.ts';

/**
 * What the Discord front end says when Discord would not take an answer. (A handler that threw is worded by the
 * core's `describeFailure`; expected failures by `describeProblem`.)
 */
export const FAILURE_REPLIES = {
  deliveryFailed: {
    tone: 'error',
    title: 'I could not send that answer',
    text: 'Discord did not accept my answer just now. Please try again in a moment.',
    ephemeral: true,
  },
} as const satisfies Record<string, Reply>;
