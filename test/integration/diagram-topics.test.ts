import { describe, expect, test } from 'vitest';
import { listDiagrams } from '../../src/diagrams/index.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';

const knowledge = await loadKnowledge();

describe('diagrams and the shipped knowledge', () => {
  test.each(listDiagrams())('GIVEN the $id diagram THEN its topicIds are exactly the topics whose `diagram:` names it', (info) => {
    const pointing = knowledge.topics.filter((topic) => topic.diagram === info.id).map((topic) => topic.id);
    expect([...info.topicIds].sort()).toEqual(pointing.sort());
  });

  test('GIVEN every topic id a diagram names THEN it exists in knowledge/', () => {
    const unknown = listDiagrams().flatMap((info) => info.topicIds.filter((id) => !knowledge.has(id)));
    expect(unknown).toEqual([]);
  });
});
