/**
 * `npm run -s ask -- [--json] [question]`: the one-shot question interface tooling depends on.
 * With a question (even an empty one): prints the answer (as a person reads it, or one JSON object with `--json`).
 * Without one: reads one question per line from stdin and prints one answer (one JSON line) per line, in order.
 * `--topics` lists every topic; `--help` prints the usage (exit 0); an unknown option exits 2.
 */
import { createInterface } from 'node:readline';
import { cacheDirOf } from '../config.ts';
import { renderReplyForTerminal } from '../adapters/console/render-terminal.ts';
// The one renderer, not the core's barrel, which loads every command (the quiz, the explainer, their packages).
import { renderAnswer } from '../core/render-topic.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { loadAnswerEngine, type Answer } from '../search/index.ts';
import { orExit, settingsOrExit } from './settings-or-exit.ts';
import { parseAskArguments, USAGE } from './ask-arguments.ts';

/** What to try instead, in this tool's terms (the chat's `/topics` does not exist here). */
const BROWSE_HINT = 'Run `npm run -s ask -- --topics` to list everything I can explain.';

const parsed = parseAskArguments(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const { json, help, topics, question } = parsed.value;
if (help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const config = settingsOrExit();
const cacheDir = cacheDirOf(config);
const knowledge = await orExit(loadKnowledge(config.KNOWLEDGE_DIR, { cacheDir }));
const engine = await loadAnswerEngine(knowledge, { cacheDir });

/** The stable JSON contract: see README.md. */
function toJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    topic: answer.topic ? { id: answer.topic.id, title: answer.topic.title } : null,
    confidence: answer.confidence,
    text: answer.answered ? answer.text : `${answer.text} ${BROWSE_HINT}`,
    suggestions: answer.suggestions.map((s) => s.title),
  });
}

function format(answer: Answer): string {
  if (json) return toJson(answer);
  const { text, actions } = renderReplyForTerminal({ ...renderAnswer(answer, undefined, BROWSE_HINT), actions: [] });
  const next = answer.suggestions.map((s) => s.title).join(', ');
  const label = answer.answered ? 'Related' : 'Did you mean';
  return `${text}${actions.length === 0 && next ? `\n\n${label}: ${next}` : ''}\n`;
}

if (topics) {
  const list = [...knowledge.topics].map((t) => ({ id: t.id, title: t.title }));
  process.stdout.write(json ? `${JSON.stringify(list)}\n` : `${list.map((t) => t.title).join('\n')}\n`);
} else if (question !== undefined) {
  process.stdout.write(`${format(engine.answer(question))}\n`);
} else if (process.stdin.isTTY) {
  console.error(USAGE);
  process.exit(2);
} else {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!process.stdout.write(`${format(engine.answer(line))}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
}
