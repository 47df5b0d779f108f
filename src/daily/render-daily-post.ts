import { quoteUserText } from '../core/safe-text.ts';
import { renderQuestion } from '../core/study/render-question.ts';
import type { Reply } from '../core/reply.ts';
import type { DeckQuestion } from '../quiz/deck.ts';
import type { DailyQuizResults } from '../store/index.ts';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/**
 * The daily post: the multiple-choice question with lettered answer buttons (the `/quiz` buttons, so answers
 * go through the same once-per-person flow), the topic and the local date in the title.
 */
export function renderDailyPost(question: DeckQuestion, quizId: string, optionOrder: readonly number[], localDate: string): Reply {
  return {
    ...renderQuestion(question, quizId, optionOrder),
    title: `Daily quiz · ${question.topic.title} · ${localDate}`,
    footer: 'Pick a letter: only you see whether you were right. Your first answer counts; the answer is revealed later.',
  };
}

/**
 * The post once revealed: the right answer, the explanation, how many picked each option and who was right
 * first (escaped, so a name can neither ping nor reshape the message), with the buttons disabled.
 */
export function renderDailyReveal(
  question: DeckQuestion,
  quizId: string,
  optionOrder: readonly number[],
  localDate: string,
  results: DailyQuizResults,
): Reply {
  const post = renderDailyPost(question, quizId, optionOrder, localDate);
  const options = [question.answer, ...question.distractors];
  const correct = optionOrder.indexOf(0);
  const total = results.counts.reduce((a, b) => a + b, 0);
  const tally = optionOrder
    .map((option, i) => `**${LETTERS[i]}.** ${options[option]}: ${results.counts[i] ?? 0}${i === correct ? ' ✓' : ''}`)
    .join('\n');
  const first = results.firstCorrect ? `First right answer: ${quoteUserText(results.firstCorrect.name, 100)}.` : 'Nobody answered right this time.';
  return {
    tone: 'success',
    title: post.title!,
    text:
      `**${question.question}**\n\n${tally}\n\n` +
      `The answer is **${LETTERS[correct]}. ${options[0]}**\n\n${question.explanation}\n\n` +
      `${total} ${total === 1 ? 'person' : 'people'} answered. ${first}`,
    actions: post.actions!.map((row) => row.map((action) => ({ ...action, disabled: true }))),
    footer: 'Revealed. A new question comes with the next daily post.',
  };
}
