import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeProblem } from './knowledge-problem.ts';
import { readFolder } from './read-folder.ts';

/** One topic file as read from disk: its name in the folder and its text. */
export interface TopicSourceFile {
  name: string;
  text: string;
}

/**
 * The `*.md` files of a knowledge folder, in name order, or the one problem that stops it being read (it does
 * not exist, is not a folder, cannot be read). Reads them all (76 files, about 0.5 MB: a few milliseconds).
 */
export async function readTopicSources(dir: string): Promise<{ ok: true; files: TopicSourceFile[] } | { ok: false; problem: KnowledgeProblem }> {
  const folder = await readFolder(dir);
  if (!folder.ok) {
    return { ok: false, problem: { file: dir, field: 'folder', message: `${folder.why}; set KNOWLEDGE_DIR to a folder of topic files, or leave it unset for the shipped knowledge` } };
  }
  const names = folder.names.filter((f) => f.endsWith('.md')).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  return { ok: true, files: names.map((name, i) => ({ name, text: texts[i]! })) };
}
