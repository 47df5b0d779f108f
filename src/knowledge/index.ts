export { KnowledgeBase } from './knowledge-base.ts';
export { checkKnowledgeDir, loadKnowledge, DEFAULT_KNOWLEDGE_DIR } from './load-knowledge.ts';
export { KnowledgeLoadError, formatKnowledgeProblem, type KnowledgeProblem } from './knowledge-problem.ts';
export { parseTopicFile } from './parse-topic-file.ts';
export { validateKnowledge } from './validate-knowledge.ts';
export { TOPIC_LIMITS, type Topic, type FlashCard, type MultipleChoice } from './topic-schema.ts';
export { readFolder } from './read-folder.ts';
