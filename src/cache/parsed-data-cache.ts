import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The layout of a cache file; bump it when the header or framing below changes, so older files are ignored.
 * What the payload holds is versioned by each caller's key instead (see {@link cacheKey}).
 */
const CACHE_FILE_FORMAT = 1;

/** What a load did with its cache: answered from it, or parsed the sources and wrote the cache, or could not write it. */
export type CacheOutcome = 'hit' | 'written' | 'not-written';

/** A loader's cache settings (`CACHE_DIR`), shared by the knowledge, the flag inventory and the answer engine's index. */
export interface CacheOptions {
  /**
   * The folder to cache parsed data in, so the next start with the same files skips YAML parsing and validation
   * (and building the answer engine's index).
   * Undefined: no cache. Never required: a missing, stale or damaged file is a miss, and a folder that cannot be
   * written (a read-only image) is simply not written.
   */
  cacheDir?: string | undefined;
  /** Told what the load did with the cache (not called without a `cacheDir`): for `npm run cache:warm` and tests. */
  onCacheOutcome?: (outcome: CacheOutcome) => void;
}

/**
 * How a cached value is stored: its file's extension, and its payload as bytes each way. A file holds one
 * header line (see {@link CacheHeader}) and then the payload, whatever the codec.
 */
export interface CacheCodec<T> {
  /** The cache file's extension, without the dot: `json`, `v8`. */
  extension: string;
  /** The payload's bytes; may throw for a value the codec cannot hold (then nothing is written). */
  encode(value: T): Uint8Array;
  /**
   * The value held by bytes `encode` wrote, whose checksum matched; throws when they do not hold one (a file
   * another version of the code wrote under the same key, say), which is a miss.
   */
  decode(bytes: Buffer): T;
}

/** Anything `JSON.stringify` keeps as it is, as UTF-8 JSON text: what the parsed topics and flag inventory use. */
export const JSON_CODEC: CacheCodec<unknown> = {
  extension: 'json',
  encode: (value) => {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new TypeError('JSON cannot hold this value');
    return Buffer.from(text, 'utf8');
  },
  decode: (bytes) => JSON.parse(bytes.toString('utf8')) as unknown,
};

/** An array, as JSON: anything else read back is a miss. */
const JSON_ARRAY_CODEC: CacheCodec<unknown[]> = {
  ...JSON_CODEC,
  decode: (bytes) => {
    const value = JSON_CODEC.decode(bytes);
    if (!Array.isArray(value)) throw new TypeError('not an array');
    return value;
  },
};

/**
 * A read-through cache of parsed data: the array cached under `name` for the key `key()` gives, or else what
 * `parse()` gives, then written under that key (a `parse` that throws, as on broken sources, writes nothing).
 * Without a `cacheDir`, just `parse()`. Tells `onCacheOutcome` what it did. What `loadKnowledge` and
 * `loadFlagInventory` share; {@link readThroughWith} for another codec.
 */
export function readThrough<T>(options: CacheOptions, name: string, key: () => Promise<string>, parse: () => Promise<T[]>): Promise<T[]> {
  return readThroughWith(JSON_ARRAY_CODEC as CacheCodec<T[]>, options, name, key, parse);
}

/**
 * {@link readThrough} for any value a codec can store: the value cached under `name` for the key `key()`
 * gives, or else what `build()` gives, then written under that key. A `build` that throws writes nothing; a
 * value the codec cannot encode is not written (`'not-written'`) but still returned.
 */
export async function readThroughWith<T>(codec: CacheCodec<T>, options: CacheOptions, name: string, key: () => Promise<string>, build: () => Promise<T>): Promise<T> {
  const { cacheDir, onCacheOutcome } = options;
  if (cacheDir === undefined) return build();
  const inputs = await key();
  const cached = await readCached(codec, cacheDir, name, inputs);
  if (cached !== undefined) {
    onCacheOutcome?.('hit');
    return cached.value;
  }
  const value = await build();
  // Written first: `onCacheOutcome?.(…)` would not evaluate its argument when there is no callback.
  const written = await writeCached(codec, cacheDir, name, inputs, value);
  onCacheOutcome?.(written ? 'written' : 'not-written');
  return value;
}

/** A cache file's first line (JSON): which data it holds, for which inputs, and a checksum of the payload after it. */
interface CacheHeader {
  format: number;
  /** The caller's key: a hash of every input the payload was derived from. */
  key: string;
  /** SHA-256 of the payload (every byte after the header line), in hex: a file cut short or scribbled over is never decoded. */
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
  return (await readCached(JSON_CODEC, dir, name, key))?.value as T | undefined;
}

/**
 * Stores `value` (anything `JSON.stringify` keeps as it is) under `name` in `dir` for `key`; see
 * {@link writeCached}. Resolves whether it was written.
 */
export function writeCachedValue(dir: string, name: string, key: string, value: unknown): Promise<boolean> {
  return writeCached(JSON_CODEC, dir, name, key, value);
}

/**
 * What `codec` decodes from the file cached under `name` in `dir` for this `key`, wrapped (so that any value,
 * even `undefined`, can be cached), or undefined on a miss: no file, another key or file format, a header that
 * is not JSON, a payload cut short or changed (its SHA-256 is in the header), or a payload `codec.decode`
 * rejects. Never throws.
 */
export async function readCached<T>(codec: CacheCodec<T>, dir: string, name: string, key: string): Promise<{ value: T } | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(cacheFilePath(dir, name, codec.extension));
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Partial<CacheHeader> | null;
    if (header?.format !== CACHE_FILE_FORMAT || header.key !== key) return undefined;
    const payload = bytes.subarray(newline + 1);
    if (createHash('sha256').update(payload).digest('hex') !== header.sha256) return undefined;
    return { value: codec.decode(payload) };
  } catch {
    return undefined;
  }
}

/**
 * Stores `value`, as `codec` encodes it, under `name` in `dir` for `key`, creating `dir` when needed. Written
 * to a temporary file in the same folder and renamed over the old one, so a reader sees the old file or the
 * new one, never half of one, even with several processes writing at once. Resolves whether it was written:
 * a value the codec cannot encode, a read-only or full disk, or a folder that cannot be created is false, not
 * an error.
 */
export async function writeCached<T>(codec: CacheCodec<T>, dir: string, name: string, key: string, value: T): Promise<boolean> {
  const target = cacheFilePath(dir, name, codec.extension);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const payload = codec.encode(value);
    const header: CacheHeader = { format: CACHE_FILE_FORMAT, key, sha256: createHash('sha256').update(payload).digest('hex') };
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]), { mode: 0o644 });
    await rename(temporary, target);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}

/** Where `name` is cached in `dir`: one file per kind of data, replaced whenever its inputs change. */
export function cacheFilePath(dir: string, name: string, extension = JSON_CODEC.extension): string {
  return path.join(dir, `${name}.${extension}`);
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

/**
 * The names and text of every file in the folder of `moduleUrl` (not its subfolders), in name order, for a
 * {@link cacheKey}: when what a value is built from is a whole folder of modules and data files (the answer
 * engine's), a module added or edited there makes old cache files stale without anyone keeping a list of them.
 * A folder that cannot be read contributes its path only.
 */
export async function readFolderSources(moduleUrl: string): Promise<string[]> {
  const folder = new URL('.', moduleUrl);
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
    const texts = await Promise.all(names.map((name) => readFile(new URL(name, folder), 'utf8')));
    return names.flatMap((name, i) => [name, texts[i]!]);
  } catch {
    return [`unreadable folder ${folder.pathname}`];
  }
}
