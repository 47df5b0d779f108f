import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { stemToken, toSurfaceTokens } from './analyse-text.ts';
import { COMMON_ENGLISH_STEMS } from './common-english.ts';
import { DOCKER_SUBCOMMANDS } from './docker-vocabulary.ts';
import { DockerTermCorrector, SpellingCorrector } from './spelling-corrector.ts';

/** Where in a topic a phrase comes from; the kind sets how much a match on it counts. */
export type PhraseKind = 'title' | 'alias' | 'question' | 'keyword' | 'command' | 'summary' | 'body';

/** Every kind, in the order {@link PhraseIndex.recordKind} numbers them. */
export const PHRASE_KINDS: readonly PhraseKind[] = ['title', 'alias', 'question', 'keyword', 'command', 'summary', 'body'];

/**
 * The knowledge base's phrases, analysed, as flat typed arrays (compressed sparse rows) rather than one object
 * and one `Set` per phrase: 50,000 topics hold about a million phrases. Terms are numbered
 * ({@link PhraseIndex.termIds}); topics are numbered by their position in `knowledge.topics`; a topic's
 * phrases are consecutive records.
 */
export interface PhraseIndex {
  /** How many phrase records there are (phrases with at least one term). */
  recordCount: number;
  /** For each record, the number of its topic. */
  recordTopic: Int32Array;
  /** For each record, its kind's index in {@link PHRASE_KINDS}. */
  recordKind: Uint8Array;
  /** Record `r`'s distinct term numbers, ascending, are `recordTerms[recordTermStart[r] .. recordTermStart[r + 1])`. */
  recordTermStart: Int32Array;
  recordTerms: Int32Array;
  /** Topic `t`'s records are `topicRecordStart[t] .. topicRecordStart[t + 1]` (none for a topic without terms). */
  topicRecordStart: Int32Array;
  /** The records that contain term `i`, ascending: `postingRecords[postingStart[i] .. postingStart[i + 1])`. */
  postingStart: Int32Array;
  postingRecords: Int32Array;
  /**
   * For each pair of terms used side by side in a phrase other than a body (see {@link adjacentPairs}), the
   * number of the topic whose phrases use it, or the topics when there are several (most pairs have one: no array).
   */
  pairTopics: ReadonlyMap<number, number | readonly number[]>;
  /** A number for every term, so that a pair of terms is one number rather than a string. */
  termIds: ReadonlyMap<string, number>;
  /** The terms by number. */
  terms: readonly string[];
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
 * example would become a "known" word and stop being corrected in questions. Each phrase is analysed once
 * and each distinct word stemmed once.
 */
export function buildPhraseIndex(knowledge: KnowledgeBase): PhraseIndex {
  const kindIndex = new Map(PHRASE_KINDS.map((kind, i) => [kind, i]));
  const phrases = knowledge.topics.flatMap((topic, topicIndex) => {
    const examples = new Set(topic.questions);
    return phrasesOf(topic).map(([kind, text]) => ({
      topicIndex,
      kind,
      words: toSurfaceTokens(text),
      // An example question, worded as learners type: corrected against the rest.
      example: kind === 'question' && examples.has(text),
    }));
  });

  const counts = new Map<string, number>();
  const count = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  const dockerVocabulary = new Set<string>(DOCKER_SUBCOMMANDS);
  for (const phrase of phrases) {
    if (phrase.example) continue;
    for (const word of phrase.words) count(word);
    if (NAMING_KINDS.has(phrase.kind)) for (const word of phrase.words) dockerVocabulary.add(word);
  }
  const dockerTerms = new DockerTermCorrector(dockerVocabulary);
  const cleanLexicon = lexiconOf(counts, dockerTerms);
  const exampleWords: string[] = [];
  for (const phrase of phrases) {
    if (!phrase.example) continue;
    for (const word of phrase.words) exampleWords.push(isRealWord(word, cleanLexicon) ? word : (cleanLexicon.speller.correct(word)?.word ?? word));
  }
  for (const word of exampleWords) count(word);
  const lexicon = lexiconOf(counts, dockerTerms);

  const recordTopic: number[] = [];
  const recordKind: number[] = [];
  const recordTermStart: number[] = [0];
  const recordTerms: number[] = [];
  const topicRecordStart = new Int32Array(knowledge.topics.length + 1);
  const pairTopics = new Map<number, number | number[]>();
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const documentFrequency: number[] = [];
  for (const { topicIndex, kind, words } of phrases) {
    const ordered = correctAndStem(words, lexicon).map((t) => t.term);
    for (const term of ordered) {
      if (!termIds.has(term)) {
        termIds.set(term, terms.length);
        terms.push(term);
        documentFrequency.push(0);
      }
    }
    // Bodies are most of the text and would double the index's memory; their pairs add nothing measurable.
    if (kind !== 'body') for (const pair of adjacentPairs(ordered, termIds)) addTopic(pairTopics, pair, topicIndex);
    const ids = [...new Set(ordered.map((term) => termIds.get(term)!))].sort((a, b) => a - b);
    if (ids.length === 0) continue;
    for (const id of ids) {
      recordTerms.push(id);
      documentFrequency[id]!++;
    }
    recordTopic.push(topicIndex);
    recordKind.push(kindIndex.get(kind)!);
    recordTermStart.push(recordTerms.length);
    topicRecordStart[topicIndex + 1] = recordTopic.length;
  }
  // A topic without records starts and ends where the one before it ends.
  for (let t = 1; t < topicRecordStart.length; t++) topicRecordStart[t] = Math.max(topicRecordStart[t]!, topicRecordStart[t - 1]!);

  const postingStart = new Int32Array(terms.length + 1);
  for (let id = 0; id < terms.length; id++) postingStart[id + 1] = postingStart[id]! + documentFrequency[id]!;
  const postingRecords = new Int32Array(recordTerms.length);
  const filled = postingStart.slice(0, terms.length);
  for (let r = 0; r < recordTopic.length; r++) {
    for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) postingRecords[filled[recordTerms[k]!]!++] = r;
  }
  return {
    recordCount: recordTopic.length,
    recordTopic: Int32Array.from(recordTopic),
    recordKind: Uint8Array.from(recordKind),
    recordTermStart: Int32Array.from(recordTermStart),
    recordTerms: Int32Array.from(recordTerms),
    topicRecordStart,
    postingStart,
    postingRecords,
    pairTopics,
    termIds,
    terms,
    lexicon,
  };
}

