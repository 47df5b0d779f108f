import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, readModuleSources, readThrough, type CacheOptions } from '../cache/parsed-data-cache.ts';
import { readFolder, type KnowledgeProblem } from '../knowledge/index.ts';
import type { CommandSourceFile } from './check-command-files.ts';
import type { CommandFile } from './flag-inventory-schema.ts';
import { FlagInventory } from './flag-inventory.ts';

/** The `docker-cli/` folder that ships with the project, beside `knowledge/` (so `KNOWLEDGE_DIR` leaves it alone). */
export const DEFAULT_DOCKER_CLI_DIR = fileURLToPath(new URL('../../docker-cli/', import.meta.url));

/**
 * Part of the cache key of the parsed inventory, beside the text of the modules that parse and check it
 * ({@link INVENTORY_SHAPE_MODULES}); bump it for a change that text does not show (a new major `yaml` or `zod`).
 */
export const FLAG_INVENTORY_CACHE_VERSION = 1;

/** The file the parsed inventory is cached in, in the cache folder. */
export const FLAG_INVENTORY_CACHE_NAME = 'docker-cli';

/** The modules whose code decides what a parsed command file looks like and whether it is accepted. */
const INVENTORY_SHAPE_MODULES = ['flag-inventory-schema', 'check-command-files'];

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
 * `flagsFrom` naming a command that does not exist. `topicIds`, when given, also checks every topic link. Never cached.
 */
export async function checkFlagInventoryDir(dir: string = DEFAULT_DOCKER_CLI_DIR, topicIds?: ReadonlySet<string>): Promise<CheckFlagInventoryResult> {
  const sources = await readCommandSources(dir);
  if (!sources.ok) return { files: [], problems: [sources.problem] };
  const { checkCommandFiles } = await import('./check-command-files.ts');
  return checkCommandFiles(dir, sources.files, topicIds);
}

/**
 * Loads the flag inventory, or throws a {@link FlagInventoryLoadError} listing every problem. With a `cacheDir`
 * (`CACHE_DIR`), files with exactly these names and contents, parsed by this code, come from the cache; a miss
 * parses them and caches the result when it has no problem. See `loadKnowledge` for how the cache fails safe.
 */
export async function loadFlagInventory(dir: string = DEFAULT_DOCKER_CLI_DIR, options: CacheOptions = {}): Promise<FlagInventory> {
  const sources = await readCommandSources(dir);
  if (!sources.ok) throw new FlagInventoryLoadError([sources.problem]);
  const files = await readThrough<CommandFile>(options, FLAG_INVENTORY_CACHE_NAME, () => flagInventoryCacheKey(sources.files), async () => {
    const { checkCommandFiles } = await import('./check-command-files.ts');
    const { files, problems } = checkCommandFiles(dir, sources.files);
    if (problems.length > 0) throw new FlagInventoryLoadError(problems);
    return files;
  });
  return new FlagInventory(files);
}

async function flagInventoryCacheKey(files: readonly CommandSourceFile[]): Promise<string> {
  const code = await readModuleSources(import.meta.url, INVENTORY_SHAPE_MODULES);
  return cacheKey([`docker-cli v${FLAG_INVENTORY_CACHE_VERSION}`, ...code, ...files.flatMap((f) => [f.name, f.text])]);
}

/** The `*.yaml` files of the inventory folder, in name order, or why the folder cannot be read; read as the topics are (`readTopicSources`). */
async function readCommandSources(dir: string): Promise<{ ok: true; files: CommandSourceFile[] } | { ok: false; problem: KnowledgeProblem }> {
  const folder = await readFolder(dir);
  if (!folder.ok) {
    return { ok: false, problem: { file: dir, field: 'folder', message: `${folder.why}: the docker flag inventory ships beside knowledge/; reinstall or restore it` } };
  }
  const names = folder.names.filter((f) => f.endsWith('.yaml')).sort();
  return { ok: true, files: names.map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') })) };
}
