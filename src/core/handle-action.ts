import type { GradeValue } from '../quiz/index.ts';
import { decodeAction, type Action } from './action-id.ts';
import type { CommandRequest, CoreServices } from './command.ts';
import { describeProblem } from './describe-problem.ts';
import { learnerOf } from './learner.ts';
import { rateLimitProblem } from './rate-limiter.ts';
import { applyLearnerSettings } from './learner-settings.ts';
import { renderDiagram } from './render-diagram.ts';
import type { Reply } from './reply.ts';
import { relatedRefs, renderTopic } from './render-topic.ts';
import { gradeCard, presentCard, revealCard } from './study/flash-cards.ts';
import { answerQuestion, presentQuestion } from './study/multiple-choice.ts';
import { confirmationExpired } from './confirmation.ts';
import { resetTopicCards } from './study/reset-topic.ts';
import { undoGrade } from './study/undo-grade.ts';

/**
 * Runs a button press. Malformed or forged ids and stale references are refused and change nothing; presses
 * past the person's rate limit are refused before any work.
 */
export function handleAction(id: string, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const limited = rateLimitProblem(services.limiter, request, 'action');
  if (limited) return Promise.resolve(describeProblem(limited));
  const action = decodeAction(id);
  if (!action) return Promise.resolve(describeProblem({ code: 'invalid-action' }));
  return applyLearnerSettings(request, services.store).then((shaped) => runAction(action, shaped, services));
}

async function runAction(action: Action, request: CommandRequest, services: CoreServices): Promise<Reply> {
  switch (action.action) {
    case 'explain': {
      const topic = services.knowledge.get(action.topicId);
      if (!topic) return describeProblem({ code: 'stale-action' });
      return renderTopic(topic, relatedRefs(topic, (t) => services.knowledge.get(t)));
    }
    case 'quiz': {
      const topic = action.topicId === undefined ? undefined : services.knowledge.get(action.topicId);
      if (action.topicId !== undefined && !topic) return describeProblem({ code: 'stale-action' });
      return action.mode === 'mcq' ? presentQuestion(topic, request, services) : presentCard('quiz', topic, request, services);
    }
    case 'review':
    case 'practice':
      return presentCard(action.action, undefined, request, services);
    case 'reveal':
      return revealCard(action.sessionId, request, services);
    case 'grade':
      return gradeCard(action.sessionId, action.rating as GradeValue, request, services);
    case 'answer':
      return answerQuestion(action.quizId, action.choice, request, services);
    case 'diagram':
      return renderDiagram(action.diagramId, services);
    case 'reset': {
      const topic = services.knowledge.get(action.topicId);
      if (!topic || confirmationExpired(action.issuedAt, request.now)) return describeProblem({ code: 'stale-action' });
      return resetTopicCards(topic, request, services);
    }
    case 'undo':
      return undoGrade(action.sessionId, request, services);
    case 'forget': {
      if (confirmationExpired(action.issuedAt, request.now)) return describeProblem({ code: 'stale-action' });
      const deleted = await services.store.forgetLearner(learnerOf(request).key);
      const count = Object.values(deleted).reduce((a, b) => a + b, 0);
      return {
        tone: 'success',
        title: 'Everything about you is deleted',
        text: `${count} stored record${count === 1 ? ' is' : 's are'} gone. If you use me again, I start afresh.`,
        ephemeral: true,
      };
    }
    case 'vote': {
      const result = await services.store.recordVote({
        answerId: action.answerId,
        voterKey: learnerOf(request).key,
        vote: action.vote,
        votedAt: request.now,
      });
      if (result === 'unknown-answer') return describeProblem({ code: 'stale-action' });
      return {
        tone: 'success',
        title: 'Thanks for the feedback',
        text:
          (action.vote === 'down'
            ? 'Noted: this answer goes on the list the maintainers read to improve the knowledge base.'
            : 'Glad it helped.') + VOTE_NOTES[result],
        ephemeral: true,
      };
    }
  }
}

/** What a vote did, said after the thanks. */
const VOTE_NOTES = {
  recorded: '',
  changed: ' This replaces your earlier vote.',
  unchanged: ' Your vote was already counted: it counts once.',
} as const;
