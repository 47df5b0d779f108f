import type { CommandRegistry } from './command-registry.ts';
import { fail, ok, type Result } from './problem.ts';

export interface ParsedCommandLine {
  name: string;
  args: Record<string, unknown>;
}

/**
 * Reads a typed command line (`/quiz mode:mcq volumes`, `/ask why is my build slow`) for the front ends
 * that receive plain text (console, Slack). `name:value` sets a named argument; the remaining words fill
 * the arguments in order, and the last string argument takes the rest of the line.
 */
export function parseCommandLine(registry: CommandRegistry, line: string): Result<ParsedCommandLine> {
  const [rawName = '', ...words] = line.trim().replace(/^\//, '').split(/\s+/);
  const entry = registry.get(rawName);
  if (!entry) return fail({ code: 'unknown-command', name: rawName, suggestion: registry.closestName(rawName) });

  const args: Record<string, unknown> = {};
  const positional: string[] = [];
  for (const word of words) {
    const named = /^([a-z-]+):(.*)$/i.exec(word);
    const spec = named && entry.arguments.find((a) => a.name === named[1]!.toLowerCase());
    if (spec && named) args[spec.name] = named[2];
    else positional.push(word);
  }

  const open = entry.arguments.filter((a) => !(a.name in args));
  const restTaker = open.findLast((a) => a.type === 'string' && !a.choices);
  for (const spec of open) {
    if (positional.length === 0) break;
    if (spec.choices) {
      // A fixed set of choices takes the next word only when it is one of them.
      if (spec.choices.includes(positional[0]!.toLowerCase())) args[spec.name] = positional.shift();
    } else {
      args[spec.name] = spec === restTaker ? positional.splice(0).join(' ') : positional.shift();
    }
  }

  for (const spec of entry.arguments) {
    const value = args[spec.name];
    if (typeof value !== 'string') continue;
    if (spec.type === 'integer' && /^-?\d+$/.test(value)) args[spec.name] = Number(value);
    if (spec.type === 'boolean') args[spec.name] = /^(true|yes|on|1)$/i.test(value);
    if (spec.choices) args[spec.name] = value.toLowerCase();
  }
  return ok({ name: entry.command.name, args });
}
