import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import { DiagramRenderer } from './diagrams/index.ts';
import { createCommandRegistry, RateLimiter, type CommandRegistry, type CoreServices } from './core/index.ts';
import { loadFlagInventory } from './explain/index.ts';
import { loadKnowledge } from './knowledge/index.ts';
import { Deck } from './quiz/index.ts';
import { AnswerEngine, TopicFinder } from './search/index.ts';
import { openStore } from './store/index.ts';

export interface App {
  services: CoreServices;
  registry: CommandRegistry;
  /** Closes the store; call once when shutting down. */
  close(): Promise<void>;
}

export type AppSettings = Partial<Pick<Config, 'KNOWLEDGE_DIR' | 'DATABASE_PATH' | 'DATABASE_URL'>>;

/**
 * The composition root: loads the knowledge, opens the store and builds the services the front ends share.
 * `overrides` replaces services (tests pass a seeded `random` and predictable ids).
 */
export async function createApp(settings: AppSettings = {}, overrides: Partial<CoreServices> = {}): Promise<App> {
  // The flag inventory sits beside knowledge/, so KNOWLEDGE_DIR (which replaces the topics) leaves it alone.
  const [knowledge, dockerCli] = await Promise.all([loadKnowledge(settings.KNOWLEDGE_DIR), loadFlagInventory()]);
  const store = overrides.store ?? (await openStore(settings));
  const services: CoreServices = {
    knowledge,
    engine: new AnswerEngine(knowledge),
    topics: new TopicFinder(knowledge),
    deck: new Deck(knowledge),
    store,
    diagrams: new DiagramRenderer(),
    dockerCli,
    random: Math.random,
    newId: () => randomBytes(9).toString('base64url'),
    limiter: new RateLimiter(),
    ...overrides,
  };
  return { services, registry: createCommandRegistry(), close: () => store.close() };
}
