import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { cacheFilePath, writeCached, type CacheOutcome } from '../../src/cache/parsed-data-cache.ts';
import { KnowledgeBase, loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine, ENGINE_INDEX_CACHE_NAME, engineIndexCacheKey, loadAnswerEngine } from '../../src/search/index.ts';
import { indexPackageVersions } from '../../src/search/load-answer-engine.ts';

const knowledge = await loadKnowledge();
const read = (name: string) => parse(readFileSync(new URL(`../eval/${name}`, import.meta.url), 'utf8')) as Array<string | { q: string }>;
/** The development questions, on-topic and off-topic (typos and all, so the spelling correctors are exercised). */
const questions = [...read('on-topic.yaml'), ...read('off-topic.yaml')].map((c) => (typeof c === 'string' ? c : c.q));
const fresh = new AnswerEngine(knowledge);

const scratch = await mkdtemp(path.join(tmpdir(), 'stevedore-engine-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let folders = 0;
const emptyFolder = () => path.join(scratch, String(++folders));
const indexFile = (dir: string) => cacheFilePath(dir, ENGINE_INDEX_CACHE_NAME, 'v8');

/** Loads an engine through the cache in `dir`, with what the load did with it. */
async function load(dir: string, from: KnowledgeBase = knowledge): Promise<{ engine: AnswerEngine; outcome: CacheOutcome | undefined }> {
  let outcome: CacheOutcome | undefined;
  const engine = await loadAnswerEngine(from, { cacheDir: dir, onCacheOutcome: (o) => (outcome = o) });
  return { engine, outcome };
}

function expectSameAnswers(engine: AnswerEngine, reference: AnswerEngine, asked: readonly string[]): void {
  for (const question of asked) expect(engine.answer(question), question).toEqual(reference.answer(question));
}

describe("the answer engine's index cache (CACHE_DIR)", () => {
  test('GIVEN an empty cache THEN the first load builds and writes the index, and the next reads it and answers every development question as a fresh build does', async () => {
    expect(questions.length).toBeGreaterThan(400);
    const dir = emptyFolder();
    const first = await load(dir);
    expect(first.outcome).toBe('written');
    expect(await readdir(dir)).toEqual([`${ENGINE_INDEX_CACHE_NAME}.v8`]);
    const warm = await load(dir);
    expect(warm.outcome).toBe('hit');
    expectSameAnswers(warm.engine, fresh, questions);
    // Full rankings too, near misses and confidences included, for a sample.
    for (const question of questions.slice(0, 60)) expect(warm.engine.rank(question), question).toEqual(fresh.rank(question));
  });

  test.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.6))],
    ['with one byte of its payload changed', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 100 ? b ^ 0xff : b)))],
    ['without its header', (bytes: Buffer) => bytes.subarray(bytes.indexOf(0x0a) + 1)],
    ['empty', () => Buffer.alloc(0)],
  ])('GIVEN a cache file %s THEN the load misses, builds the index again and rewrites the file', async (_what, damage) => {
    const dir = emptyFolder();
    await load(dir);
    await writeFile(indexFile(dir), damage(await readFile(indexFile(dir))));
    const again = await load(dir);
    expect(again.outcome).toBe('written');
    expectSameAnswers(again.engine, fresh, questions.slice(0, 50));
    expect((await load(dir)).outcome).toBe('hit');
  });

  test('GIVEN a file under the right key whose checksum matches but which holds no index THEN the load misses rather than failing', async () => {
    const dir = emptyFolder();
    const key = await engineIndexCacheKey(knowledge);
    const notAnIndex = { extension: 'v8', encode: () => Buffer.from('a payload of another shape'), decode: () => undefined };
    expect(await writeCached(notAnIndex, dir, ENGINE_INDEX_CACHE_NAME, key, undefined)).toBe(true);
    const again = await load(dir);
    expect(again.outcome).toBe('written');
    expectSameAnswers(again.engine, fresh, questions.slice(0, 50));
  });

  test('GIVEN changed knowledge (a topic given an alias, or one removed) THEN the cached index is stale and each is built from its own topics', async () => {
    const dir = emptyFolder();
    await load(dir);
    const edited = new KnowledgeBase(knowledge.topics.map((t) => (t.id === 'volumes' ? { ...t, aliases: [...t.aliases, 'persistent storage'] } : t)));
    const smaller = new KnowledgeBase(knowledge.topics.slice(1).map((t) => ({ ...t, related: t.related.filter((id) => id !== knowledge.topics[0]!.id) })));
    expect(new Set(await Promise.all([knowledge, edited, smaller].map(engineIndexCacheKey))).size).toBe(3);
    for (const changed of [edited, smaller]) {
      const loaded = await load(dir, changed);
      expect(loaded.outcome).toBe('written');
      expectSameAnswers(loaded.engine, new AnswerEngine(changed), questions.slice(0, 80));
    }
    expect((await load(dir, smaller)).outcome).toBe('hit');
    expect((await load(dir)).outcome).toBe('written');
  });

  test('GIVEN the installed stemmer and Fuse.js THEN the key holds their versions as installed', async () => {
    const installed = (name: string) => (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
    expect(await indexPackageVersions()).toEqual([`stemmer@${installed('stemmer')}`, `fuse.js@${installed('fuse.js')}`]);
  });

  test('GIVEN a cache folder that cannot be created THEN the engine is built all the same and the outcome says it was not written', async () => {
    const blocker = path.join(scratch, 'a-file');
    await writeFile(blocker, 'not a folder');
    const loaded = await load(path.join(blocker, 'cache'));
    expect(loaded.outcome).toBe('not-written');
    expectSameAnswers(loaded.engine, fresh, questions.slice(0, 20));
  });

  test('GIVEN no cache folder THEN the engine is built and nothing is reported', async () => {
    let outcome: CacheOutcome | undefined;
    const engine = await loadAnswerEngine(knowledge, { onCacheOutcome: (o) => (outcome = o) });
    expect(outcome).toBeUndefined();
    expectSameAnswers(engine, fresh, questions.slice(0, 20));
  });
});
