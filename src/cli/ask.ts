/**
 * `npm run -s ask -- [--json] [question]`: the one-shot question interface tooling depends on.
 * With a question: prints the answer (as a person reads it, or one JSON object with `--json`).
 * Without one: reads one question per line from stdin and prints one answer (one JSON line) per line, in order.
 */
import { createInterface } from 'node:readline';
import { renderReplyForTerminal } from '../adapters/console/render-terminal.ts';
import { renderAnswer } from '../core/index.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { AnswerEngine, type Answer } from '../search/index.ts';
import { orExit, settingsOrExit } from './settings-or-exit.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const question = args.filter((a) => a !== '--json').join(' ');

const engine = new AnswerEngine(await orExit(loadKnowledge(settingsOrExit().KNOWLEDGE_DIR)));

/** The stable JSON contract: see README.md. */
function toJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    topic: answer.topic ? { id: answer.topic.id, title: answer.topic.title } : null,
    confidence: answer.confidence,
    text: answer.text,
    suggestions: answer.suggestions.map((s) => s.title),
  });
}

function format(answer: Answer): string {
  if (json) return toJson(answer);
  const { text, actions } = renderReplyForTerminal({ ...renderAnswer(answer), actions: [] });
  const next = answer.suggestions.map((s) => s.title).join(', ');
  const label = answer.answered ? 'Related' : 'Did you mean';
  return `${text}${actions.length === 0 && next ? `\n\n${label}: ${next}` : ''}\n`;
}

if (question.length > 0 || process.stdin.isTTY) {
  if (question.length === 0) {
    console.error('Usage: npm run -s ask -- [--json] "your question"   (or pipe one question per line)');
    process.exit(2);
  }
  process.stdout.write(`${format(engine.answer(question))}\n`);
} else {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!process.stdout.write(`${format(engine.answer(line))}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
}
