import type { Topic } from '../../knowledge/index.ts';
import { shuffle } from '../../quiz/index.ts';
import type { CommandRequest, CoreServices } from '../command.ts';
import { describeProblem } from '../describe-problem.ts';
import { learnerOf, serverOf, todayOf } from '../learner.ts';
import type { Reply } from '../reply.ts';
import { renderAlreadyAnswered, renderAnswerFeedback, renderQuestion } from './render-question.ts';

/**
 * `/quiz mode:mcq [topic]`: posts a question with its options shuffled. Anyone who sees it may answer;
 * the shown order is stored, so a button means the same option to everyone.
 */
export async function presentQuestion(topic: Topic | undefined, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const pool = topic ? services.deck.questionsOf(topic.id) : services.deck.questions;
  const question = pool[Math.floor(services.random() * pool.length)]!;
  const optionOrder = shuffle([0, 1, 2, 3], services.random);
  const quizId = services.newId();
  await services.store.createQuiz({
    id: quizId,
    questionId: question.id,
    optionOrder,
    ...serverOf(request),
    ...(request.channelId ? { channelId: request.channelId } : {}),
    createdAt: request.now,
  });
  return renderQuestion(question, quizId, optionOrder);
}

/** An option button: immediate feedback with the explanation; only a learner's first answer counts. */
export async function answerQuestion(quizId: string, choice: number, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const quiz = await services.store.quiz(quizId);
  const question = quiz && services.deck.question(quiz.questionId);
  if (!quiz || !question) return describeProblem({ code: 'stale-action' });

  const learner = learnerOf(request);
  const correct = quiz.optionOrder[choice] === 0;
  const result = await services.store.recordQuizAnswer({
    quizId,
    learner,
    ...serverOf(request),
    choice,
    correct,
    answeredAt: request.now,
    studyDate: todayOf(request),
  });
  if (result === 'already-answered') {
    const earlier = await services.store.quizAnswer(quizId, learner.key);
    return renderAlreadyAnswered(question, quiz.optionOrder, earlier?.choice ?? choice);
  }
  return renderAnswerFeedback(question, quiz.optionOrder, choice);
}
