import { fileURLToPath } from 'node:url';
import { cacheKey, readModuleSources, readThrough, type CacheOptions } from '../cache/parsed-data-cache.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import { KnowledgeLoadError, type KnowledgeProblem } from './knowledge-problem.ts';
import { readTopicSources, type TopicSourceFile } from './read-topic-sources.ts';
import type { Topic } from './topic-schema.ts';

/** The `knowledge/` folder that ships with the project. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/**
 * Part of the cache key of parsed topics. The key already holds the text of the modules that parse and check
 * topics ({@link TOPIC_SHAPE_MODULES}); bump this for a change that text does not show (a new major version of
 * `yaml` or `zod` that parses the same files differently).
 */
export const KNOWLEDGE_CACHE_VERSION = 1;

/** The file the parsed topics are cached in, in the cache folder. */
export const KNOWLEDGE_CACHE_NAME = 'knowledge';

/** The modules whose code decides what a parsed topic looks like and whether it is accepted (siblings of this one). */
const TOPIC_SHAPE_MODULES = ['topic-schema', 'parse-topic-file', 'validate-knowledge', 'check-topic-files', '../diagrams/diagram-ids'];

export type CheckKnowledgeResult = { topics: Topic[]; problems: KnowledgeProblem[] };

/** Where to cache the parsed, checked topics (`CACHE_DIR`); see {@link CacheOptions}. */
export type LoadKnowledgeOptions = CacheOptions;

/** Reads and checks every `*.md` file in a folder, collecting every problem rather than stopping at the first. Never cached. */
export async function checkKnowledgeDir(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<CheckKnowledgeResult> {
  const sources = await readTopicSources(dir);
  if (!sources.ok) return { topics: [], problems: [sources.problem] };
  return checkSources(dir, sources.files);
}

/**
 * Loads the knowledge base, or throws a {@link KnowledgeLoadError} listing every problem. With a `cacheDir`,
 * topics parsed from files with exactly these names and contents, by this code, come from the cache (about
 * 2 ms for 76 topics, against about 250 ms for YAML and validation); a miss parses them and caches the result
 * when it has no problem. Broken knowledge is never cached, so it fails every start until it is fixed.
 */
export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadKnowledgeOptions = {}): Promise<KnowledgeBase> {
  const sources = await readTopicSources(dir);
  if (!sources.ok) throw new KnowledgeLoadError([sources.problem]);
  const topics = await readThrough<Topic>(options, KNOWLEDGE_CACHE_NAME, () => knowledgeCacheKey(sources.files), async () => {
    const { topics, problems } = await checkSources(dir, sources.files);
    if (problems.length > 0) throw new KnowledgeLoadError(problems);
    return topics;
  });
  return new KnowledgeBase(topics);
}

/** The cache key of these topic files: their names and contents, the parsing code and {@link KNOWLEDGE_CACHE_VERSION}. */
export async function knowledgeCacheKey(files: readonly TopicSourceFile[]): Promise<string> {
  const code = await readModuleSources(import.meta.url, TOPIC_SHAPE_MODULES);
  return cacheKey([`knowledge v${KNOWLEDGE_CACHE_VERSION}`, ...code, ...files.flatMap((f) => [f.name, f.text])]);
}

/** The YAML parser and the schemas load only here, when a folder is checked or the cache missed. */
async function checkSources(dir: string, files: readonly TopicSourceFile[]): Promise<CheckKnowledgeResult> {
  const { checkTopicFiles } = await import('./check-topic-files.ts');
  return checkTopicFiles(dir, files);
}
