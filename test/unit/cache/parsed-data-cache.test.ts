import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cacheFilePath, cacheKey, readCachedValue, readModuleSources, writeCachedValue } from '../../../src/cache/parsed-data-cache.ts';

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
