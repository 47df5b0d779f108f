import type { KnowledgeBase } from '../knowledge/index.ts';
import { DockerFeatureFinder } from './feature-gate.ts';
import { PairTopics, type PairTopicsSnapshot } from './pair-topics.ts';
import { buildPhraseIndex, type Lexicon, type PhraseIndex } from './phrase-index.ts';
import { DockerTermCorrector, SpellingCorrector, type SpellingCorrectorSnapshot } from './spelling-corrector.ts';

/**
 * What the answer engine builds from the knowledge alone, whatever its options: about 95% of its construction
 * (350 to 420 ms of CPU in a fresh process for the 76 shipped topics, at a load average of 7: tokenising every
 * phrase, bodies included, and reading every topic for the Docker features it explains), so what a start reads
 * from the cache instead (`load-answer-engine.ts`). The constructor derives the rest from it in 10 to 25 ms.
 *
 * Built state added later either goes here, with a way in and out of a snapshot in `SNAPSHOT_FIELDS` (the
 * compiler asks for one), or is built by the engine's constructor on every start.
 */
export interface EngineIndex {
  /** Every phrase of every topic, analysed, with the speller built from the knowledge's own words. */
  phrases: PhraseIndex;
  /** The Docker features named by each topic; see {@link DockerFeatureFinder}. */
  features: DockerFeatureFinder;
}

/** Builds what {@link EngineIndex} holds from the knowledge (about 120 ms with its code warm, 350 ms or more in a fresh process, for 76 topics). */
export function buildEngineIndex(knowledge: KnowledgeBase): EngineIndex {
  return { phrases: buildPhraseIndex(knowledge), features: new DockerFeatureFinder(knowledge.topics) };
}

/**
 * An {@link EngineIndex} as data that structured clone (`node:v8`'s `serialize` and `deserialize`) keeps as it
 * is: typed arrays, `Map`s, `Set`s, arrays, strings and numbers, and no class instances, whose private fields
 * it would drop.
 */
export type EngineIndexSnapshot = { readonly [K in keyof EngineIndex]: unknown };

/** One field of {@link EngineIndex}, into a snapshot and back; `load` throws a `TypeError` on data of the wrong shape. */
interface FieldSnapshot<T> {
  save(value: T): unknown;
  load(data: unknown): T;
}

const SNAPSHOT_FIELDS: { readonly [K in keyof EngineIndex]: FieldSnapshot<EngineIndex[K]> } = {
  phrases: { save: phraseIndexToSnapshot, load: (data) => phraseIndexFromSnapshot(data as PhraseIndexSnapshot) },
  features: { save: (finder) => finder.toSnapshot(), load: (data) => DockerFeatureFinder.fromSnapshot(data as { explainedBy: string[][] }) },
};

const FIELDS = Object.keys(SNAPSHOT_FIELDS) as Array<keyof EngineIndex>;

/** The index as {@link EngineIndexSnapshot} data, sharing its arrays rather than copying them. */
export function engineIndexToSnapshot(index: EngineIndex): EngineIndexSnapshot {
  return Object.fromEntries(FIELDS.map((field) => [field, (SNAPSHOT_FIELDS[field] as FieldSnapshot<unknown>).save(index[field])])) as EngineIndexSnapshot;
}

/**
 * The index an {@link engineIndexToSnapshot} snapshot describes, using its arrays as they are; the spelling
 * correctors and the feature finder's look-up of forms are rebuilt from their word lists (a few milliseconds).
 * @throws TypeError when `snapshot` is not one (a field missing or of another type)
 */
export function engineIndexFromSnapshot(snapshot: unknown): EngineIndex {
  if (typeof snapshot !== 'object' || snapshot === null) throw new TypeError('not an answer engine index snapshot');
  const data = snapshot as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((field) => [field, (SNAPSHOT_FIELDS[field] as FieldSnapshot<unknown>).load(data[field])])) as unknown as EngineIndex;
}

/** A {@link PhraseIndex} with its class instances replaced by their snapshots. */
type PhraseIndexSnapshot = Omit<PhraseIndex, 'pairTopics' | 'lexicon'> & {
  pairTopics: PairTopicsSnapshot;
  lexicon: Omit<Lexicon, 'speller' | 'dockerTerms'> & { speller: SpellingCorrectorSnapshot; dockerTerms: { terms: string[] } };
};

/**
 * The phrase index's own fields as they are (typed arrays, the term numbering, the stems), and its class
 * instances as their snapshots. A field added later is kept as it is when structured clone can keep it;
 * anything else (a class instance) throws here, so that it is not silently dropped: it needs a snapshot of its own.
 */
function phraseIndexToSnapshot(index: PhraseIndex): PhraseIndexSnapshot {
  const { pairTopics, lexicon, ...data } = index;
  const { speller, dockerTerms, ...words } = lexicon;
  for (const [field, value] of [...Object.entries(data), ...Object.entries(words)]) {
    if (!isCloneableAsIs(value)) throw new TypeError(`the phrase index's ${field} is not plain data: give it a snapshot in engine-index.ts`);
  }
  return { ...data, pairTopics: pairTopics.toSnapshot(), lexicon: { ...words, speller: speller.toSnapshot(), dockerTerms: dockerTerms.toSnapshot() } };
}

function phraseIndexFromSnapshot(snapshot: PhraseIndexSnapshot): PhraseIndex {
  const { pairTopics, lexicon, ...data } = snapshot;
  const { speller, dockerTerms, ...words } = lexicon;
  if (typeof data.recordCount !== 'number' || !(data.termIds instanceof Map) || !Array.isArray(data.terms) || !(words.stems instanceof Set)) {
    throw new TypeError('not a phrase index snapshot');
  }
  return {
    ...data,
    pairTopics: PairTopics.fromSnapshot(pairTopics),
    lexicon: { ...words, speller: SpellingCorrector.fromSnapshot(speller), dockerTerms: DockerTermCorrector.fromSnapshot(dockerTerms) },
  };
}

/** Whether structured clone gives back a value of the same kind: a primitive, a typed array, or a plain object, array, `Map` or `Set`. */
function isCloneableAsIs(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function' && typeof value !== 'symbol';
  if (ArrayBuffer.isView(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === Array.prototype || prototype === Map.prototype || prototype === Set.prototype || prototype === null;
}
