import type { Reply } from '../../core/index.ts';

/**
 * What the Discord front end says when something breaks on its side rather than in the core's expected
 * failures (which `describeProblem` words): a handler that threw, or an answer Discord would not take.
 */
export const FAILURE_REPLIES = {
  handlerFailed: {
    tone: 'error',
    title: 'Something went wrong',
    text: 'I could not finish that because of a problem on my side. Please try again in a moment.',
    ephemeral: true,
  },
  deliveryFailed: {
    tone: 'error',
    title: 'I could not send that answer',
    text: 'Discord did not accept my answer just now. Please try again in a moment.',
    ephemeral: true,
  },
} as const satisfies Record<string, Reply>;
