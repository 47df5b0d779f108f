import type { KnowledgeProblem } from './knowledge-problem.ts';
import { parseTopicFile } from './parse-topic-file.ts';
import type { TopicSourceFile } from './read-topic-sources.ts';
import type { Topic } from './topic-schema.ts';
import { validateKnowledge } from './validate-knowledge.ts';

/**
 * Parses and checks the topic files of one folder (`dir` names it in the problems), collecting every problem
 * rather than stopping at the first: YAML and schema errors per file, then what only the whole set shows.
 * Kept apart from the loader, which imports it only when the cache cannot answer, so a start from the cache
 * never loads the YAML parser.
 */
export function checkTopicFiles(dir: string, files: readonly TopicSourceFile[]): { topics: Topic[]; problems: KnowledgeProblem[] } {
  const topics: Topic[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const { name, text } of files) {
    const result = parseTopicFile(name, text);
    if (result.ok) topics.push(result.topic);
    else problems.push(...result.problems);
  }
  if (files.length === 0) problems.push({ file: dir, field: 'folder', message: 'holds no .md topic files' });
  problems.push(...validateKnowledge(topics));
  return { topics, problems };
}
