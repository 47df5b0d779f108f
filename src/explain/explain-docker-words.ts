import type { FlagSpec, OperandSpec } from './flag-inventory-schema.ts';
import type { FlagInventory, InventoryCommand } from './flag-inventory.ts';
import type { ExplanationItem, Finding } from './explanation.ts';
import { describeOperand } from './describe-operand.ts';
import { readFlag } from './read-docker-flag.ts';
import { quoteWord } from './quote-word.ts';

/** One docker command explained: its items in order and its findings. */
export interface DockerWordsExplanation {
  /** `run`, `compose up`; empty when no known subcommand was found. */
  path: string;
  summary: string;
  items: Omit<ExplanationItem, 'line'>[];
  findings: Omit<Finding, 'line'>[];
  /** True when every word was a known flag, a flag value or an operand, and no operand was missing. */
  complete: boolean;
}


const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/**
 * Explains the words of one docker command (`['docker', 'run', '-p', '8080:80', 'nginx']`) against the flag
 * inventory: global flags, the subcommand, each flag (combined short flags, `--flag=value`, repeats) and each
 * operand in order, with the container's command kept whole. Unknown flags are named with the closest real
 * one, never guessed at. Linear in the number of words (flag lookups are map reads; the closest-flag search
 * compares against one command's flags).
 */
export function explainDockerWords(words: readonly string[], inventory: FlagInventory): DockerWordsExplanation {
  const items: DockerWordsExplanation['items'] = [];
  const findings: DockerWordsExplanation['findings'] = [];
  let complete = true;
  const seen = new Set<FlagSpec>();
  let i = 1;
  let path = '';
  const pathWords: string[] = [];
  let current: InventoryCommand | undefined = inventory.get('');

  // Global flags and the subcommand's words (`docker --context prod compose -f a.yaml up`).
  while (i < words.length) {
    const word = words[i]!;
    const group = current;
    if (word.startsWith('-') && word.length > 1 && group?.file.group) {
      const read = readFlag(words, i, group, seen);
      items.push(...read.items);
      findings.push(...read.findings);
      complete &&= read.known;
      i = read.next;
      continue;
    }
    const candidate = path ? `${path} ${word}` : word;
    if (!inventory.get(candidate) && !inventory.isGroup(candidate)) break;
    path = candidate;
    pathWords.push(word);
    current = inventory.get(candidate);
    i++;
    if (current && !current.file.group) break;
  }

  if (!current || current.file.group) {
    const rest = words[i];
    const named = ['docker', path].filter(Boolean).join(' ');
    const explanation = rest
      ? `${code(`${named} ${rest}`)} is not in my flag inventory, so I cannot explain it flag by flag; \`docker ${path ? `${path} ` : ''}--help\` lists what it takes.`
      : `${code(named)} needs a subcommand; \`${named} --help\` lists them.`;
    items.push({ text: [named, rest].filter(Boolean).join(' '), explanation, topic: current?.file.topic ?? null });
    return { path: '', summary: explanation, items, findings, complete: false };
  }

  const command = current;
  const canonical = command.path;
  const written = pathWords;
  items.unshift({ text: `docker ${written.join(' ')}`, explanation: command.file.summary + (written.join(' ') !== canonical ? ` (the same as \`docker ${canonical}\`)` : ''), topic: command.file.topic });

  const operands: string[][] = [];
  let flagsDone = false;
  let gaveUp = false;
  while (i < words.length) {
    const word = words[i]!;
    if (!flagsDone && word === '--') {
      items.push({ text: '--', explanation: 'Ends the flags: every word after it is an operand, even one that starts with a dash.', topic: null });
      flagsDone = true;
      i++;
      continue;
    }
    const spec = operandSpecAt(command.file.operands, operands.length);
    if (spec?.kind === 'command' && operands.length > 0) {
      // Everything after the image (or container, or service) is the container's command, flags included.
      operands.push(words.slice(i));
      break;
    }
    if (!flagsDone && word.startsWith('-') && word.length > 1) {
      const read = readFlag(words, i, command, seen);
      items.push(...read.items);
      findings.push(...read.findings);
      complete &&= read.known;
      gaveUp ||= read.gaveUp === true;
      i = read.next;
      continue;
    }
    operands.push([word]);
    i++;
  }

  const explained = explainOperands(command, operands, gaveUp);
  items.push(...explained.items);
  findings.push(...explained.findings);
  complete &&= explained.complete;
  return { path: canonical, summary: `docker ${canonical}: ${command.file.summary}`, items, findings, complete };
}

/** The operand spec that takes the n-th operand, counting a repeating spec for every operand it can take. */
function operandSpecAt(specs: readonly OperandSpec[], n: number): OperandSpec | undefined {
  if (n < specs.length) return specs[n];
  const last = specs.at(-1);
  return last?.repeat ? last : undefined;
}

function explainOperands(command: InventoryCommand, operands: readonly string[][], gaveUp: boolean): { items: DockerWordsExplanation['items']; findings: DockerWordsExplanation['findings']; complete: boolean } {
  const items: DockerWordsExplanation['items'] = [];
  const findings: DockerWordsExplanation['findings'] = [];
  let complete = true;
  operands.forEach((words, n) => {
    const spec = operandSpecAt(command.file.operands, n);
    const text = words.map(quoteWord).join(' ');
    if (!spec) {
      complete = false;
      items.push({ text, explanation: `An extra argument: \`docker ${command.path}\` takes ${describeOperandCount(command.file.operands)}, so Docker would refuse this one.`, topic: command.file.topic });
      findings.push({ rule: 'unexpected-argument', severity: 'error', message: `\`docker ${command.path}\` does not take the argument ${code(text)}.`, why: 'Docker stops with an error before doing anything.', fix: 'Remove it, or check whether it belongs to a flag that takes a value.', topic: command.file.topic });
      return;
    }
    const reading = describeOperand(spec.kind, words, command.path);
    items.push({ text, explanation: reading.explanation, topic: reading.topic ?? command.file.topic });
    findings.push(...reading.findings);
  });
  if (operands.length < command.minOperands && !gaveUp) {
    complete = false;
    const missing = command.file.operands.filter((o) => !o.optional).slice(operands.length).map((o) => o.name);
    findings.push({ rule: 'missing-argument', severity: 'error', message: `\`docker ${command.path}\` needs ${missing.join(' and ')}.`, why: 'Without it Docker stops with an error before doing anything.', fix: `Add ${missing.join(' and ')} after the flags.`, topic: command.file.topic });
  }
  return { items, findings, complete };
}

function describeOperandCount(specs: readonly OperandSpec[]): string {
  if (specs.length === 0) return 'no arguments';
  return specs.map((s) => (s.optional ? `[${s.name}]` : s.name) + (s.repeat ? '…' : '')).join(' ');
}

