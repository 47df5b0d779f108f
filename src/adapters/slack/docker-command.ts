import { describeProblem, parseCommandLine, type CommandRegistry, type Reply } from '../../core/index.ts';

/** A `/docker` line read against the registry: a command to run, or the reply that explains what went wrong. */
export type DockerCommand = { ok: true; name: string; args: Record<string, unknown> } | { ok: false; reply: Reply };

/**
 * Reads the text after `/docker` (`quiz mcq volumes`, `ask why "latest"?`) with the registry's own parser, so
 * Slack has no second list of commands and free text reaches its argument exactly as typed. `/docker` alone
 * runs `help`; an unknown subcommand answers with "did you mean" and the list of commands.
 */
export function parseDockerCommand(registry: CommandRegistry, text: string): DockerCommand {
  if (!text.trim()) return { ok: true, name: 'help', args: {} };
  const parsed = parseCommandLine(registry, text);
  if (parsed.ok) return { ok: true, name: parsed.value.name, args: parsed.value.args };
  const problem = describeProblem(parsed.problem);
  if (parsed.problem.code !== 'unknown-command') return { ok: false, reply: problem };
  const names = registry.list().map((e) => `\`/${e.command.name}\``);
  return { ok: false, reply: { ...problem, fields: [{ name: 'Commands', value: names.join(' · ') }] } };
}
