/**
 * `npm run cache:warm`: parses the knowledge (KNOWLEDGE_DIR) and the flag inventory once, builds the answer
 * engine's index from those topics, and writes all three to the cache folder (CACHE_DIR), so the next start reads
 * them from it. The container image runs it at build time, with the compiled code the image runs
 * (`node dist/cli/warm-cache.js`), since the cache keys include that code.
 * Exit code 0 when all three are cached (or already were); 1 when the cache is off, cannot be written, or the
 * knowledge or inventory has a problem (its one-line message is printed).
 */
import type { CacheOutcome } from '../cache/parsed-data-cache.ts';
import { cacheDirOf } from '../config.ts';
import { loadFlagInventory } from '../explain/index.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { loadAnswerEngine } from '../search/index.ts';
import { orExit, settingsOrExit } from './settings-or-exit.ts';

const config = settingsOrExit();
const cacheDir = cacheDirOf(config);
if (cacheDir === undefined) {
  console.error('CACHE_DIR is off: there is no cache folder to warm.');
  process.exit(1);
}
const outcomes: Record<'knowledge' | 'inventory' | 'index', CacheOutcome | undefined> = { knowledge: undefined, inventory: undefined, index: undefined };
const [knowledge, inventory] = await orExit(
  Promise.all([
    loadKnowledge(config.KNOWLEDGE_DIR, { cacheDir, onCacheOutcome: (o) => (outcomes.knowledge = o) }),
    loadFlagInventory(undefined, { cacheDir, onCacheOutcome: (o) => (outcomes.inventory = o) }),
  ]),
);
await loadAnswerEngine(knowledge, { cacheDir, onCacheOutcome: (o) => (outcomes.index = o) });
const describe = (outcome: CacheOutcome | undefined) => (outcome === 'hit' ? 'already cached' : outcome === 'written' ? 'cached' : 'NOT cached');
console.log(
  `${knowledge.size} topics: ${describe(outcomes.knowledge)}; their answer engine index: ${describe(outcomes.index)}; ` +
    `${inventory.commands().length} docker commands: ${describe(outcomes.inventory)}; in ${cacheDir}`,
);
if (Object.values(outcomes).includes('not-written')) {
  console.error(`The cache folder ${cacheDir} cannot be written: check CACHE_DIR (see .env.example).`);
  process.exitCode = 1;
}
