import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { readFolder, type KnowledgeProblem } from '../knowledge/index.ts';
import { CommandFileSchema, type CommandFile } from './flag-inventory-schema.ts';
import { FlagInventory } from './flag-inventory.ts';

/** The `docker-cli/` folder that ships with the project, beside `knowledge/` (so `KNOWLEDGE_DIR` leaves it alone). */
export const DEFAULT_DOCKER_CLI_DIR = fileURLToPath(new URL('../../docker-cli/', import.meta.url));

export type CheckFlagInventoryResult = { files: CommandFile[]; problems: KnowledgeProblem[] };

/** Thrown when the flag inventory cannot be loaded; the explainer must not guess at flags. */
export class FlagInventoryLoadError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    const line = (p: KnowledgeProblem) => `${p.file}: ${p.field}: ${p.message}`;
    super(
      problems.length === 1
        ? `The flag inventory cannot be loaded: ${line(problems[0]!)}`
        : `The flag inventory has ${problems.length} problems:\n` + problems.map((p) => `  ${line(p)}`).join('\n'),
    );
    this.name = 'FlagInventoryLoadError';
  }
}

/**
 * Reads and checks every `*.yaml` file of the flag inventory, collecting every problem: YAML and schema errors
 * with their field, commands or aliases defined twice, flags or short forms repeated in one command, and
 * `flagsFrom` naming a command that does not exist. `topicIds`, when given, also checks every topic link.
 */
export async function checkFlagInventoryDir(dir: string = DEFAULT_DOCKER_CLI_DIR, topicIds?: ReadonlySet<string>): Promise<CheckFlagInventoryResult> {
  const folder = await readFolder(dir);
  if (!folder.ok) {
    return { files: [], problems: [{ file: dir, field: 'folder', message: `${folder.why}: the docker flag inventory ships beside knowledge/; reinstall or restore it` }] };
  }
  const names = folder.names.filter((f) => f.endsWith('.yaml')).sort();
  const files: CommandFile[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const name of names) {
    const parsed = parseCommandFile(name, await readFile(path.join(dir, name), 'utf8'));
    if (parsed.ok) files.push(parsed.file);
    problems.push(...parsed.problems);
  }
  if (names.length === 0) problems.push({ file: dir, field: 'folder', message: 'holds no .yaml command files' });
  problems.push(...crossCheck(files, topicIds));
  return { files, problems };
}

/** Loads the flag inventory, or throws a {@link FlagInventoryLoadError} listing every problem. */
export async function loadFlagInventory(dir: string = DEFAULT_DOCKER_CLI_DIR): Promise<FlagInventory> {
  const { files, problems } = await checkFlagInventoryDir(dir);
  if (problems.length > 0) throw new FlagInventoryLoadError(problems);
  return new FlagInventory(files);
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
