import { editDistance } from '../search/index.ts';
import type { FlagSpec } from './flag-inventory-schema.ts';
import type { InventoryCommand } from './flag-inventory.ts';
import type { ExplanationItem, Finding } from './explanation.ts';
import { quoteWord } from './quote-word.ts';
import { readFlagValue, type ValueReading } from './read-flag-value.ts';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
/** Value types that may be given several times, each adding one more value. */
const REPEATABLE = /list|Array|Slice|strings|map|filter|mount|ulimit|network|pref/;

/** Flags that deserve a finding whatever their value; readers add the value-dependent ones. */
const FLAG_FINDINGS: Record<string, (value: string | undefined) => Omit<Finding, 'line'> | undefined> = {
  privileged: (value) =>
    value === 'false'
      ? undefined
      : {
          rule: 'privileged-container',
          severity: 'warning',
          message: '`--privileged` turns off most of the container\'s isolation.',
          why: 'A privileged container gets every Linux capability and every host device, without seccomp or AppArmor: a process in it can take over the host.',
          fix: 'Grant only what the program needs: one capability with `--cap-add`, one device with `--device`.',
          topic: 'container-security',
        },
  'use-api-socket': () => ({
    rule: 'docker-socket-mount',
    severity: 'warning',
    message: '`--use-api-socket` gives the container the Docker API and your registry credentials.',
    why: 'Whoever controls the Docker API controls the host.',
    fix: 'Use it only for tools you trust that need to drive Docker.',
    topic: 'container-security',
  }),
};


/** What reading one flag word (and its value) gave, and where the next word starts. */
export interface FlagRead {
  items: Omit<ExplanationItem, 'line'>[];
  findings: Omit<Finding, 'line'>[];
  next: number;
  known: boolean;
  /** The rest of the command was left unexplained after an unknown flag. */
  gaveUp?: boolean;
}

/** Reads the flag word at `i` (and its value word, when it takes one): `--name=db`, `--name db`, `-dit`, `-p80:80`. */
export function readFlag(words: readonly string[], i: number, command: InventoryCommand, seen: Set<FlagSpec>): FlagRead {
  const word = words[i]!;
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
    const spec = command.byLong.get(name);
    if (!spec) return unknownFlag(words, i, word, `--${name}`, command);
    if (eq >= 0) return explainFlag(spec, word, word.slice(eq + 1), command, i + 1, seen);
    if (spec.type === 'bool') return explainFlag(spec, word, undefined, command, i + 1, seen);
    return valueFrom(spec, word, words, i, command, seen);
  }

  // One dash: one or more short flags; the first that takes a value takes the rest of the word or the next one.
  const result: FlagRead = { items: [], findings: [], next: i + 1, known: true };
  const letters = word.slice(1);
  for (let j = 0; j < letters.length; j++) {
    const spec = command.byShort.get(letters[j]!);
    const shown = letters.length > 1 ? `-${letters[j]} (in ${word})` : word;
    if (!spec) {
      // `-name` is usually `--name` with a dash missing: name the whole word when it is a long flag.
      const asLong = j === 0 && command.byLong.has(letters.split('=')[0]!) ? `-${letters.split('=')[0]}` : `-${letters[j]}`;
      const unknown = unknownFlag(words, i, asLong === `-${letters[j]}` ? shown : word, asLong, command);
      return { ...unknown, items: [...result.items, ...unknown.items], findings: [...result.findings, ...unknown.findings] };
    }
    if (spec.type === 'bool') {
      const read = explainFlag(spec, shown, undefined, command, i + 1, seen);
      result.items.push(...read.items);
      result.findings.push(...read.findings);
      continue;
    }
    const attached = letters.slice(j + 1).replace(/^=/, '');
    const read = attached ? explainFlag(spec, `-${letters[j]}${letters.slice(j + 1)}`, attached, command, i + 1, seen) : valueFrom(spec, shown, words, i, command, seen);
    return { ...read, items: [...result.items, ...read.items], findings: [...result.findings, ...read.findings] };
  }
  return result;
}

function valueFrom(spec: FlagSpec, shown: string, words: readonly string[], i: number, command: InventoryCommand, seen: Set<FlagSpec>): FlagRead {
  const value = words[i + 1];
  if (value === undefined) {
    return {
      items: [{ text: shown, explanation: `${flagName(spec)} needs a value, and none follows.`, topic: spec.topic ?? command.file.topic }],
      findings: [{ rule: 'missing-flag-value', severity: 'error', message: `${code(shown)} needs a value.`, why: 'Docker stops with an error before doing anything.', fix: `Give it one: \`${shown} VALUE\`.`, topic: spec.topic ?? command.file.topic }],
      next: i + 1,
      known: false,
    };
  }
  return explainFlag(spec, `${shown.replace(/ \(in .*\)$/, '')} ${quoteWord(value)}`, value, command, i + 2, seen);
}

