import type { KnowledgeProblem } from './knowledge-problem.ts';
import type { Topic } from './topic-schema.ts';

/** Checks what no single file can: unique ids and titles, and `related` links that point at real topics. */
export function validateKnowledge(topics: readonly Topic[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, string>();
  const titles = new Map<string, string>();

  for (const topic of topics) {
    const otherFile = ids.get(topic.id);
    if (otherFile) problems.push({ file: topic.file, field: 'id', message: `"${topic.id}" is already used by ${otherFile}` });
    ids.set(topic.id, topic.file);

    const titleKey = topic.title.toLowerCase();
    const sameTitle = titles.get(titleKey);
    if (sameTitle) problems.push({ file: topic.file, field: 'title', message: `"${topic.title}" is already used by ${sameTitle}` });
    titles.set(titleKey, topic.file);
  }

  for (const topic of topics) {
    topic.related.forEach((id, index) => {
      if (id === topic.id) {
        problems.push({ file: topic.file, field: `related.${index}`, message: 'a topic cannot be related to itself' });
      } else if (!ids.has(id)) {
        problems.push({ file: topic.file, field: `related.${index}`, message: `no topic has the id "${id}"` });
      }
    });
  }
  return problems;
}
