import type { DeckQuestion } from '../../quiz/index.ts';
import { encodeAction } from '../action-id.ts';
import { buttonLabel, type Reply, type ReplyAction } from '../reply.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** The options in the order they were shown: `[answer, ...distractors]` rearranged by `optionOrder`. */
function shownOptions(question: DeckQuestion, optionOrder: readonly number[]): string[] {
  const options = [question.answer, ...question.distractors];
  return optionOrder.map((i) => options[i]!);
}

/**
 * A question with its options lettered in the text and one short button per letter: options can be as long
 * as a button label may be, so they are read in the message and chosen by letter.
 */
export function renderQuestion(question: DeckQuestion, quizId: string, optionOrder: readonly number[]): Reply {
  const options = shownOptions(question, optionOrder);
  return {
    tone: 'info',
    title: `Quiz · ${question.topic.title}`,
    text: `**${question.question}**\n\n${options.map((option, i) => `**${LETTERS[i]}.** ${option}`).join('\n')}`,
    actions: [
      options.map((_, i): ReplyAction => ({ id: encodeAction({ action: 'answer', quizId, choice: i }), label: LETTERS[i]!, style: 'primary' })),
    ],
    footer: 'Pick a letter. Your first answer counts.',
  };
}

/** Right or wrong, with the explanation and where to read more. Only the person who answered sees it. */
export function renderAnswerFeedback(question: DeckQuestion, optionOrder: readonly number[], choice: number): Reply {
  const options = shownOptions(question, optionOrder);
  const correctIndex = optionOrder.indexOf(0);
  const right = choice === correctIndex;
  const answer = `**${LETTERS[correctIndex]}. ${options[correctIndex]}**`;
  return {
    tone: right ? 'success' : 'unsure',
    title: right ? 'Correct!' : 'Not quite',
    text:
      (right ? `${answer} is right.` : `You picked ${LETTERS[choice]}. ${options[choice]}. The answer is ${answer}.`) +
      `\n\n${question.explanation}`,
    actions: [followUps(question)],
    ephemeral: true,
  };
}

export function renderAlreadyAnswered(question: DeckQuestion, optionOrder: readonly number[], earlierChoice: number): Reply {
  const right = optionOrder[earlierChoice] === 0;
  return {
    tone: 'info',
    title: 'You have answered this one',
    text: `You picked **${LETTERS[earlierChoice]}**, which was ${right ? 'right' : 'not right'}. Only your first answer counts.`,
    actions: [followUps(question)],
    ephemeral: true,
  };
}

function followUps(question: DeckQuestion): ReplyAction[] {
  return [
    { id: encodeAction({ action: 'explain', topicId: question.topic.id }), label: buttonLabel(`Read: ${question.topic.title}`), style: 'secondary' },
    { id: encodeAction({ action: 'quiz', mode: 'mcq', topicId: question.topic.id }), label: 'Another question', style: 'primary' },
  ];
}