/** Phrases come topic by topic, so a topic already listed for a pair is the last one listed. */
function addTopic(pairTopics: Map<number, number | number[]>, pair: number, topicId: number): void {
  const topics = pairTopics.get(pair);
  if (topics === undefined) pairTopics.set(pair, topicId);
  else if (typeof topics === 'number') {
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

/** The two term numbers of a pair made by {@link adjacentPairs}, in order. */
export function pairTermIds(pair: number): [number, number] {
  return [Math.floor(pair / MAX_TERMS), pair % MAX_TERMS];
}

/** @param counts every word of the knowledge base with how often it is used */
function lexiconOf(counts: ReadonlyMap<string, number>, dockerTerms: DockerTermCorrector): Lexicon {
  return { speller: new SpellingCorrector(counts), dockerTerms, stems: new Set([...counts.keys()].map(stemToken)) };
}

/** The distance given to a {@link DockerTermCorrector} correction: one slip, like a Fuse.js score for one edit in five letters. */
const DOCKER_TERM_DISTANCE = 0.2;

/**
 * A word that is never "corrected": one whose stem the knowledge base knows ("pausing" is not in it, but
 * "pause" is), or a common English word of {@link SHORTEST_GUARDED_WORD} letters or more
 * ({@link COMMON_ENGLISH_STEMS}: "extension" is not a typo of "expansion"). A slip that makes another real
 * word cannot be told from that word.
 */
function isRealWord(word: string, lexicon: Lexicon): boolean {
  const stem = stemToken(word);
  return lexicon.stems.has(stem) || (word.length >= SHORTEST_GUARDED_WORD && COMMON_ENGLISH_STEMS.has(stem));
}

/**
 * Common words shorter than this may still be corrected into a Docker term: subtitles' frequent words include
 * names and clipped words ("mont"), and a four-letter word is corrected only when exactly one Docker term is
 * one edit away (see `DockerTermCorrector`).
 */
const SHORTEST_GUARDED_WORD = 5;

/**
 * Stems words, correcting the misspelt ones first (with the speller, then into a Docker term for short words); `distance` is 0 for a word as typed. A real
 * word (see {@link isRealWord}) is never "corrected".
 */
export function correctAndStem(words: readonly string[], lexicon: Lexicon): Array<{ term: string; distance: number }> {
  return words.map((word) => {
    const stem = stemToken(word);
    if (isRealWord(word, lexicon)) return { term: stem, distance: 0 };
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
