import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCachedValue, writeCachedValue } from '../../src/cache/parsed-data-cache.ts';
import { DEFAULT_DOCKER_CLI_DIR, FLAG_INVENTORY_CACHE_NAME, loadFlagInventory } from '../../src/explain/index.ts';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KNOWLEDGE_CACHE_NAME,
  KnowledgeLoadError,
  knowledgeCacheKey,
  loadKnowledge,
  readTopicSources,
  type Topic,
} from '../../src/knowledge/index.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'stevedore-knowledge-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let folders = 0;

/** A copy of the shipped knowledge and an empty cache folder, both fresh for one test. */
async function freshCopy(): Promise<{ knowledge: string; cache: string }> {
  const base = path.join(scratch, String(++folders));
  const knowledge = path.join(base, 'knowledge');
  await cp(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
  return { knowledge, cache: path.join(base, 'cache') };
}

/**
 * Deletes one topic from a copy of the knowledge as an author would: its file, and its id from every other
 * topic's `related` list, so the rest stays valid. Returns the deleted topic.
 */
async function deleteTopic(dir: string, topics: readonly Topic[]): Promise<Topic> {
  const victim = topics.at(-1)!;
  await rm(path.join(dir, victim.file));
  for (const topic of topics) {
    if (topic === victim || !topic.related.includes(victim.id)) continue;
    const file = path.join(dir, topic.file);
    const text = await readFile(file, 'utf8');
    const related = (line: string, list: string) => `related: [${list.split(', ').filter((id) => id !== victim.id).join(', ')}]`;
    await writeFile(file, text.replace(/^related: \[(.*)\]$/m, related));
  }
  return victim;
}

async function keyOf(dir: string): Promise<string> {
  const sources = await readTopicSources(dir);
  if (!sources.ok) throw new Error(sources.problem.message);
  return knowledgeCacheKey(sources.files);
}

describe('the parsed-knowledge cache (CACHE_DIR)', () => {
  test('GIVEN no cache THEN the first load parses the files and caches topics equal to the parsed ones', async () => {
    const { knowledge, cache } = await freshCopy();
    const uncached = await loadKnowledge(knowledge);
    const first = await loadKnowledge(knowledge, { cacheDir: cache });
    expect(await readdir(cache)).toEqual([`${KNOWLEDGE_CACHE_NAME}.json`]);
    const second = await loadKnowledge(knowledge, { cacheDir: cache });
    // What comes back through JSON is exactly what the parser produced: same topics, fields and order.
    expect(first.topics).toEqual(uncached.topics);
    expect(second.topics).toEqual(uncached.topics);
    expect(second.size).toBeGreaterThan(50);
  });

  test('GIVEN a cache written for these files THEN the load uses it rather than parsing them', async () => {
    const { knowledge, cache } = await freshCopy();
    await loadKnowledge(knowledge, { cacheDir: cache });
    const key = await keyOf(knowledge);
    const cached = (await readCachedValue<Topic[]>(cache, KNOWLEDGE_CACHE_NAME, key))!;
    // Marked as only the cache could say it: the files still hold the real title.
    await writeCachedValue(cache, KNOWLEDGE_CACHE_NAME, key, cached.map((t) => (t.id === 'volumes' ? { ...t, title: 'Volumes (from the cache)' } : t)));
    expect((await loadKnowledge(knowledge, { cacheDir: cache })).get('volumes')?.title).toBe('Volumes (from the cache)');
  });

  test('GIVEN a topic file edited after caching THEN the cache is stale: the load reads the edit and re-caches', async () => {
    const { knowledge, cache } = await freshCopy();
    await loadKnowledge(knowledge, { cacheDir: cache });
    const file = path.join(knowledge, 'volumes.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Volumes, edited'));
    expect((await loadKnowledge(knowledge, { cacheDir: cache })).get('volumes')?.title).toBe('Volumes, edited');
    expect((await readCachedValue<Topic[]>(cache, KNOWLEDGE_CACHE_NAME, await keyOf(knowledge)))?.find((t) => t.id === 'volumes')?.title).toBe('Volumes, edited');
  });

  test('GIVEN a topic file removed after caching THEN the load no longer has it', async () => {
    const { knowledge, cache } = await freshCopy();
    const before = await loadKnowledge(knowledge, { cacheDir: cache });
    const deleted = await deleteTopic(knowledge, before.topics);
    const after = await loadKnowledge(knowledge, { cacheDir: cache });
    expect(after.size).toBe(before.size - 1);
    expect(after.has(deleted.id)).toBe(false);
  });

  test('GIVEN a damaged cache file THEN the load parses the files and writes a good cache again', async () => {
    const { knowledge, cache } = await freshCopy();
    const expected = (await loadKnowledge(knowledge, { cacheDir: cache })).topics;
    const file = path.join(cache, `${KNOWLEDGE_CACHE_NAME}.json`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));
    expect((await loadKnowledge(knowledge, { cacheDir: cache })).topics).toEqual(expected);
    const rewritten = await readCachedValue<Topic[]>(cache, KNOWLEDGE_CACHE_NAME, await keyOf(knowledge));
    expect(rewritten?.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
  });

  test('GIVEN a cache folder that cannot be written THEN the knowledge still loads, every time', async () => {
    const { knowledge } = await freshCopy();
    const blocker = path.join(scratch, `blocker-${++folders}`);
    await writeFile(blocker, 'a file where the cache folder would be');
    const cacheDir = path.join(blocker, 'stevedore');
    expect((await loadKnowledge(knowledge, { cacheDir })).size).toBeGreaterThan(50);
    expect((await loadKnowledge(knowledge, { cacheDir })).size).toBeGreaterThan(50);
  });

  test('GIVEN broken knowledge THEN the load fails every time and nothing is cached', async () => {
    const { knowledge, cache } = await freshCopy();
    const file = path.join(knowledge, 'volumes.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^summary: .*$/m, 'summary: ""'));
    await expect(loadKnowledge(knowledge, { cacheDir: cache })).rejects.toBeInstanceOf(KnowledgeLoadError);
    await expect(loadKnowledge(knowledge, { cacheDir: cache })).rejects.toThrow(/volumes\.md: summary/);
    await expect(readdir(cache)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('GIVEN a cache of other knowledge THEN a load of a different folder does not use it', async () => {
    const one = await freshCopy();
    const other = await freshCopy();
    const full = await loadKnowledge(one.knowledge, { cacheDir: one.cache });
    await deleteTopic(other.knowledge, full.topics);
    const smaller = await loadKnowledge(other.knowledge, { cacheDir: one.cache });
    expect(smaller.size).toBe(full.size - 1);
  });
});

describe('the parsed flag-inventory cache', () => {
  test('GIVEN a warm cache THEN the inventory from it is the parsed one, and a cache written for these files is what is used', async () => {
    const cache = path.join(scratch, `inventory-${++folders}`);
    const uncached = await loadFlagInventory();
    await loadFlagInventory(undefined, { cacheDir: cache });
    const warm = await loadFlagInventory(undefined, { cacheDir: cache });
    expect(warm.commands().map((c) => c.file)).toEqual(uncached.commands().map((c) => c.file));
    expect(warm.get('run')?.byLong.get('publish')).toEqual(uncached.get('run')?.byLong.get('publish'));

    // Rewritten under the same key with a marked summary: a load that shows it read the cache.
    const file = path.join(cache, `${FLAG_INVENTORY_CACHE_NAME}.json`);
    const [header, payload] = (await readFile(file, 'utf8')).split('\n') as [string, string];
    const marked = (JSON.parse(payload) as Array<{ command: string; summary: string }>).map((f) => (f.command === 'cp' ? { ...f, summary: 'Copies files (from the cache).' } : f));
    await writeCachedValue(cache, FLAG_INVENTORY_CACHE_NAME, (JSON.parse(header) as { key: string }).key, marked);
    expect((await loadFlagInventory(undefined, { cacheDir: cache })).get('cp')?.file.summary).toBe('Copies files (from the cache).');
    expect(DEFAULT_DOCKER_CLI_DIR).toMatch(/docker-cli/);
  });
});
