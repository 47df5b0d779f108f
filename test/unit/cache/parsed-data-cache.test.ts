import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cacheFilePath, cacheKey, readCached, readCachedValue, readFolderSources, readModuleSources, writeCached, writeCachedValue, type CacheCodec } from '../../../src/cache/parsed-data-cache.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function emptyFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stevedore-cache-'));
  folders.push(dir);
  return dir;
}

const value = { topics: [{ id: 'volumes', title: 'Volumes', aliases: ['vol'], level: 2 }], note: 'ünïcode ✓' };

describe('cacheKey', () => {
  test('GIVEN the same parts THEN the same key; GIVEN parts split differently or changed THEN another key', () => {
    expect(cacheKey(['a', 'bc'])).toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['a', 'bc'])).not.toBe(cacheKey(['ab', 'c']));
    expect(cacheKey(['a', 'bc'])).not.toBe(cacheKey(['a', 'bd']));
    expect(cacheKey(['a', 'bc'])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('readCachedValue and writeCachedValue', () => {
  test('GIVEN nothing cached THEN a read misses', async () => {
    expect(await readCachedValue(await emptyFolder(), 'knowledge', 'k1')).toBeUndefined();
  });

  test('GIVEN a value written for a key THEN reading it for that key returns it, in a folder created on demand', async () => {
    const dir = path.join(await emptyFolder(), 'nested', 'cache');
    expect(await writeCachedValue(dir, 'knowledge', 'k1', value)).toBe(true);
    expect(await readCachedValue(dir, 'knowledge', 'k1')).toEqual(value);
    // Written by a temporary file renamed into place: nothing else is left behind.
    expect(await readdir(dir)).toEqual(['knowledge.json']);
  });

  test('GIVEN a value written for another key (the files changed) THEN the read misses as stale', async () => {
    const dir = await emptyFolder();
    await writeCachedValue(dir, 'knowledge', 'old-key', value);
    expect(await readCachedValue(dir, 'knowledge', 'new-key')).toBeUndefined();
  });

  test('GIVEN a newer write for another key THEN it replaces the old one', async () => {
    const dir = await emptyFolder();
    await writeCachedValue(dir, 'knowledge', 'k1', value);
    await writeCachedValue(dir, 'knowledge', 'k2', { other: true });
    expect(await readCachedValue(dir, 'knowledge', 'k1')).toBeUndefined();
    expect(await readCachedValue(dir, 'knowledge', 'k2')).toEqual({ other: true });
  });

  test.each([
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length * 0.7))],
    ['cut after the header', (text: string) => text.slice(0, text.indexOf('\n') + 1)],
    ['a changed payload that is still JSON', (text: string) => text.replace('Volumes', 'Volumez')],
    ['a header that is not JSON', (text: string) => `{not json${text.slice(text.indexOf('\n'))}`],
    ['an older file format', (text: string) => text.replace('"format":1', '"format":0')],
    ['empty', () => ''],
    ['binary noise', () => '\u0000\u0001\uFFFD\n\u0000'],
  ])('GIVEN a cache file that is %s THEN the read misses without throwing', async (_what, damage) => {
    const dir = await emptyFolder();
    await writeCachedValue(dir, 'knowledge', 'k1', value);
    const file = cacheFilePath(dir, 'knowledge');
    await writeFile(file, damage(await readFile(file, 'utf8')));
    expect(await readCachedValue(dir, 'knowledge', 'k1')).toBeUndefined();
  });

  test('GIVEN a cache folder that cannot be created (its parent is a file) THEN the write reports false and reads miss, without throwing', async () => {
    const blocker = path.join(await emptyFolder(), 'a-file');
    await writeFile(blocker, 'not a folder');
    const dir = path.join(blocker, 'cache');
    expect(await writeCachedValue(dir, 'knowledge', 'k1', value)).toBe(false);
    expect(await readCachedValue(dir, 'knowledge', 'k1')).toBeUndefined();
  });

  test('GIVEN a value JSON cannot hold THEN the write reports false and leaves no file', async () => {
    const dir = await emptyFolder();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(await writeCachedValue(dir, 'knowledge', 'k1', cyclic)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  test('GIVEN many writers at once THEN every read sees one whole value, never a mix', async () => {
    const dir = await emptyFolder();
    const values = Array.from({ length: 20 }, (_, i) => ({ writer: i, filler: 'x'.repeat(50_000 + i) }));
    const reads: Array<Promise<unknown>> = [];
    await Promise.all(
      values.map(async (v) => {
        await writeCachedValue(dir, 'knowledge', 'k1', v);
        reads.push(readCachedValue(dir, 'knowledge', 'k1'));
      }),
    );
    for (const read of await Promise.all(reads)) expect(values).toContainEqual(read);
    expect(await readdir(dir)).toEqual(['knowledge.json']);
  });
});

describe('readModuleSources', () => {
  test('GIVEN sibling module names THEN their text, found with the calling module\'s own extension', async () => {
    const [own, missing] = await readModuleSources(new URL('../../../src/cache/parsed-data-cache.ts', import.meta.url).href, ['parsed-data-cache', 'no-such-module']);
    expect(own).toContain('export async function readModuleSources');
    expect(missing).toBe('unreadable module no-such-module');
  });
});

describe('readCached and writeCached with a binary codec', () => {
  /** Bytes as they are, any that are not a multiple of four rejected: a stand-in for a binary format with a check of its own. */
  const bytes: CacheCodec<Uint8Array> = {
    extension: 'bin',
    encode: (value) => value,
    decode: (payload) => {
      if (payload.length % 4 !== 0) throw new TypeError('not whole words');
      return new Uint8Array(payload);
    },
  };
  // Newlines and zeros in the payload: only the first newline of the file ends the header.
  const payload = Uint8Array.from([0x0a, 0, 0xff, 0x0a, 1, 2, 3, 0x0a]);

  test('GIVEN bytes written THEN they read back as they were, from the codec\'s own file, beside the JSON files', async () => {
    const dir = await emptyFolder();
    expect(await writeCached(bytes, dir, 'index', 'k1', payload)).toBe(true);
    expect(await writeCachedValue(dir, 'index', 'k1', value)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['index.bin', 'index.json']);
    expect(await readCached(bytes, dir, 'index', 'k1')).toEqual({ value: payload });
    expect(await readCachedValue(dir, 'index', 'k1')).toEqual(value);
    expect(await readCached(bytes, dir, 'index', 'k2')).toBeUndefined();
  });

  test('GIVEN a payload the codec rejects, or one byte changed THEN a miss without throwing', async () => {
    const dir = await emptyFolder();
    await writeCached(bytes, dir, 'index', 'k1', payload.subarray(0, 6));
    expect(await readCached(bytes, dir, 'index', 'k1')).toBeUndefined();
    await writeCached(bytes, dir, 'index', 'k1', payload);
    const file = cacheFilePath(dir, 'index', 'bin');
    const stored = await readFile(file);
    stored[stored.length - 2]! ^= 1;
    await writeFile(file, stored);
    expect(await readCached(bytes, dir, 'index', 'k1')).toBeUndefined();
  });

  test('GIVEN a value the codec cannot encode THEN the write reports false and leaves no file', async () => {
    const dir = await emptyFolder();
    const refusing: CacheCodec<number> = { extension: 'bin', encode: () => { throw new TypeError('no'); }, decode: () => 0 };
    expect(await writeCached(refusing, dir, 'index', 'k1', 1)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readFolderSources', () => {
  test('GIVEN a module THEN the name and text of every file beside it, in name order; a file added changes them', async () => {
    const dir = await emptyFolder();
    await writeFile(path.join(dir, 'b.ts'), 'export const b = 2;');
    await writeFile(path.join(dir, 'a.json'), '{"a": 1}');
    const moduleUrl = new URL(`file://${path.join(dir, 'b.ts')}`).href;
    expect(await readFolderSources(moduleUrl)).toEqual(['a.json', '{"a": 1}', 'b.ts', 'export const b = 2;']);
    await writeFile(path.join(dir, 'c.txt'), 'more');
    expect(await readFolderSources(moduleUrl)).toHaveLength(6);
  });
});
