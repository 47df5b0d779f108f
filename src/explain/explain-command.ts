import type { ExplainProblem } from './explain-problem.ts';
import { explainDockerWords } from './explain-docker-words.ts';
import { sortFindings, type Explanation, type ExplanationItem, type Finding } from './explanation.ts';
import type { FlagInventory } from './flag-inventory.ts';
import { checkPastedText } from './check-pasted-text.ts';
import { splitShellCommands, type ShellCommand, type ShellPart } from './split-shell-commands.ts';

export interface ExplainOptions {
  inventory: FlagInventory;
  /** Whether a topic id exists in the loaded knowledge; links to others become null. Defaults to "every id". */
  hasTopic?: (id: string) => boolean;
}

export type ExplainResult = { ok: true; value: Explanation & { dockerCommands: DockerCommandSummary[] } } | { ok: false; problem: ExplainProblem };

/** What `/ask` needs to know to hand a paste over: each docker command, and whether all its words were known. */
export interface DockerCommandSummary {
  path: string;
  complete: boolean;
}

const SHELL_OPERATORS: Record<string, string> = {
  '&&': 'runs the next command only if the one before it succeeded',
  '||': 'runs the next command only if the one before it failed',
  ';': 'runs the next command after the one before it, whatever happened',
  '|': 'pipes the output of the command before it into the input of the next',
  '|&': 'pipes both the output and the errors of the command before it into the next',
  '&': 'runs the command before it in the background',
  '(': 'starts a subshell',
  ')': 'ends a subshell',
};

/**
 * Explains pasted shell text holding one or more docker commands, without running anything: each docker
 * command flag by flag (see `explainDockerWords`), the shell's own parts (operators, redirections,
 * substitutions, variables) named, and any other program named as not explained. Refuses empty, binary or
 * over-long text (more than `INPUT_LIMITS.paste` characters, checked before parsing), unbalanced quotes, and
 * text with no docker command in it.
 */
