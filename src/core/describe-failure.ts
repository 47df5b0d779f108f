import { StoreBusyError } from '../store/index.ts';
import type { Reply } from './reply.ts';

/**
 * The reply for a request whose work threw: broken infrastructure or a bug, never an expected failure (those
 * are `Problem`s). Every front end answers with it instead of going quiet, so the person always learns that
 * their request did not go through and whether trying again will help.
 */
export function describeFailure(error: unknown): Reply {
  if (error instanceof StoreBusyError) {
    return {
      tone: 'error',
      title: 'Busy right now',
      text: 'My database is busy with another task (a backup or another copy of me). Please try again in a few seconds.',
      ephemeral: true,
    };
  }
  return {
    tone: 'error',
    title: 'Something went wrong',
    text: 'I could not finish that because of a problem on my side. Please try again in a moment.',
    ephemeral: true,
  };
}
