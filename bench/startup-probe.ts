/**
 * One reading for the start-up benchmark, in a fresh process (`node --import tsx bench/startup-probe.ts MODE`),
 * printed as one JSON object of milliseconds:
 * - `phases`: one console start's work in order, as `src/main.ts` and `createApp` do it, with the cache warm;
 * - `cached`: loading the topics from the warm cache alone (modules imported first, untimed);
 * - `parsed`: loading them from the files with no cache (YAML and validation), likewise;
 * - `warm`: writes the cache the other modes read (the topics, the flag inventory and the answer engine's index).
 */
import { performance } from 'node:perf_hooks';

const mode = process.argv[2];
const CACHE_DIR = './.cache/stevedore';
const DATABASE_PATH = ':memory:';
const result: Record<string, number> = {};
let mark = performance.now();
/** Milliseconds since the previous phase ended (the first: since the process started). */
const phase = (name: string) => {
  const now = performance.now();
  result[name] = now - (name === 'node and the tsx loader' ? 0 : mark);
  mark = now;
};

if (mode === 'phases') {
  phase('node and the tsx loader');
  const [{ loadConfig, cacheDirOf }, { loadKnowledge }, { loadFlagInventory }, { loadAnswerEngine, TopicFinder }, { Deck }, { openStore }] = await Promise.all([
    import('../src/config.ts'),
    import('../src/knowledge/index.ts'),
    import('../src/explain/index.ts'),
    import('../src/search/index.ts'),
    import('../src/quiz/index.ts'),
    import('../src/store/index.ts'),
    import('../src/app.ts'),
    import('../src/adapters/console/run-console.ts'),
    import('../src/health.ts'),
  ]);
  phase('importing the modules a console start imports');
  const loaded = loadConfig({ ...process.env, CACHE_DIR, DATABASE_PATH });
  if (!loaded.ok) throw new Error(loaded.message);
  const cacheDir = cacheDirOf(loaded.config);
  phase('settings');
  const knowledge = await loadKnowledge(undefined, { cacheDir });
  phase('knowledge, from the cache');
  await loadFlagInventory(undefined, { cacheDir });
  phase('flag inventory, from the cache');
  await loadAnswerEngine(knowledge, { cacheDir });
  phase('answer engine, its index from the cache');
  new TopicFinder(knowledge);
  new Deck(knowledge);
  phase('topic finder and deck');
  const store = await openStore({ DATABASE_PATH });
  phase('SQLite store opened and migrated (in memory)');
  await store.close();
  result['topics'] = knowledge.size;
} else if (mode === 'cached' || mode === 'parsed' || mode === 'warm') {
  const { loadKnowledge } = await import('../src/knowledge/index.ts');
  const { loadFlagInventory } = await import('../src/explain/index.ts');
  if (mode === 'warm') {
    const { loadAnswerEngine } = await import('../src/search/index.ts');
    const [knowledge] = await Promise.all([loadKnowledge(undefined, { cacheDir: CACHE_DIR }), loadFlagInventory(undefined, { cacheDir: CACHE_DIR })]);
    await loadAnswerEngine(knowledge, { cacheDir: CACHE_DIR });
  }
  const start = performance.now();
  const knowledge = await loadKnowledge(undefined, mode === 'parsed' ? {} : { cacheDir: CACHE_DIR });
  result['ms'] = performance.now() - start;
  result['topics'] = knowledge.size;
} else {
  throw new Error(`usage: bench/startup-probe.ts phases|cached|parsed|warm, got ${String(mode)}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
