import { analyseText } from './analyse-text.ts';

/** How much two questions' analysed words must overlap (Jaccard) to be one group. */
const SAME_QUESTION = 0.5;

export interface QuestionGroup<T> {
  /** The first question seen of the group, which the others were compared with. */
  representative: string;
  members: T[];
}

/**
 * Groups questions that say the same thing in other words ("shrink my image", "make image smaller"):
 * each is analysed as the engine reads it (synonyms, stems, no stopwords) and joins the first group whose
 * representative shares at least half its words. Greedy and order-dependent, which is fine for a
 * maintainer's reading list of a few thousand questions.
 */
export function groupSimilarQuestions<T>(items: readonly T[], questionOf: (item: T) => string): QuestionGroup<T>[] {
  const groups: (QuestionGroup<T> & { words: Set<string> })[] = [];
  for (const item of items) {
    const question = questionOf(item);
    const words = new Set(analyseText(question));
    const home = groups.find((g) => jaccard(g.words, words) >= SAME_QUESTION || (words.size === 0 && g.words.size === 0 && sameText(g.representative, question)));
    if (home) home.members.push(item);
    else groups.push({ representative: question, members: [item], words });
  }
  return groups.map(({ representative, members }) => ({ representative, members }));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
