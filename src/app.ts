import type { Config } from './config.ts';
import { createCommandRegistry, type CommandRegistry, type CoreServices } from './core/index.ts';
import { loadKnowledge } from './knowledge/index.ts';
import { AnswerEngine, TopicFinder } from './search/index.ts';

export interface App {
  services: CoreServices;
  registry: CommandRegistry;
}

/** The composition root: loads the knowledge and builds the services the adapters share. */
export async function createApp(config: Pick<Config, 'KNOWLEDGE_DIR'> = {}): Promise<App> {
  const knowledge = await loadKnowledge(config.KNOWLEDGE_DIR);
  return {
    services: { knowledge, engine: new AnswerEngine(knowledge), topics: new TopicFinder(knowledge) },
    registry: createCommandRegistry(),
  };
}
