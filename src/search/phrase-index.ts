import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { stemToken, toSurfaceTokens } from './analyse-text.ts';
import { SpellingCorrector } from './spelling-corrector.ts';

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

/**
 * Every phrase of every topic, analysed, with the speller built from the knowledge base's own words.
 * Example questions are written the way learners type, typos included ("open containr initiative"), so
 * their words are corrected against the rest of the text exactly as queries are; otherwise a typo in an
 * example would become a "known" word and stop being corrected in questions.
 */
export function buildPhraseIndex(knowledge: KnowledgeBase): { records: PhraseRecord[]; speller: SpellingCorrector } {
  const phrases = knowledge.topics.flatMap((topic) => phrasesOf(topic).map(([kind, text]) => ({ topic, kind, text })));
  const isExample = (p: { topic: Topic; text: string; kind: PhraseKind }) => p.kind === 'question' && p.topic.questions.includes(p.text);

  const vocabulary: string[] = [];
  for (const phrase of phrases) {
    if (!isExample(phrase)) vocabulary.push(...toSurfaceTokens(phrase.text));
  }
  const cleanSpeller = new SpellingCorrector(vocabulary);
  for (const phrase of phrases) {
    if (isExample(phrase)) vocabulary.push(...toSurfaceTokens(phrase.text).map((w) => cleanSpeller.correct(w)?.word ?? w));
  }
  const speller = new SpellingCorrector(vocabulary);

  const records: PhraseRecord[] = [];
  for (const { topic, kind, text } of phrases) {
    const terms = [...new Set(correctAndStem(toSurfaceTokens(text), speller).map((t) => t.term))];
    if (terms.length > 0) records.push({ topicId: topic.id, kind, terms, text: terms.map(delimitTerm).join(' ') });
  }
  return { records, speller };
}

/** Spelling-corrects and stems words; `distance` is 0 for a word as typed, more for a correction. */
export function correctAndStem(words: readonly string[], speller: SpellingCorrector): Array<{ term: string; distance: number }> {
  return words.map((word) => {
    const correction = speller.correct(word);
    return { term: stemToken(correction?.word ?? word), distance: correction?.distance ?? 0 };
  });
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
