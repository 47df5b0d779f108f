import { readFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { cacheKey, readFolderSources, readThroughWith, type CacheCodec, type CacheOptions } from '../cache/parsed-data-cache.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { AnswerEngine, type AnswerEngineOptions } from './answer-engine.ts';
import { buildEngineIndex, engineIndexFromSnapshot, engineIndexToSnapshot, type EngineIndex } from './engine-index.ts';

/** The file the answer engine's index is cached in, in the cache folder (`answer-engine-index.v8`). */
export const ENGINE_INDEX_CACHE_NAME = 'answer-engine-index';

/**
 * Part of the cache key of the engine's index. The key already holds the text of every file in `src/search/`
 * and the versions of the packages the index is built with ({@link INDEX_PACKAGES}); bump this for a change
 * neither shows.
 */
export const ENGINE_INDEX_CACHE_VERSION = 1;

/** The packages whose code shapes the index: the stemmer (every term) and Fuse.js (example questions' typos, corrected at build). */
const INDEX_PACKAGES = ['stemmer', 'fuse.js'];

/** The index as `node:v8` structured-clone bytes: typed arrays and maps come back as they are, in about 2 ms. */
const ENGINE_INDEX_CODEC: CacheCodec<EngineIndex> = {
  extension: 'v8',
  encode: (index) => serialize(engineIndexToSnapshot(index)),
  decode: (bytes) => engineIndexFromSnapshot(deserialize(bytes)),
};

/** Where to cache the engine's index (`CACHE_DIR`; see {@link CacheOptions}), and the engine's own options. */
export interface LoadAnswerEngineOptions extends CacheOptions {
  engine?: AnswerEngineOptions;
}

/**
 * An answer engine for `knowledge`. With a `cacheDir`, its index (see `EngineIndex`) comes from the cache
 * when it was built from these very topics by this very code (for the 76 shipped topics, in a fresh process at a
 * load average of 7: 50 to 80 ms of CPU with the key and the constructor's own work, against 350 to 420 ms to
 * build it); a miss builds it and caches it. A missing, stale or damaged
 * cache file is a miss, and a folder that cannot be written is not written: either way the engine is built,
 * and answers exactly as a fresh one.
 */
export async function loadAnswerEngine(knowledge: KnowledgeBase, options: LoadAnswerEngineOptions = {}): Promise<AnswerEngine> {
  const index = await readThroughWith(ENGINE_INDEX_CODEC, options, ENGINE_INDEX_CACHE_NAME, () => engineIndexCacheKey(knowledge), () =>
    Promise.resolve(buildEngineIndex(knowledge)),
  );
  return new AnswerEngine(knowledge, options.engine, index);
}

/**
 * The cache key of the index of these topics: the topics themselves (as JSON, in order, wherever they were
 * loaded from: `KNOWLEDGE_DIR` included), every file of `src/search/` (or `dist/search/`) that could build
 * it, the versions of {@link INDEX_PACKAGES}, V8's version (the serialisation's) and {@link ENGINE_INDEX_CACHE_VERSION}.
 */
export async function engineIndexCacheKey(knowledge: KnowledgeBase): Promise<string> {
  const [code, packages] = await Promise.all([readFolderSources(import.meta.url), indexPackageVersions()]);
  return cacheKey([`answer engine index v${ENGINE_INDEX_CACHE_VERSION}`, `v8 ${process.versions.v8}`, ...packages, ...code, JSON.stringify(knowledge.topics)]);
}

/** `name@version` of each of {@link INDEX_PACKAGES}, as in the cache key. */
export function indexPackageVersions(): Promise<string[]> {
  return Promise.all(INDEX_PACKAGES.map(packageVersion));
}

/**
 * `name@version` of a package installed in the project's `node_modules` (read from its `package.json`, found
 * the way the code finds `knowledge/`: `src/` and `dist/` sit one level below the project's root), or
 * `name@unknown` when it is not there.
 */
async function packageVersion(name: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version?: unknown };
    return `${name}@${String(manifest.version)}`;
  } catch {
    return `${name}@unknown`;
  }
}
