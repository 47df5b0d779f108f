import { decodeAction } from './action-id.ts';
import type { CommandRequest, CoreServices } from './command.ts';
import { describeProblem } from './describe-problem.ts';
import type { Reply } from './reply.ts';
import { relatedRefs, renderTopic } from './render-topic.ts';

/** Runs a button press. Malformed or forged ids and stale references are refused and change nothing. */
export function handleAction(id: string, _request: CommandRequest, services: CoreServices): Reply {
  const action = decodeAction(id);
  if (!action) return describeProblem({ code: 'invalid-action' });
  switch (action.action) {
    case 'explain': {
      const topic = services.knowledge.get(action.topicId);
      if (!topic) return describeProblem({ code: 'stale-action' });
      return renderTopic(topic, relatedRefs(topic, (t) => services.knowledge.get(t)));
    }
  }
}
