import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { stemToken, surfaceTokenMemoOf, toSurfaceTokensWith, withOwnStems } from './analyse-text.ts';
import { COMMON_ENGLISH_STEMS } from './common-english.ts';
import { DOCKER_SUBCOMMANDS } from './docker-vocabulary.ts';
import { PairTopics } from './pair-topics.ts';
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
   * number of the topic whose phrases use it, or the topics when there are several.
   */
  pairTopics: PairTopics;
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
  return withOwnStems(() => buildIndex(knowledge));
}

function buildIndex(knowledge: KnowledgeBase): PhraseIndex {
  const kindIndex = new Map(PHRASE_KINDS.map((kind, i) => [kind, i]));
  const naming = PHRASE_KINDS.map((kind) => NAMING_KINDS.has(kind));
  const body = PHRASE_KINDS.indexOf('body');
  // Every phrase's words, each distinct word numbered once: a phrase's word numbers are consecutive in one
  // flat list, rather than an array of strings per phrase.
  const wordNumbers = new Map<string, number>();
  const words: string[] = [];
  const phraseWords = new IntList();
  const phraseWordStart = new IntList();
  const phraseTopic = new IntList();
  const phraseKind = new IntList();
  /** Whether each phrase is an example question, worded as learners type: corrected against the rest. */
  const phraseIsExample: boolean[] = [];
  // Words are numbered in the order they are first written: each distinct raw token's words once.
  const tokenMemo = surfaceTokenMemoOf((word) => {
    let number = wordNumbers.get(word);
    if (number === undefined) {
      number = words.length;
      wordNumbers.set(word, number);
      words.push(word);
    }
    return number;
  });
  knowledge.topics.forEach((topic, topicIndex) => {
    const examples = new Set(topic.questions);
    for (const [kind, text] of phrasesOf(topic)) {
      phraseWordStart.push(phraseWords.length);
      phraseTopic.push(topicIndex);
      phraseKind.push(kindIndex.get(kind)!);
      phraseIsExample.push(kind === 'question' && examples.has(text));
      for (const number of toSurfaceTokensWith(text, tokenMemo)) phraseWords.push(number);
    }
  });
  phraseWordStart.push(phraseWords.length);
  const phraseCount = phraseTopic.length;

  // The words of every phrase but the example questions, counted in the order they are first used.
  const wordCounts = new Int32Array(words.length);
  const firstUsed: number[] = [];
  const dockerVocabulary = new Set<string>(DOCKER_SUBCOMMANDS);
  for (let p = 0; p < phraseCount; p++) {
    if (phraseIsExample[p]) continue;
    const isNaming = naming[phraseKind.at(p)]!;
    for (let k = phraseWordStart.at(p); k < phraseWordStart.at(p + 1); k++) {
      const w = phraseWords.at(k);
      if (wordCounts[w] === 0) firstUsed.push(w);
      wordCounts[w]!++;
      if (isNaming) dockerVocabulary.add(words[w]!);
    }
  }
  const counts = new Map<string, number>();
  for (const w of firstUsed) counts.set(words[w]!, wordCounts[w]!);
  const dockerTerms = new DockerTermCorrector(dockerVocabulary);
  const cleanLexicon = lexiconOf(counts, dockerTerms);
  // Each distinct example word corrected once against the rest, then counted where it is used.
  const exampleWord = new Map<number, string>();
  for (let p = 0; p < phraseCount; p++) {
    if (!phraseIsExample[p]) continue;
    for (let k = phraseWordStart.at(p); k < phraseWordStart.at(p + 1); k++) {
      const w = phraseWords.at(k);
      let corrected = exampleWord.get(w);
      if (corrected === undefined) {
        const word = words[w]!;
        corrected = isRealWord(word, cleanLexicon) ? word : (cleanLexicon.speller.correct(word)?.word ?? word);
        exampleWord.set(w, corrected);
      }
      counts.set(corrected, (counts.get(corrected) ?? 0) + 1);
    }
  }
  const lexicon = lexiconOf(counts, dockerTerms);

  const recordTopic = new IntList();
  const recordKind = new IntList();
  const recordTermStart = new IntList();
  recordTermStart.push(0);
  const recordTerms = new IntList();
  const topicRecordStart = new Int32Array(knowledge.topics.length + 1);
  const pairFirsts = new IntList();
  const pairSeconds = new IntList();
  const pairUsers = new IntList();
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const documentFrequency = new IntList();
  // Each distinct word corrected, stemmed and numbered once: its term depends on the word alone. Terms are
  // numbered in the order phrases first use them.
  const wordTerm = new Int32Array(words.length).fill(-1);
  /** For each term, the last phrase it was met in: a phrase's distinct terms without a `Set`. */
  const lastPhrase = new IntList();
  // A phrase's distinct terms, sorted as numbers in a typed array: a comparator sort of a `number[]` per phrase
  // was a third of this loop's time at 50,000 topics.
  let longestPhrase = 0;
  for (let p = 0; p < phraseCount; p++) longestPhrase = Math.max(longestPhrase, phraseWordStart.at(p + 1) - phraseWordStart.at(p));
  const ids = new Int32Array(longestPhrase);
  for (let p = 0; p < phraseCount; p++) {
    const topicIndex = phraseTopic.at(p);
    const kind = phraseKind.at(p);
    let distinct = 0;
    let previous = -1;
    for (let k = phraseWordStart.at(p); k < phraseWordStart.at(p + 1); k++) {
      const w = phraseWords.at(k);
      let id = wordTerm[w]!;
      if (id < 0) {
        const term = correctAndStem([words[w]!], lexicon)[0]!.term;
        let known = termIds.get(term);
        if (known === undefined) {
          known = terms.length;
          termIds.set(term, known);
          terms.push(term);
          documentFrequency.push(0);
          lastPhrase.push(-1);
        }
        id = wordTerm[w] = known;
      }
      // Bodies are most of the text and would double the index's memory; their pairs add nothing measurable.
      // The pairs are those of adjacentPairs: every term here has a number.
      if (kind !== body && previous >= 0 && previous !== id && id < MAX_TERMS) {
        pairFirsts.push(previous);
        pairSeconds.push(id);
        pairUsers.push(topicIndex);
      }
      previous = id;
      if (lastPhrase.at(id) !== p) {
        lastPhrase.set(id, p);
        ids[distinct++] = id;
      }
    }
    if (distinct === 0) continue;
    for (const id of ids.subarray(0, distinct).sort()) {
      recordTerms.push(id);
      documentFrequency.set(id, documentFrequency.at(id) + 1);
    }
    recordTopic.push(topicIndex);
    recordKind.push(kind);
    recordTermStart.push(recordTerms.length);
    topicRecordStart[topicIndex + 1] = recordTopic.length;
  }
  // A topic without records starts and ends where the one before it ends.
  for (let t = 1; t < topicRecordStart.length; t++) topicRecordStart[t] = Math.max(topicRecordStart[t]!, topicRecordStart[t - 1]!);

  const recordCount = recordTopic.length;
  const recordTermStarts = recordTermStart.toInt32Array();
  const recordTermList = recordTerms.toInt32Array();
  const postingStart = new Int32Array(terms.length + 1);
  for (let id = 0; id < terms.length; id++) postingStart[id + 1] = postingStart[id]! + documentFrequency.at(id);
  const postingRecords = new Int32Array(recordTermList.length);
  const filled = postingStart.slice(0, terms.length);
  for (let r = 0; r < recordCount; r++) {
    for (let k = recordTermStarts[r]!; k < recordTermStarts[r + 1]!; k++) postingRecords[filled[recordTermList[k]!]!++] = r;
  }
  return {
    recordCount,
    recordTopic: recordTopic.toInt32Array(),
    recordKind: Uint8Array.from(recordKind.toInt32Array()),
    recordTermStart: recordTermStarts,
    recordTerms: recordTermList,
    topicRecordStart,
    postingStart,
    postingRecords,
    pairTopics: PairTopics.from(pairFirsts.toInt32Array(), pairSeconds.toInt32Array(), pairUsers.toInt32Array(), terms.length, knowledge.topics.length, MAX_TERMS),
    termIds,
    terms,
    lexicon,
  };
}

/** A growing list of 32-bit integers in one typed array: a quarter of the memory of a `number[]` of millions. */
class IntList {
  #items = new Int32Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#items.length) {
      const grown = new Int32Array(this.#items.length * 2);
      grown.set(this.#items);
      this.#items = grown;
    }
    this.#items[this.#length++] = value;
  }

  at(index: number): number {
    return this.#items[index]!;
  }

  set(index: number, value: number): void {
    this.#items[index] = value;
  }

  /** The items, in a typed array of their own length. */
  toInt32Array(): Int32Array {
    return this.#items.slice(0, this.#length);
  }
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
