import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { analyseText, toSurfaceTokens } from './analyse-text.ts';

/** Where in a topic a phrase comes from; the kind sets how much a match on it counts. */
export type PhraseKind = 'title' | 'alias' | 'question' | 'keyword' | 'command' | 'summary' | 'body';

/** One searchable phrase of one topic, analysed once at start-up. */
export interface PhraseRecord {
  topicId: string;
  kind: PhraseKind;
  /** Distinct analysed terms. */
  terms: readonly string[];
  /** The terms as Fuse.js sees them: each wrapped in `<` `>` so that a term only ever matches a whole term. */
  text: string;
}

/** Wraps a term so Fuse's substring matching cannot match "run" inside "runc". */
export const delimitTerm = (term: string): string => `<${term}>`;

/** Splits a delimited record text back into its terms; handed to Fuse as its tokenizer. */
export const splitDelimited = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));

function phrasesOf(topic: Topic): Array<[PhraseKind, string]> {
  return [
    ['title', topic.title],
    ...topic.aliases.map((a): [PhraseKind, string] => ['alias', a]),
    ...topic.questions.map((q): [PhraseKind, string] => ['question', q]),
    ...topic.keywords.map((k): [PhraseKind, string] => ['keyword', k]),
    ...topic.commands.map((c): [PhraseKind, string] => ['command', c]),
    // Flash-card fronts and quiz questions are more ways of asking about the topic.
    ...topic.cards.map((c): [PhraseKind, string] => ['question', c.front]),
    ...topic.mcq.map((q): [PhraseKind, string] => ['question', q.question]),
    ['summary', topic.summary],
    // The explanation itself, so the words of a long question ("npm", "cache") are known words.
    ['body', [topic.body, ...topic.cards.map((c) => c.back)].join('\n')],
  ];
}

/** Every phrase of every topic, analysed, plus the vocabulary of words they use. */
export function buildPhraseIndex(knowledge: KnowledgeBase): { records: PhraseRecord[]; vocabulary: Set<string> } {
  const records: PhraseRecord[] = [];
  const vocabulary = new Set<string>();
  for (const topic of knowledge.topics) {
    for (const [kind, phrase] of phrasesOf(topic)) {
      for (const word of toSurfaceTokens(phrase)) vocabulary.add(word);
      const terms = [...new Set(analyseText(phrase))];
      if (terms.length > 0) records.push({ topicId: topic.id, kind, terms, text: terms.map(delimitTerm).join(' ') });
    }
  }
  return { records, vocabulary };
}

/** Inverse document frequency over phrase records, the same BM25-style formula Fuse.js uses internally. */
export function inverseDocumentFrequencies(records: readonly PhraseRecord[]): {
  idf: (term: string) => number;
} {
  const documentFrequency = new Map<string, number>();
  for (const record of records) {
    for (const term of record.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = records.length;
  return { idf: (term) => Math.log(1 + (n - (documentFrequency.get(term) ?? 0) + 0.5) / ((documentFrequency.get(term) ?? 0) + 0.5)) };
}