export function explainCommand(text: string, options: ExplainOptions): ExplainResult {
  const checked = checkPastedText(text);
  if (!checked.ok) return checked;
  // A prompt copied with the command (`$ docker ps`) is not part of it.
  const split = splitShellCommands(checked.text.replace(/^\s*[$>#%]\s+(?=\S)/, ''));
  if (!split.ok) return split;
  const { commands, parts } = split.value;
  const multiLine = new Set(commands.map((c) => c.line)).size > 1;
  const lineOf = (line: number) => (multiLine ? line : null);
  const hasTopic = options.hasTopic ?? (() => true);
  const link = (topic: string | null) => (topic && hasTopic(topic) ? topic : null);

  const items: ExplanationItem[] = [];
  const findings: Finding[] = [];
  const dockerCommands: DockerCommandSummary[] = [];
  const summaries: string[] = [];
  for (const command of commands) {
    const { words, prefix } = withoutPrefix(command);
    items.push(...prefix.map((p) => ({ ...p, line: lineOf(command.line) })));
    const program = words[0] ?? '';
    if (!/^(.*\/)?docker(-compose)?(\.exe)?$/.test(program)) {
      if (words.length > 0) items.push({ line: lineOf(command.line), text: words.join(' '), explanation: `Not a docker command: the shell runs \`${program}\` here, which this explainer does not cover.`, topic: null });
      continue;
    }
    const compose = /docker-compose(\.exe)?$/.test(program);
    const explained = explainDockerWords(compose ? ['docker', 'compose', ...words.slice(1)] : words, options.inventory);
    dockerCommands.push({ path: explained.path, complete: explained.complete && !compose });
    summaries.push(explained.summary);
    items.push(...explained.items.map((item) => ({ ...item, line: lineOf(command.line), topic: link(item.topic) })));
    findings.push(...explained.findings.map((f) => ({ ...f, line: command.line, topic: link(f.topic) })));
    if (compose) findings.push({ ...COMPOSE_V1, line: command.line });
  }
  if (dockerCommands.length === 0) return { ok: false, problem: { code: 'not-a-docker-command', first: commands[0]?.words.join(' ') ?? '' } };

  items.push(...parts.map((part) => ({ line: lineOf(part.line), ...describeShellPart(part) })));
  items.push(...shellVariables(commands).map((v) => ({ line: null, text: v, explanation: `A shell variable: your shell replaces ${'`'}${v}${'`'} with its value before Docker sees the command (with nothing, if it is unset).`, topic: null })));
  const summary = commands.length === 1 ? summaries[0]! : `${commands.length} commands, ${dockerCommands.length} of them docker commands.`;
  return { ok: true, value: { kind: 'command', summary, items, findings: sortFindings(findings), dockerCommands } };
}

const COMPOSE_V1: Omit<Finding, 'line'> = {
  rule: 'compose-v1-command',
  severity: 'info',
  message: '`docker-compose` is the retired Compose v1 command.',
  why: 'Compose v1 stopped receiving updates in 2023; current Docker ships Compose v2 as the `docker compose` plugin, which takes the same files.',
  fix: 'Write `docker compose` (with a space).',
  topic: 'docker-compose',
};

/** Leading `VAR=value` assignments and `sudo`, which come before the program a line runs. */
function withoutPrefix(command: ShellCommand): { words: string[]; prefix: Omit<ExplanationItem, 'line'>[] } {
  const prefix: Omit<ExplanationItem, 'line'>[] = [];
  let i = 0;
  for (; i < command.words.length; i++) {
    const word = command.words[i]!;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) prefix.push({ text: word, explanation: 'Sets an environment variable for this one command (of the docker client, not the container).', topic: 'environment-variables' });
    else if (word === 'sudo') prefix.push({ text: word, explanation: 'Runs the docker client as root. Members of the docker group can leave it out, but that group is as powerful as root.', topic: 'container-security' });
    else break;
  }
  return { words: command.words.slice(i), prefix };
}

function describeShellPart(part: ShellPart): Omit<ExplanationItem, 'line'> {
  if (part.kind === 'operator') return { text: part.text, explanation: `Shell operator: ${SHELL_OPERATORS[part.text] ?? 'joins commands'}.`, topic: null };
  if (part.kind === 'substitution') {
    return { text: part.text, explanation: 'Command substitution: the shell runs the command inside first and puts its output here, split into words (each docker command inside is explained above).', topic: null };
  }
  const redirect = /^(\d?)(>>|>&|>|<|&>>|&>|<&|<<<|<<|>\||<>)(.*)$/.exec(part.text);
  const [, fd = '', op = '', target = ''] = redirect ?? [];
  const stream = fd === '2' ? 'errors (standard error)' : 'output';
  const meanings: Record<string, string> = {
    '>': `writes the ${stream} to the file \`${target}\`, replacing it`,
    '>>': `appends the ${stream} to the file \`${target}\``,
    '>&': `sends the ${stream} to the same place as stream ${target}`,
    '&>': `writes both output and errors to \`${target}\``,
    '&>>': `appends both output and errors to \`${target}\``,
    '<': `reads the input from the file \`${target}\``,
    '<<': 'reads the input from the lines that follow (a here-document)',
    '<<<': `reads the input from the text \`${target}\``,
  };
  return { text: part.text, explanation: `Shell redirection: ${meanings[op] ?? 'redirects a stream'}.`, topic: null };
}

/** `$VAR` and `${VAR}` in the docker commands' words, once each, in order. */
function shellVariables(commands: readonly ShellCommand[]): string[] {
  const found = new Set<string>();
  for (const command of commands) {
    for (const word of command.words) {
      if (/^\$\(|^`/.test(word)) continue;
      for (const match of word.matchAll(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g)) found.add(match[0]);
    }
  }
  return [...found];
}