function explainFlag(spec: FlagSpec, text: string, value: string | undefined, command: InventoryCommand, next: number, seen: Set<FlagSpec>): FlagRead {
  let reading: ValueReading;
  if (spec.reader && value !== undefined) reading = readFlagValue(spec.reader, value);
  else {
    const base = spec.explanation.replace(/\{value\}/g, value === undefined ? 'the value' : code(value));
    const off = spec.type === 'bool' && value !== undefined && /^(false|0)$/i.test(value);
    reading = { explanation: off ? `Turned off explicitly (=${value}): the opposite of "${base}"` : base, findings: [] };
  }
  const extra = FLAG_FINDINGS[spec.long]?.(value);
  const repeat = seen.has(spec) && !REPEATABLE.test(spec.type) ? ' Given more than once: this flag takes one value, so the last one wins.' : '';
  seen.add(spec);
  return {
    items: [{ text, explanation: reading.explanation + repeat, topic: reading.topic ?? spec.topic ?? command.file.topic }],
    findings: [...reading.findings, ...(extra ? [extra] : [])],
    next,
    known: true,
  };
}

/**
 * An unknown flag, named with the closest real one. When that one takes a value and the unknown flag had none
 * attached, the next word is read as its value (a typo rarely changes the shape of a command); with no close
 * flag, the rest of the command cannot be read with confidence and is left unexplained.
 */
function unknownFlag(words: readonly string[], i: number, shown: string, name: string, command: InventoryCommand): FlagRead {
  const closest = closestFlag(name, command);
  const spec = closest ? command.byLong.get(closest.replace(/^-+/, '')) ?? command.byShort.get(closest.replace(/^-/, '')) : undefined;
  const value = spec && spec.type !== 'bool' && !words[i]!.includes('=') ? words[i + 1] : undefined;
  const hint = spec ? ` The closest real one is ${code(closest!)}: ${spec.explanation.replace(/\{value\}/g, 'the value')}${value !== undefined ? ` Taking it to mean that, I read ${code(value)} as its value.` : ''}` : '';
  const finding: Omit<Finding, 'line'> = { rule: 'unknown-flag', severity: 'error', message: `${code(name)} is not a flag of \`docker ${command.path}\`.`, why: 'Docker stops with "unknown flag" before doing anything.', fix: closest ? `Did you mean ${code(closest)}?` : `See \`docker ${command.path} --help\`.`, topic: command.file.topic };
  const items: Omit<ExplanationItem, 'line'>[] = [{ text: shown, explanation: `Unknown: \`docker ${command.path}\` has no ${code(name)} flag in ${command.file.version}, so I will not guess what it does.${hint}`, topic: command.file.topic }];
  if (!spec && i + 1 < words.length) {
    const rest = words.slice(i + 1).map(quoteWord).join(' ');
    items.push({ text: rest, explanation: 'The rest of the command is not explained: without knowing the flag before it, I cannot tell whether its first word is that flag\'s value or an argument.', topic: command.file.topic });
    return { items, findings: [finding], next: words.length, known: false, gaveUp: true };
  }
  return { items, findings: [finding], next: i + (value !== undefined ? 2 : 1), known: false };
}

/** The command's flag closest to a mistyped one, within two edits (or one for short flags), as `--name`. */
function closestFlag(name: string, command: InventoryCommand): string | undefined {
  const bare = name.replace(/^-+/, '');
  if (name.startsWith('--')) {
    let best: { flag: string; distance: number } | undefined;
    for (const long of command.byLong.keys()) {
      const distance = editDistance(bare.toLowerCase(), long.toLowerCase(), 2);
      if (distance <= 2 && (!best || distance < best.distance)) best = { flag: long, distance };
    }
    if (best) return `--${best.flag}`;
    const short = bare.length === 1 ? command.byShort.get(bare) : undefined;
    return short ? `-${bare}` : undefined;
  }
  if (command.byLong.has(bare)) return `--${bare}`;
  const lower = command.byShort.get(bare.toLowerCase()) ?? command.byShort.get(bare.toUpperCase());
  return lower ? `-${lower.short}` : undefined;
}

function flagName(spec: FlagSpec): string {
  return spec.short ? `\`-${spec.short}\`/\`--${spec.long}\`` : `\`--${spec.long}\``;
}
