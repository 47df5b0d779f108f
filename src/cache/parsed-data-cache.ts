import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The layout of a cache file; bump it when the header or framing below changes, so older files are ignored.
 * What the payload holds is versioned by each caller's key instead (see {@link cacheKey}).
 */
const CACHE_FILE_FORMAT = 1;

/** What a load did with its cache: answered from it, or parsed the sources and wrote the cache, or could not write it. */
export type CacheOutcome = 'hit' | 'written' | 'not-written';

/** A loader's cache settings (`CACHE_DIR`), shared by the knowledge and the flag inventory. */
export interface CacheOptions {
  /**
   * The folder to cache parsed data in, so the next start with the same files skips YAML parsing and validation.
   * Undefined: no cache. Never required: a missing, stale or damaged file is a miss, and a folder that cannot be
   * written (a read-only image) is simply not written.
   */
  cacheDir?: string | undefined;
  /** Told what the load did with the cache (not called without a `cacheDir`): for `npm run cache:warm` and tests. */
  onCacheOutcome?: (outcome: CacheOutcome) => void;
}

/**
 * A read-through cache of parsed data: the array cached under `name` for the key `key()` gives, or else what
 * `parse()` gives, then written under that key (a `parse` that throws, as on broken sources, writes nothing).
 * Without a `cacheDir`, just `parse()`. Tells `onCacheOutcome` what it did. What `loadKnowledge` and
 * `loadFlagInventory` share.
 */
export async function readThrough<T>(options: CacheOptions, name: string, key: () => Promise<string>, parse: () => Promise<T[]>): Promise<T[]> {
  const { cacheDir, onCacheOutcome } = options;
  if (cacheDir === undefined) return parse();
  const inputs = await key();
  const cached = await readCachedValue<T[]>(cacheDir, name, inputs);
  if (Array.isArray(cached)) {
    onCacheOutcome?.('hit');
    return cached;
  }
  const value = await parse();
  // Written first: `onCacheOutcome?.(…)` would not evaluate its argument when there is no callback.
  const written = await writeCachedValue(cacheDir, name, inputs, value);
  onCacheOutcome?.(written ? 'written' : 'not-written');
  return value;
}

/** A cache file's first line: which data it holds, for which inputs, and a checksum of the payload line. */
interface CacheHeader {
  format: number;
  /** The caller's key: a hash of every input the payload was derived from. */
  key: string;
  /** SHA-256 of the payload line, in hex: a file cut short or scribbled over is never parsed as data. */
  sha256: string;
}

/**
 * A hash of everything a cached value was derived from, in hex: the source files' names and contents, and the
 * code that parsed them. Parts are length-prefixed, so `['ab', 'c']` and `['a', 'bc']` differ.
 */
export function cacheKey(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The cached value stored under `name` in `dir` when it was written for this `key`, or undefined when there
 * is none, it is stale (another key, another format) or it is damaged (unreadable, cut short, not JSON, a
 * checksum that does not match). Never throws: a cache is an optimisation, and every failure is a miss.
 *
 * The value is returned as stored: the caller validated it before writing it, and the checksum shows it is
 * the same bytes, so it is not validated again (that is the work the cache saves).
 */
export async function readCachedValue<T>(dir: string, name: string, key: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(cacheFilePath(dir, name), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<CacheHeader> | null;
    if (header?.format !== CACHE_FILE_FORMAT || header.key !== key) return undefined;
    const payload = text.slice(newline + 1);
    if (createHash('sha256').update(payload, 'utf8').digest('hex') !== header.sha256) return undefined;
    return JSON.parse(payload) as T;
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` (anything `JSON.stringify` keeps as it is) under `name` in `dir` for `key`, creating `dir`
 * when needed. Written to a temporary file in the same folder and renamed over the old one, so a reader sees
 * the old file or the new one, never half of one, even with several processes writing at once. Resolves
 * whether it was written: a read-only or full disk, or a folder that cannot be created, is false, not an error.
 */
export async function writeCachedValue(dir: string, name: string, key: string, value: unknown): Promise<boolean> {
  const target = cacheFilePath(dir, name);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const payload = JSON.stringify(value);
    const header: CacheHeader = { format: CACHE_FILE_FORMAT, key, sha256: createHash('sha256').update(payload, 'utf8').digest('hex') };
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, `${JSON.stringify(header)}\n${payload}`, { mode: 0o644 });
    await rename(temporary, target);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}

/** Where `name` is cached in `dir`: one file per kind of data, replaced whenever its inputs change. */
export function cacheFilePath(dir: string, name: string): string {
  return path.join(dir, `${name}.json`);
}

/**
 * The text of the modules that turn source files into a cached value, for its {@link cacheKey}: editing how
 * topics are parsed, defaulted or checked then makes old cache files stale by itself, without anyone
 * remembering to bump a version. `names` are siblings of `moduleUrl` without extension (`topic-schema`); the
 * extension is `moduleUrl`'s own, so this works from `src/` (`.ts`) and from the compiled `dist/` (`.js`).
 * A module that cannot be read contributes its name only.
 */
export async function readModuleSources(moduleUrl: string, names: readonly string[]): Promise<string[]> {
  const extension = path.extname(new URL(moduleUrl).pathname);
  return Promise.all(
    names.map((name) => {
      const url = new URL(name.startsWith('.') ? `${name}${extension}` : `./${name}${extension}`, moduleUrl);
      return readFile(url, 'utf8').catch(() => `unreadable module ${name}`);
    }),
  );
}
