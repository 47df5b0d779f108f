import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { stemToken, toSurfaceTokens } from './analyse-text.ts';
import { DOCKER_SUBCOMMANDS } from './docker-vocabulary.ts';
import { DockerTermCorrector, SpellingCorrector } from './spelling-corrector.ts';

/** Where in a topic a phrase comes from; the kind sets how much a match on it counts. */
export type PhraseKind = 'title' | 'alias' | 'question' | 'keyword' | 'command' | 'summary' | 'body';

/** One searchable phrase of one topic, analysed once at start-up. */
export interface PhraseRecord {
  topicId: string;
  kind: PhraseKind;
  /** Distinct analysed terms. */
  terms: ReadonlySet<string>;
}

/** The knowledge base's phrases, analysed, with what lookups need: postings per term and the speller. */
export interface PhraseIndex {
  records: PhraseRecord[];
  /** For each term, the indexes of the records that contain it. */
  postings: ReadonlyMap<string, readonly number[]>;
  /**
   * For each pair of terms used side by side in a phrase other than a body (see {@link adjacentPairs}), the
   * topic whose phrases use it, or the topics when there are several (most pairs have one: no array).
   */
  pairTopics: ReadonlyMap<number, string | readonly string[]>;
  /** A number for every term, so that a pair of terms is one number rather than a string. */
  termIds: ReadonlyMap<string, number>;
  /** Corrects words into the knowledge base's vocabulary; see {@link correctAndStem}. */
  lexicon: Lexicon;
}

/** The knowledge base's words: their stems, and a speller for the rest. */
export interface Lexicon {
  speller: SpellingCorrector;
  /** Corrects short words into Docker terms only: see {@link DockerTermCorrector}. */
  dockerTerms: DockerTermCorrector;
  stems: ReadonlySet<string>;
}

/** Phrases that name a topic's subject: their words, with the docker CLI's subcommands, are the Docker vocabulary. */
export const NAMING_KINDS: ReadonlySet<PhraseKind> = new Set(['title', 'alias', 'keyword', 'command']);

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
export function buildPhraseIndex(knowledge: KnowledgeBase): PhraseIndex {
  const phrases = knowledge.topics.flatMap((topic) => phrasesOf(topic).map(([kind, text]) => ({ topic, kind, text })));
  const isExample = (p: { topic: Topic; text: string; kind: PhraseKind }) => p.kind === 'question' && p.topic.questions.includes(p.text);

  const vocabulary: string[] = [];
  const dockerVocabulary: string[] = [...DOCKER_SUBCOMMANDS];
  for (const phrase of phrases) {
    if (isExample(phrase)) continue;
    const words = toSurfaceTokens(phrase.text);
    vocabulary.push(...words);
    if (NAMING_KINDS.has(phrase.kind)) dockerVocabulary.push(...words);
  }
  const dockerTerms = new DockerTermCorrector(dockerVocabulary);
  const cleanLexicon = lexiconOf(vocabulary, dockerTerms);
  for (const phrase of phrases) {
    if (!isExample(phrase)) continue;
    for (const word of toSurfaceTokens(phrase.text)) {
      vocabulary.push(cleanLexicon.stems.has(stemToken(word)) ? word : (cleanLexicon.speller.correct(word)?.word ?? word));
    }
  }
  const lexicon = lexiconOf(vocabulary, dockerTerms);

  const records: PhraseRecord[] = [];
  const postings = new Map<string, number[]>();
  const pairTopics = new Map<number, string | string[]>();
  const termIds = new Map<string, number>();
  for (const { topic, kind, text } of phrases) {
    const ordered = correctAndStem(toSurfaceTokens(text), lexicon).map((t) => t.term);
    for (const term of ordered) if (!termIds.has(term)) termIds.set(term, termIds.size);
    // Bodies are most of the text and would double the index's memory; their pairs add nothing measurable.
    if (kind !== 'body') for (const pair of adjacentPairs(ordered, termIds)) addTopic(pairTopics, pair, topic.id);
    const terms = [...new Set(ordered)];
    if (terms.length === 0) continue;
    for (const term of terms) {
      const list = postings.get(term) ?? [];
      list.push(records.length);
      postings.set(term, list);
    }
    records.push({ topicId: topic.id, kind, terms: new Set(terms) });
  }
  return { records, postings, pairTopics, termIds, lexicon };
}

/** Phrases come topic by topic, so a topic already listed for a pair is the last one listed. */
function addTopic(pairTopics: Map<number, string | string[]>, pair: number, topicId: string): void {
  const topics = pairTopics.get(pair);
  if (topics === undefined) pairTopics.set(pair, topicId);
  else if (typeof topics === 'string') {
    if (topics !== topicId) pairTopics.set(pair, [topics, topicId]);
  } else if (topics.at(-1) !== topicId) topics.push(topicId);
}

/** Term numbers stay below this, so that a pair of them is one safe integer. */
const MAX_TERMS = 2 ** 24;

/**
 * Neighbouring known terms, each pair as one number: "build cache" is more than "build" and "cache" found
 * apart. A topic that uses a question's pairs speaks its language; one that only shares its words ("bash
 * script exit" against `docker exec ... bash`, `exit`) may just share a vocabulary.
 */
export function adjacentPairs(terms: readonly string[], termIds: ReadonlyMap<string, number>): number[] {
  const pairs: number[] = [];
  for (let i = 1; i < terms.length; i++) {
    const first = termIds.get(terms[i - 1]!);
    const second = termIds.get(terms[i]!);
    if (first !== undefined && second !== undefined && first !== second && second < MAX_TERMS) pairs.push(first * MAX_TERMS + second);
  }
  return pairs;
}

function lexiconOf(words: readonly string[], dockerTerms: DockerTermCorrector): Lexicon {
  return { speller: new SpellingCorrector(words), dockerTerms, stems: new Set(words.map(stemToken)) };
}

/** The distance given to a {@link DockerTermCorrector} correction: one slip, like a Fuse.js score for one edit in five letters. */
const DOCKER_TERM_DISTANCE = 0.2;

/**
 * Stems words, correcting the misspelt ones first (with the speller, then into a Docker term for short words); `distance` is 0 for a word as typed. A word whose stem
 * the knowledge base knows is never "corrected": "pausing" is not in it, but "pause" is.
 */
export function correctAndStem(words: readonly string[], lexicon: Lexicon): Array<{ term: string; distance: number }> {
  return words.map((word) => {
    const stem = stemToken(word);
    if (lexicon.stems.has(stem)) return { term: stem, distance: 0 };
    const correction = lexicon.speller.correct(word);
    if (correction) return { term: stemToken(correction.word), distance: correction.distance };
    const dockerTerm = lexicon.dockerTerms.correct(word);
    return dockerTerm ? { term: stemToken(dockerTerm), distance: DOCKER_TERM_DISTANCE } : { term: stem, distance: 0 };
  });
}

/** Inverse document frequency over phrase records (the BM25 form): rare terms weigh more. */
export function inverseDocumentFrequency(recordCount: number, documentFrequency: number): number {
  return Math.log(1 + (recordCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
