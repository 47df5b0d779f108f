import { DIAGRAMS } from './diagram-catalog.ts';
import { DIAGRAM_IDS, type DiagramId } from './diagram-ids.ts';

export type FindDiagramResult = { found: true; id: DiagramId } | { found: false; closeMatches: DiagramId[] };

/** Words that join names rather than name anything ("build to run", "image vs container"). */
const LINKING_WORDS = new Set(['vs', 'versus', 'and', 'to', 'the', 'a', 'an', 'of', 'diagram']);

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Equal, a prefix of three letters or more ("life"), or the same first six letters ("registry", "registries"). */
const sameWord = (known: string, typed: string) =>
  known === typed || (typed.length >= 3 && known.startsWith(typed)) || (typed.length >= 6 && known.slice(0, 6) === typed.slice(0, 6));

/**
 * A diagram by what a person calls it: its id, its title, or words from them ("lifecycle", "vm",
 * "layers"). One diagram naming every word is found; otherwise the diagrams sharing the most words are
 * offered, best first.
 */
export function findDiagram(query: string): FindDiagramResult {
  const wanted = words(query).filter((w) => !LINKING_WORDS.has(w));
  if (wanted.length === 0) return { found: false, closeMatches: [] };
  const scored = DIAGRAM_IDS.map((id) => {
    const { title, topicIds } = DIAGRAMS[id].info;
    const names = [...words(id), ...words(title)];
    const topics = topicIds.flatMap(words);
    // A word in the diagram's own name counts fully; one only in the topics it illustrates, half.
    const weights = wanted.map((w): number => (names.some((v) => sameWord(v, w)) ? 1 : topics.some((v) => sameWord(v, w)) ? 0.5 : 0));
    return { id, matched: weights.filter((w) => w > 0).length, score: weights.reduce((a, b) => a + b, 0) };
  }).filter((s) => s.score > 0);
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored.filter((s) => s.matched === wanted.length);
  if (best && (!second || best.score > second.score)) return { found: true, id: best.id };
  return { found: false, closeMatches: scored.map((s) => s.id) };
}
