import type { z } from 'zod';
import { argumentSpecs, type ArgumentSpec } from './argument-spec.ts';
import type { AnyCommand, CommandRequest, CoreServices } from './command.ts';
import { describeProblem } from './describe-problem.ts';
import { editDistance } from '../search/index.ts';
import { INPUT_LIMITS } from './input-limits.ts';
import { fail, ok, type Problem, type Result } from './problem.ts';
import { rateLimitProblem } from './rate-limiter.ts';
import type { Reply } from './reply.ts';
import { stripControlCharacters } from './strip-control-characters.ts';
import { applyLearnerSettings } from './learner-settings.ts';

/** A command with everything front ends derive from it, computed once. */
export interface RegisteredCommand {
  command: AnyCommand;
  arguments: ArgumentSpec[];
  /** `/ask <question>`, `/quiz [mode] [topic]`. */
  usage: string;
}

/**
 * The one list of commands. The Discord command JSON, the Slack and console parsers and `/help` are all
 * derived from it, so adding a command touches one place.
 */
export class CommandRegistry {
  readonly #commands = new Map<string, RegisteredCommand>();

  constructor(commands: readonly AnyCommand[]) {
    for (const command of commands) {
      if (this.#commands.has(command.name)) throw new Error(`Command "${command.name}" is defined twice`);
      if (command.description.length > 100) throw new Error(`Command "${command.name}": description over 100 characters`);
      const args = argumentSpecs(command.args);
      const usage = [`/${command.name}`, ...args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`))].join(' ');
      this.#commands.set(command.name, { command, arguments: args, usage });
    }
  }

  list(): RegisteredCommand[] {
    return [...this.#commands.values()];
  }

  get(name: string): RegisteredCommand | undefined {
    return this.#commands.get(name.toLowerCase());
  }

  /**
   * The closest command name to a mistyped one, for "did you mean": one sharing its first three letters, or
   * else the nearest within two edits (`qiuz` → `quiz`). Reads at most `INPUT_LIMITS.name` characters.
   */
  closestName(name: string): string | undefined {
    const lower = name.toLowerCase().slice(0, INPUT_LIMITS.name);
    const names = [...this.#commands.keys()];
    const byPrefix = names.find((n) => n.startsWith(lower.slice(0, 3)) || lower.startsWith(n));
    if (byPrefix || lower.length < 3) return byPrefix;
    const nearest = names.map((n) => ({ n, d: editDistance(lower, n, 3) })).sort((a, b) => a.d - b.d)[0];
    return nearest && nearest.d <= 2 ? nearest.n : undefined;
  }

  /**
   * Validates raw arguments against the command's schema. Every string is bounded first (at most
   * `INPUT_LIMITS.paste` characters are read, then the argument's own `.max()` cuts or refuses) and loses its
   * control characters, so no handler sees unbounded or unprintable input, whichever front end sent it.
   */
  validate(name: string, raw: Record<string, unknown>): Result<{ entry: RegisteredCommand; args: unknown }> {
    const entry = this.get(name);
    if (!entry) return fail({ code: 'unknown-command', name, suggestion: this.closestName(name) });
    raw = boundArguments(entry.arguments, raw);
    const parsed = entry.command.args.safeParse(raw);
    if (parsed.success) return ok({ entry, args: parsed.data });

    const issue = parsed.error.issues[0]!;
    const argument = String(issue.path[0] ?? 'argument');
    if (raw[argument] === undefined || (typeof raw[argument] === 'string' && raw[argument].trim() === '')) {
      return fail({ code: 'missing-argument', command: entry.command.name, argument, usage: entry.usage });
    }
    return fail({ code: 'invalid-argument', command: entry.command.name, argument, reason: reasonOf(issue), usage: entry.usage });
  }

  /** Validates and runs a command; expected failures come back as error replies, never as exceptions. */
  async execute(name: string, raw: Record<string, unknown>, request: CommandRequest, services: CoreServices): Promise<Reply> {
    const entry = this.get(name);
    const refused = (entry && permissionProblem(entry.command, request)) || rateLimitProblem(services.limiter, request, 'command');
    if (refused) return describeProblem(refused);
    const validated = this.validate(name, raw);
    if (!validated.ok) return describeProblem(validated.problem);
    return validated.value.entry.command.run(validated.value.args, await applyLearnerSettings(request, services.store), services);
  }
}

/** Raw arguments with every string bounded and stripped of control characters (see `validate`). */
function boundArguments(specs: readonly ArgumentSpec[], raw: Record<string, unknown>): Record<string, unknown> {
  const bounded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') {
      bounded[key] = value;
      continue;
    }
    // One character past the paste limit is enough for `.max()` to see that a paste is too long.
    const clean = stripControlCharacters(value.slice(0, INPUT_LIMITS.paste + 1));
    const spec = specs.find((s) => s.name === key);
    bounded[key] = spec?.overflow === 'cut' && spec.maxLength !== undefined ? clean.trim().slice(0, spec.maxLength) : clean;
  }
  return bounded;
}

/** Why this person may not run this command here, if they may not. */
function permissionProblem(command: AnyCommand, request: CommandRequest): Problem | undefined {
  if (command.permission !== 'manage-server') return undefined;
  if (!request.serverId) return { code: 'needs-server', command: command.name };
  if (request.canManageServer !== true) return { code: 'needs-permission', command: command.name, permission: 'manage-server' };
  return undefined;
}

function reasonOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `is too long (at most ${String(issue.maximum)} characters)`;
    case 'too_small':
      return 'is too short';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'custom':
      // A command's own check says what it wants (`/settings time-zone:` an IANA zone); zod's default says nothing.
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
    default:
      return 'is not valid';
  }
}
