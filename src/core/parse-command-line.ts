import type { CommandRegistry } from './command-registry.ts';
import { fail, ok, type Result } from './problem.ts';
import { removeInvisibleCharacters } from './safe-text.ts';

export interface ParsedCommandLine {
  name: string;
  args: Record<string, unknown>;
}

/**
 * Reads a typed command line (`/quiz mode:mcq volumes`, `/ask why is my build slow`) for the front ends
 * that receive plain text (console, Slack's `/docker`). `name:value` sets a named argument; the remaining
 * words fill the arguments in order, and the last string argument takes the rest of the text exactly as
 * typed, from its first word to its last: quotes, line breaks and spacing intact, so a pasted command or
 * Dockerfile reaches its handler unchanged. Named arguments are read before and after free text, not inside it.
 */
export function parseCommandLine(registry: CommandRegistry, line: string): Result<ParsedCommandLine> {
  const words = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
  // Invisible characters pasted inside a command word (`/expl\u200Bain`) are cleaned, as in questions.
  const rawName = removeInvisibleCharacters(words.shift()?.text ?? '').replace(/^\//, '');
  const entry = registry.get(rawName);
  if (!entry) return fail({ code: 'unknown-command', name: rawName, suggestion: registry.closestName(rawName) });

  const args: Record<string, unknown> = {};
  const namedArgument = (word: string): [string, string] | undefined => {
    const named = /^([a-z-]+):(.*)$/i.exec(word);
    const spec = named && entry.arguments.find((a) => a.name === named[1]!.toLowerCase() && !(a.name in args));
    return spec ? [spec.name, named[2]!] : undefined;
  };
  // Named arguments are read before the free text and after it (`/quiz volumes mode:mcq`), never inside it.
  while (words.length > 0 && namedArgument(words[0]!.text)) {
    const [name, value] = namedArgument(words.shift()!.text)!;
    args[name] = value;
  }
  while (words.length > 0 && namedArgument(words.at(-1)!.text)) {
    const [name, value] = namedArgument(words.pop()!.text)!;
    args[name] = value;
  }
  const positional = words;
  const textEnd = words.length > 0 ? words.at(-1)!.at + words.at(-1)!.text.length : 0;

  const open = entry.arguments.filter((a) => !(a.name in args));
  const restTaker = open.findLast((a) => a.type === 'string' && !a.choices);
  for (const spec of open) {
    if (positional.length === 0) break;
    if (spec.choices) {
      // A fixed set of choices takes the next word only when it is one of them.
      if (spec.choices.includes(positional[0]!.text.toLowerCase())) args[spec.name] = positional.shift()!.text;
    } else if (spec === restTaker) {
      args[spec.name] = line.slice(positional[0]!.at, textEnd);
      positional.length = 0;
    } else {
      args[spec.name] = positional.shift()!.text;
    }
  }
  // A word no argument took (`/leaderboard year`) goes to the first choice left unset, so it is refused
  // with the choices named rather than silently ignored.
  const unsetChoice = open.find((a) => a.choices && !(a.name in args));
  if (positional.length > 0 && unsetChoice) args[unsetChoice.name] = positional[0]!.text;

  for (const spec of entry.arguments) {
    const value = args[spec.name];
    if (typeof value !== 'string') continue;
    if (spec.type === 'integer' && /^-?\d+$/.test(value)) args[spec.name] = Number(value);
    if (spec.type === 'boolean') args[spec.name] = /^(true|yes|on|1)$/i.test(value);
    if (spec.choices) args[spec.name] = value.toLowerCase();
  }
  return ok({ name: entry.command.name, args });
}
