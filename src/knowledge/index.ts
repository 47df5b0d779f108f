export { KnowledgeBase } from './knowledge-base.ts';
export {
  checkKnowledgeDir,
  loadKnowledge,
  knowledgeCacheKey,
  DEFAULT_KNOWLEDGE_DIR,
  KNOWLEDGE_CACHE_NAME,
  KNOWLEDGE_CACHE_VERSION,
  type LoadKnowledgeOptions,
} from './load-knowledge.ts';
export { readTopicSources, type TopicSourceFile } from './read-topic-sources.ts';
export { KnowledgeLoadError, formatKnowledgeProblem, type KnowledgeProblem } from './knowledge-problem.ts';
// parseTopicFile is not exported here: it loads the YAML parser, which a start from the cache never needs.
// Import it from './parse-topic-file.ts' where it is wanted (the loader does, lazily).
export { validateKnowledge } from './validate-knowledge.ts';
export { TOPIC_LIMITS, type Topic, type FlashCard, type MultipleChoice } from './topic-schema.ts';
export { readFolder } from './read-folder.ts';
