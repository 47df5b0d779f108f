import type { Store } from '../store/index.ts';
import type { CommandRequest } from './command.ts';
import { learnerOf } from './learner.ts';

/**
 * The request as the learner's own settings shape it: their `/settings` time zone wins over the platform's,
 * and their daily new-card limit is carried along. One store read per command or button.
 */
export async function applyLearnerSettings(request: CommandRequest, store: Store): Promise<CommandRequest> {
  const settings = await store.learnerSettings(learnerOf(request).key);
  return {
    ...request,
    ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
    ...(settings.newCardsPerDay !== undefined ? { newCardsPerDay: settings.newCardsPerDay } : {}),
  };
}
