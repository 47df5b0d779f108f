import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from '../knowledge/index.ts';
import { CommandFileSchema, type CommandFile } from './flag-inventory-schema.ts';

/** One file of the flag inventory as read from disk: its name in the folder and its text. */
export interface CommandSourceFile {
  name: string;
  text: string;
}

/**
 * Parses and checks the flag inventory's files (`dir` names it in the problems), collecting every problem: YAML
 * and schema errors with their field, commands or aliases defined twice, flags or short forms repeated in one
 * command, and `flagsFrom` naming a command that does not exist. `topicIds`, when given, also checks every
 * topic link. Kept apart from the loader, which imports it only when the cache cannot answer, so a start from
 * the cache never loads the YAML parser.
 */
export function checkCommandFiles(dir: string, sources: readonly CommandSourceFile[], topicIds?: ReadonlySet<string>): { files: CommandFile[]; problems: KnowledgeProblem[] } {
  const files: CommandFile[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const { name, text } of sources) {
    const parsed = parseCommandFile(name, text);
    if (parsed.ok) files.push(parsed.file);
    problems.push(...parsed.problems);
  }
  if (sources.length === 0) problems.push({ file: dir, field: 'folder', message: 'holds no .yaml command files' });
  problems.push(...crossCheck(files, topicIds));
  return { files, problems };
}

function parseCommandFile(file: string, source: string): { ok: true; file: CommandFile; problems: KnowledgeProblem[] } | { ok: false; problems: KnowledgeProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    return { ok: false, problems: [{ file, field: 'file', message: `is not valid YAML: ${String((error as Error).message).split('\n')[0]}` }] };
  }
  const parsed = CommandFileSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ file, field: i.path.join('.') || 'file', message: i.message })) };
  }
  const problems: KnowledgeProblem[] = [];
  const expected = `${(parsed.data.command || 'docker').replace(/ /g, '-')}.yaml`;
  if (file !== expected) problems.push({ file, field: 'command', message: `must match the file name (expected ${expected})` });
  const seen = new Set<string>();
  parsed.data.flags.forEach((flag, i) => {
    for (const name of [`--${flag.long}`, ...(flag.short ? [`-${flag.short}`] : [])]) {
      if (seen.has(name)) problems.push({ file, field: `flags.${i}`, message: `${name} is defined twice` });
      seen.add(name);
    }
  });
  return { ok: true, file: parsed.data, problems };
}

function crossCheck(files: readonly CommandFile[], topicIds?: ReadonlySet<string>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const owner = new Map<string, string>();
  for (const file of files) {
    const name = `${(file.command || 'docker').replace(/ /g, '-')}.yaml`;
    for (const path of [file.command, ...(file.aliases ?? [])]) {
      const other = owner.get(path);
      if (other) problems.push({ file: name, field: 'aliases', message: `"${path}" is already defined by ${other}` });
      owner.set(path, name);
    }
    if (file.flagsFrom && !files.some((f) => f.command === file.flagsFrom!.command)) {
      problems.push({ file: name, field: 'flagsFrom.command', message: `names "${file.flagsFrom.command}", which no file defines` });
    }
    if (topicIds) {
      const links = [['topic', file.topic], ...file.flags.map((f, i) => [`flags.${i}.topic`, f.topic] as const)] as const;
      for (const [field, topic] of links) {
        if (topic && !topicIds.has(topic)) problems.push({ file: name, field, message: `links to topic "${topic}", which does not exist` });
      }
    }
  }
  return problems;
}
