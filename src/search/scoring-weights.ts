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
  /** Weight of a topic's second-best phrase next to its best: more evidence, a little more score. @defaultValue 0.5 */
  secondPhraseWeight: number;
  /** Share of the score from the best phrases; the rest comes from the topic's whole vocabulary. @defaultValue 0.8 */
  phraseShare: number;
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

export const DEFAULT_SCORING = {
  kindWeight: { title: 1, alias: 0.97, question: 0.95, keyword: 0.85, command: 0.85, summary: 0.7, body: 0.3 },
  phraseCoverageExponent: { title: 0.4, alias: 0.4, question: 0.4, keyword: 0.4, command: 0.4, summary: 0.1, body: 0 },
  queryCoverageExponent: 0.6,
  secondPhraseWeight: 0.5,
  phraseShare: 0.8,
  correctionPenalty: 1.5,
  incidentalWeight: 0.5,
  unknownWeight: 0.5,
  calibration: { intercept: -8.95, score: 0.4, bestPhrase: 0.37, explained: 3.85, explainedByTerms: 2.53, lead: 0.46, anchored: 1.54, knownShare: 3.78, sharedPairs: 2.5 },
} as const satisfies ScoringWeights;
