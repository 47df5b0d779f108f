import type { Calibration } from './calibration.ts';
import type { PhraseKind } from './phrase-index.ts';

/**
 * The numbers behind the answer engine's ranking and confidence. The defaults were chosen on half of the
 * evaluation set and checked on the other half (`docs/answer-engine.md`); change them only with `npm run eval`.
 */
export interface ScoringWeights {
  /** How much a full match on each kind of phrase is worth. */
  kindWeight: Readonly<Record<PhraseKind, number>>;
  /**
   * How much it matters that the query explains the whole phrase (0: not at all, for long texts). This is
   * what makes "image vs container" prefer the phrase "image vs container" over the phrase "image".
   */
  phraseCoverageExponent: Readonly<Record<PhraseKind, number>>;
  /** How much it matters that the phrase explains the whole query. @defaultValue 0.6 */
  queryCoverageExponent: number;
  /**
   * How a topic's score (0..1) is made of its evidence for a question: a weighted sum of pieces, each 0..1,
   * whose weights add up to 1. Fitted on the leave-one-out ranking of the knowledge base's own example
   * questions (`npm run eval:loo`), then taken three tenths of the way from the weights before it (best
   * phrase 0.533, second 0.267, vocabulary 0.2) towards the fit; see `docs/answer-engine.md`.
   */
  rankWeights: Readonly<RankWeights>;
  /** BM25's k1 for {@link RankWeights.fieldMatch}: how fast more phrases using a term stop adding. @defaultValue 1.2 */
  fieldSaturation: number;
  /** BM25's b for {@link RankWeights.fieldMatch}: how much a topic with many phrases is discounted (0..1). @defaultValue 0.5 */
  fieldLengthNormalisation: number;
  /**
   * How much a spelling correction's distance (0..~0.34) takes off the certainty of the word: a corrected
   * word is less sure than one typed right ("lisa" may not mean "list"). @defaultValue 1.5
   */
  correctionPenalty: number;
  /** Words met only in examples and bodies ("exactly", "twice") count this much of a Docker term. @defaultValue 0.5 */
  incidentalWeight: number;
  /** An unknown word weighs this much of its IDF: it may be filler, or the real subject ("photoshop"). @defaultValue 0.5 */
  unknownWeight: number;
  /** How evidence becomes a confidence: see {@link Calibration}. */
  calibration: Calibration;
}

/** The pieces of a topic's score for a question, each 0..1; see {@link ScoringWeights.rankWeights}. */
export interface RankWeights {
  /** The relevance of its best phrase (see `docs/answer-engine.md`, step 7). */
  bestPhrase: number;
  /** Of its second-best phrase. */
  secondPhrase: number;
  /** The mean relevance of its five best phrases: a topic many of whose phrases ask this, not one. */
  topPhrases: number;
  /** The best relevance among its title and aliases, as if they weighed 1 (the best match in that field). */
  nameMatch: number;
  /** The same among its keywords and commands. */
  termMatch: number;
  /** The same for its summary. */
  summaryMatch: number;
  /** The share of the question's weight its whole vocabulary, body included, holds. */
  vocabulary: number;
  /**
   * BM25F over its phrases other than the body: each question term's weight times how much its phrases use
   * it (each use weighs its kind's weight), saturated, over the question's weight.
   */
  fieldMatch: number;
  /** The share of the question's neighbouring term pairs that its phrases also use side by side. */
  sharedPairs: number;
}

export const DEFAULT_SCORING = {
  kindWeight: { title: 1, alias: 0.97, question: 0.95, keyword: 0.85, command: 0.85, summary: 0.7, body: 0.3 },
  phraseCoverageExponent: { title: 0.4, alias: 0.4, question: 0.4, keyword: 0.4, command: 0.4, summary: 0.1, body: 0 },
  queryCoverageExponent: 0.6,
  rankWeights: {
    bestPhrase: 0.447,
    secondPhrase: 0.187,
    topPhrases: 0.026,
    nameMatch: 0.022,
    termMatch: 0.04,
    summaryMatch: 0.011,
    vocabulary: 0.221,
    fieldMatch: 0.034,
    sharedPairs: 0.012,
  },
  fieldSaturation: 1.2,
  fieldLengthNormalisation: 0.5,
  correctionPenalty: 1.5,
  incidentalWeight: 0.5,
  unknownWeight: 0.5,
  calibration: { intercept: -8.95, score: 0.4, bestPhrase: 0.37, explained: 3.85, explainedByTerms: 2.53, lead: 0.46, anchored: 1.54, knownShare: 3.78, sharedPairs: 2.5 },
} as const satisfies ScoringWeights;
