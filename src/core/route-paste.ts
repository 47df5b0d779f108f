import { explainCommand, explainDockerfile, type Explanation, type FlagInventory } from '../explain/index.ts';
import { STOPWORDS } from '../search/index.ts';
import { INPUT_LIMITS } from './input-limits.ts';

/** Words of a question that the answer engine's stopwords leave out on purpose, since they tell topics apart. */
const QUESTION_WORDS = new Set(['why', 'vs', 'versus', 'difference', 'differences', 'says', 'said', 'error', 'fails', 'failed', 'not', 'help']);

/** Whether a word outside the flags reads as prose: a stopword (`is`, `pls`, `the`), a question word, or a word ending a clause. */
function readsAsProse(text: string): boolean {
  return text
    .split(/\s+/)
    .filter((w) => !w.startsWith('-'))
    .some((w) => /[a-z][,.!:;]$/i.test(w) || STOPWORDS.has(w.toLowerCase().replace(/^['"]|['",.!:;]+$/g, '')) || QUESTION_WORDS.has(w.toLowerCase().replace(/^['"]|['",.!:;]+$/g, '')));
}

/** Where `/ask` sends a text: to an explainer (with its explanation, so nothing is explained twice), or to the engine. */
export type PasteRoute = { kind: 'question' } | { kind: 'command' | 'dockerfile'; explanation: Explanation };

/**
 * What `/ask` should do with a text: hand it to the command explainer when it is unmistakably a docker command
 * (it starts with `docker` and a known subcommand, every word is a known flag, a flag value or an operand, and it
 * holds no question word, stopword, `vs` or `?`), to the Dockerfile explainer when it has several lines and reads as a
 * Dockerfile with no unknown instruction, and otherwise leave it a question. Conservative on purpose: a
 * question sent to the explainer is lost, while a command answered as a question still gets an answer.
 * Reads at most `INPUT_LIMITS.paste` characters. `hasTopic` drops links to topics the loaded knowledge lacks.
 */
export function routePaste(text: string, inventory: FlagInventory, hasTopic?: (id: string) => boolean): PasteRoute {
  const question = { kind: 'question' } as const;
  if (text.length > INPUT_LIMITS.paste) return question;
  const trimmed = text.trim();
  if (/^(\$\s+|sudo\s+)?docker\s/.test(trimmed) && !/\?/.test(trimmed)) {
    if (readsAsProse(trimmed.replace(/^(\$\s+|sudo\s+)?docker\s/, ''))) return question;
    const result = explainCommand(trimmed, { inventory, ...(hasTopic ? { hasTopic } : {}) });
    if (result.ok && result.value.dockerCommands.length > 0 && result.value.dockerCommands.every((c) => c.complete)) return { kind: 'command', explanation: result.value };
    return question;
  }
  if (trimmed.split('\n').filter((l) => l.trim() !== '').length >= 2 && /^(#|FROM|ARG)\b/im.test(trimmed)) {
    const result = explainDockerfile(trimmed, hasTopic ? { hasTopic } : {});
    if (result.ok && !result.value.findings.some((f) => f.rule === 'unknown-instruction')) return { kind: 'dockerfile', explanation: result.value };
  }
  return question;
}
