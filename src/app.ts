import { randomBytes } from 'node:crypto';
import { cacheDirOf, type Config } from './config.ts';
import { DiagramRenderer } from './diagrams/index.ts';
import { createCommandRegistry, RateLimiter, type CommandRegistry, type CoreServices } from './core/index.ts';
import { loadFlagInventory } from './explain/index.ts';
import { loadKnowledge } from './knowledge/index.ts';
import { Deck } from './quiz/index.ts';
import { loadAnswerEngine, TopicFinder } from './search/index.ts';
import { openStore } from './store/index.ts';

export interface App {
  services: CoreServices;
  registry: CommandRegistry;
  /** Closes the store; call once when shutting down. */
  close(): Promise<void>;
}

/** The settings the app reads; `CACHE_DIR` unset means no cache (the entry points pass the configured one). */
export type AppSettings = Partial<Pick<Config, 'KNOWLEDGE_DIR' | 'CACHE_DIR' | 'DATABASE_PATH' | 'DATABASE_URL' | 'ANSWER_RETENTION_DAYS'>>;

const DAY_MS = 86_400_000;

/**
 * The composition root: loads the knowledge, opens the store and builds the services the front ends share.
 * `overrides` replaces services (tests pass a seeded `random` and predictable ids).
 */
export async function createApp(settings: AppSettings = {}, overrides: Partial<CoreServices> = {}): Promise<App> {
  // The store opens while the knowledge loads and the indexes build: SQLite's writer thread starts on the other
  // core meanwhile. The knowledge's problem is still the one reported when both fail, as when they ran in turn.
  const storeOpening = overrides.store ? Promise.resolve(overrides.store) : openStore(settings);
  storeOpening.catch(() => undefined);
  const cacheDir = settings.CACHE_DIR === undefined ? undefined : cacheDirOf({ CACHE_DIR: settings.CACHE_DIR });
  let built: Pick<CoreServices, 'knowledge' | 'dockerCli' | 'engine' | 'topics' | 'deck'>;
  try {
    // The flag inventory sits beside knowledge/, so KNOWLEDGE_DIR (which replaces the topics) leaves it alone.
    const [knowledge, dockerCli] = await Promise.all([loadKnowledge(settings.KNOWLEDGE_DIR, { cacheDir }), loadFlagInventory(undefined, { cacheDir })]);
    built = {
      knowledge,
      dockerCli,
      engine: overrides.engine ?? (await loadAnswerEngine(knowledge, { cacheDir })),
      topics: overrides.topics ?? new TopicFinder(knowledge),
      deck: overrides.deck ?? new Deck(knowledge),
    };
  } catch (error) {
    if (!overrides.store) await storeOpening.then((opened) => opened.close(), () => undefined);
    throw error;
  }
  const store = await storeOpening;
  const services: CoreServices = {
    ...built,
    store,
    diagrams: new DiagramRenderer(),
    random: Math.random,
    newId: () => randomBytes(9).toString('base64url'),
    limiter: new RateLimiter(),
    ...overrides,
  };
  // Questions older than the retention period are deleted soon after start and then once a day, in the
  // background: a database locked by another process must not stop start-up, and a prune that fails is
  // simply tried again the next day.
  const retentionDays = settings.ANSWER_RETENTION_DAYS ?? 90;
  const prune = () => void store.pruneAnswers(new Date(Date.now() - retentionDays * DAY_MS)).catch(() => undefined);
  prune();
  const daily = setInterval(prune, DAY_MS).unref();
  return {
    services,
    registry: createCommandRegistry(),
    close: () => {
      clearInterval(daily);
      return store.close();
    },
  };
}
