export interface AskArguments {
  json: boolean;
  help: boolean;
  topics: boolean;
  /** The question given as arguments, joined by spaces; undefined when none was given (read stdin). */
  question?: string;
}

export const USAGE = [
  'Usage: npm run -s ask -- [--json] "your question"',
  '       printf \'question one\\nquestion two\\n\' | npm run -s ask -- [--json]   (one answer per line)',
  '       npm run -s ask -- [--json] --topics                       (every topic I can explain)',
  '',
  'Options: --json   one JSON object per answer (see README.md for its shape)',
  '         --topics list the topics',
  '         --help   this text',
  '         --       ends the options: what follows is the question, even if it starts with --',
].join('\n');

/**
 * Reads the one-shot CLI's arguments. Any argument that is not an option is part of the question, so an
 * empty or blank question given as an argument is still a question (answered with what to try). An
 * argument starting with `--` that is not an option is an error, unless it follows a bare `--`; a single
 * dash (`what does -v do`) is part of the question.
 */
export function parseAskArguments(argv: readonly string[]): { ok: true; value: AskArguments } | { ok: false; error: string } {
  const value: AskArguments = { json: false, help: false, topics: false };
  const words: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg === '--json') value.json = true;
    else if (!optionsEnded && (arg === '--help' || arg === '-h')) value.help = true;
    else if (!optionsEnded && arg === '--topics') value.topics = true;
    else if (!optionsEnded && /^--./.test(arg)) return { ok: false, error: `Unknown option: ${arg}` };
    else words.push(arg);
  }
  if (words.length > 0) value.question = words.join(' ');
  return { ok: true, value };
}
