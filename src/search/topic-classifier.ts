import { PHRASE_KINDS, type PhraseIndex } from './phrase-index.ts';
import type { RerankWeights } from './scoring-weights.ts';

/** One analysed term of a question, as the classifier reads it. */
export interface ClassifiedTerm {
  /** Its number in the index ({@link PhraseIndex.termIds}). */
  id: number;
  /** How much it counts (0..1): 1 as typed, less for a spelling correction. */
  certainty: number;
}

/** What the classifier is trained with: see {@link RerankWeights}. */
export type ClassifierOptions = Pick<RerankWeights, 'smoothing' | 'kindCount' | 'pairWeight' | 'temperature'>;

/**
 * A second opinion on which of a few topics a question is about: a multinomial naive Bayes text classifier
 * (McCallum & Nigam 1998; the smoothing and the weighting of naming fields as in Rennie et al. 2003, "Tackling
 * the poor assumptions of naive Bayes text classifiers") whose documents are each topic's phrases other than
 * the body (title, aliases, keywords, commands, summary, example questions, card fronts, quiz questions) and
 * whose features are the engine's own analysed terms and the neighbouring term pairs of those phrases.
 *
 * Where the ranking asks which single phrase matches the question best, the classifier pools every phrase of
 * a topic: of two neighbours that both use "volume" and "mount", the one whose phrases use "bind" thirty times
 * is likelier to have written "bind mount" than the one that mentions it once.
 *
 * Training is a count, read from the index the engine has already built: one pass over the records (each
 * phrase's distinct terms) for each topic's total, and one over the pairs' topics; no per-topic table of
 * counts is kept, since a topic's count of a term is read from its own phrases when it is asked about, for
 * the few topics reranked. So the build costs O(terms in phrases) time and O(topics + terms) memory beyond
 * the index, at any size; a question costs O(phrases of the topics asked about + pairs × log pairs).
 */
export class TopicClassifier {
  readonly #index: PhraseIndex;
  readonly #options: ClassifierOptions;
  /** Each phrase kind's count (0 for the body), by {@link PHRASE_KINDS} index. */
  readonly #kindCount: Float64Array;
  /** Each topic's total count of terms over its phrases other than the body (each weighted by its kind's count). */
  readonly #topicTermTotals: Float64Array;
  /** Each topic's number of distinct neighbouring term pairs. */
  readonly #topicPairTotals: Float64Array;
  /** 1 for each term some phrase other than a body uses: the classifier's vocabulary. */
  readonly #trained: Uint8Array;
  /** How many terms and pairs the vocabulary holds. */
  readonly #termVocabulary: number;
  readonly #pairVocabulary: number;
  /** Per-question scratch: which of the question's terms (slot) a term number is, valid when its stamp is the question's. */
  readonly #termStamp: Uint32Array;
  readonly #termSlot: Int32Array;
  #stamp = 0;

  /**
   * @param index the engine's phrase index
   * @param topicCount how many topics it numbers
   */
  constructor(index: PhraseIndex, topicCount: number, options: ClassifierOptions) {
    this.#index = index;
    this.#options = options;
    this.#kindCount = Float64Array.from(PHRASE_KINDS, (kind) => (kind === 'body' ? 0 : options.kindCount[kind]));
    const { recordCount, recordKind, recordTopic, recordTermStart, recordTerms, terms } = index;
    this.#topicTermTotals = new Float64Array(topicCount);
    this.#trained = new Uint8Array(terms.length);
    for (let r = 0; r < recordCount; r++) {
      const count = this.#kindCount[recordKind[r]!]!;
      if (count === 0) continue;
      const start = recordTermStart[r]!;
      const end = recordTermStart[r + 1]!;
      this.#topicTermTotals[recordTopic[r]!]! += count * (end - start);
      for (let k = start; k < end; k++) this.#trained[recordTerms[k]!] = 1;
    }
    let vocabulary = 0;
    for (let id = 0; id < terms.length; id++) vocabulary += this.#trained[id]!;
    this.#termVocabulary = vocabulary;
    this.#topicPairTotals = index.pairTopics.topicCounts(topicCount);
    this.#pairVocabulary = index.pairTopics.size;
    this.#termStamp = new Uint32Array(terms.length);
    this.#termSlot = new Int32Array(terms.length);
  }

  /**
   * For each of `topics`, the probability (0..1, summing to 1 over them) that the question is about it rather
   * than the others: the softmax of each topic's log-likelihood of the question's terms and pairs, divided by
   * the temperature. Terms and pairs no phrase other than a body uses tell no topic apart and are left out;
   * a term counts its certainty, a pair {@link RerankWeights.pairWeight}.
   * @param topics topic numbers (a handful: each costs a pass over that topic's phrases)
   * @param terms the question's distinct known terms
   * @param pairs the question's distinct neighbouring term pairs (see `adjacentPairs`)
   */
  posterior(topics: readonly number[], terms: readonly ClassifiedTerm[], pairs: readonly number[]): Float64Array {
    const { recordKind, recordTermStart, recordTerms, topicRecordStart, pairTopics } = this.#index;
    const { smoothing, pairWeight, temperature } = this.#options;
    this.#stamp = this.#stamp === 0xffffffff ? 1 : this.#stamp + 1;
    if (this.#stamp === 1) this.#termStamp.fill(0);
    const stamp = this.#stamp;
    const used: ClassifiedTerm[] = [];
    for (const term of terms) {
      if (this.#trained[term.id] !== 1 || this.#termStamp[term.id] === stamp) continue;
      this.#termStamp[term.id] = stamp;
      this.#termSlot[term.id] = used.length;
      used.push(term);
    }
    const holders = pairs.map((pair) => pairTopics.get(pair)).filter((h) => h !== undefined);
    const counts = new Float64Array(used.length);
    const logLikelihoods = new Float64Array(topics.length);
    topics.forEach((t, i) => {
      counts.fill(0);
      for (let r = topicRecordStart[t]!; r < topicRecordStart[t + 1]!; r++) {
        const count = this.#kindCount[recordKind[r]!]!;
        if (count === 0) continue;
        for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) {
          const id = recordTerms[k]!;
          if (this.#termStamp[id] === stamp) counts[this.#termSlot[id]!]! += count;
        }
      }
      const termDenominator = Math.log(this.#topicTermTotals[t]! + smoothing * this.#termVocabulary);
      let sum = 0;
      for (let slot = 0; slot < used.length; slot++) sum += used[slot]!.certainty * (Math.log(counts[slot]! + smoothing) - termDenominator);
      const pairDenominator = Math.log(this.#topicPairTotals[t]! + smoothing * this.#pairVocabulary);
      for (const h of holders) {
        const uses = h === t || (typeof h !== 'number' && h.includes(t)) ? 1 : 0;
        sum += pairWeight * (Math.log(uses + smoothing) - pairDenominator);
      }
      logLikelihoods[i] = sum / temperature;
    });
    const highest = Math.max(...logLikelihoods);
    let total = 0;
    for (let i = 0; i < logLikelihoods.length; i++) total += logLikelihoods[i] = Math.exp(logLikelihoods[i]! - highest);
    for (let i = 0; i < logLikelihoods.length; i++) logLikelihoods[i]! /= total;
    return logLikelihoods;
  }
}
