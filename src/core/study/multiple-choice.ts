import type { Topic } from '../../knowledge/index.ts';
import { localDate, shuffle, type DeckQuestion } from '../../quiz/index.ts';
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
  const question = await drawQuestion(topic, request, services);
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

/** Attempts at a draw before taking whatever another process left: draws race only when one learner presses twice at once. */
const DRAW_ATTEMPTS = 3;

/**
 * The learner's next question from the topic (or all topics), drawn without replacement: none repeats until
 * the learner has had every one, and a new round does not start with the question just drawn. The draws
 * live in the Store, so every process serving the learner agrees.
 */
async function drawQuestion(topic: Topic | undefined, request: CommandRequest, services: CoreServices): Promise<DeckQuestion> {
  const { store, deck, random } = services;
  const pool = topic ? deck.questionsOf(topic.id) : deck.questions;
  const poolKey = topic?.id ?? '*';
  const learnerKey = learnerOf(request).key;
  let question = pool[0]!;
  for (let attempt = 0; attempt < DRAW_ATTEMPTS; attempt++) {
    const draws = await store.questionDraws(learnerKey, poolKey);
    const drawn = new Set(draws.map((d) => d.questionId));
    let left: readonly DeckQuestion[] = pool.filter((q) => !drawn.has(q.id));
    let position = draws.length + 1;
    if (left.length === 0) {
      await store.clearQuestionDraws(learnerKey, poolKey);
      position = 1;
      const last = draws.at(-1)?.questionId;
      left = pool.length > 1 ? pool.filter((q) => q.id !== last) : pool;
    }
    question = left[Math.floor(random() * left.length)]!;
    if ((await store.recordQuestionDraw(learnerKey, poolKey, { questionId: question.id, position, drawnAt: request.now })) === 'recorded') break;
  }
  return question;
}

/** An option button: immediate feedback with the explanation; only a learner's first answer counts. */
export async function answerQuestion(quizId: string, choice: number, request: CommandRequest, services: CoreServices): Promise<Reply> {
  const quiz = await services.store.quiz(quizId);
  const question = quiz && services.deck.question(quiz.questionId);
  if (!quiz || !question) return describeProblem({ code: 'stale-action' });

  const learner = learnerOf(request);
  const correct = quiz.optionOrder[choice] === 0;
  const dailyDate = correct ? await dailyDateOf(quizId, request, services) : undefined;
  const result = await services.store.recordQuizAnswer({
    quizId,
    learner,
    ...serverOf(request),
    choice,
    correct,
    answeredAt: request.now,
    studyDate: todayOf(request),
    ...(dailyDate ? { dailyDate } : {}),
  });
  if (result === 'already-answered') {
    const earlier = await services.store.quizAnswer(quizId, learner.key);
    return renderAlreadyAnswered(question, quiz.optionOrder, earlier?.choice ?? choice);
  }
  return renderAnswerFeedback(question, quiz.optionOrder, choice);
}

/**
 * For a quiz that is a daily post, the date a right answer counts for in the daily streak: the learner's local
 * date in their own time zone where known (`/settings`, or the platform's), else in the channel's schedule's.
 * Undefined for any other quiz.
 */
async function dailyDateOf(quizId: string, request: CommandRequest, services: CoreServices): Promise<string | undefined> {
  const post = await services.store.daily.postOfQuiz(quizId);
  if (!post) return undefined;
  const zone = request.timeZone ?? (await services.store.daily.schedule(post.platform, post.channelId))?.timeZone;
  return localDate(request.now, zone);
}
