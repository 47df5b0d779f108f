import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeBase } from './knowledge-base.ts';
import { KnowledgeLoadError, type KnowledgeProblem } from './knowledge-problem.ts';
import { parseTopicFile } from './parse-topic-file.ts';
import { readFolder } from './read-folder.ts';
import type { Topic } from './topic-schema.ts';
import { validateKnowledge } from './validate-knowledge.ts';

/** The `knowledge/` folder that ships with the project. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

export type CheckKnowledgeResult = { topics: Topic[]; problems: KnowledgeProblem[] };

/** Reads and checks every `*.md` file in a folder, collecting every problem rather than stopping at the first. */
export async function checkKnowledgeDir(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<CheckKnowledgeResult> {
  const folder = await readFolder(dir);
  if (!folder.ok) {
    return { topics: [], problems: [{ file: dir, field: 'folder', message: `${folder.why}; set KNOWLEDGE_DIR to a folder of topic files, or leave it unset for the shipped knowledge` }] };
  }
  const files = folder.names.filter((f) => f.endsWith('.md')).sort();
  const topics: Topic[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const file of files) {
    const result = parseTopicFile(file, await readFile(path.join(dir, file), 'utf8'));
    if (result.ok) topics.push(result.topic);
    else problems.push(...result.problems);
  }
  if (files.length === 0) problems.push({ file: dir, field: 'folder', message: 'holds no .md topic files' });
  problems.push(...validateKnowledge(topics));
  return { topics, problems };
}

/** Loads the knowledge base, or throws a {@link KnowledgeLoadError} listing every problem. */
export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<KnowledgeBase> {
  const { topics, problems } = await checkKnowledgeDir(dir);
  if (problems.length > 0) throw new KnowledgeLoadError(problems);
  return new KnowledgeBase(topics);
}
