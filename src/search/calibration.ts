/** What the engine knows about how well a topic answers a question; the confidence is estimated from it. */
export interface AnswerEvidence {
  /** 0..1: the ranking score (best phrases and whole vocabulary against the words the knowledge base knows). */
  score: number;
  /** 0..1: the relevance of the topic's single best phrase: near 1 when the question is one of its examples. */
  bestPhrase: number;
  /** 0..1: share of the whole question's weight, unknown words included, that the topic's words explain. */
  explained: number;
  /** 0..1: the same share, counting only the terms that name the topic (title, aliases, keywords, commands). */
  explainedByTerms: number;
  /** -1..1: how far the topic's score is ahead of its best rival's, relative to its own score. */
  lead: number;
  /** 1 when the question names Docker's world ("docker", "dockerfile", "compose", "container"), else 0. */
  anchored: number;
  /**
   * 0..1: share of the question's weight that the knowledge base knows at all, whichever topic uses it. A
   * chatty Docker question is mostly the knowledge base's words even when no one topic explains them all.
   */
  knownShare: number;
  /** ln(1 + how many of the question's neighbouring term pairs the topic also uses side by side). */
  sharedPairs: number;
}

/** Every piece of evidence, in a fixed order. */
export const EVIDENCE_FEATURES = [
  'score',
  'bestPhrase',
  'explained',
  'explainedByTerms',
  'lead',
  'anchored',
  'knownShare',
  'sharedPairs',
] as const satisfies ReadonlyArray<keyof AnswerEvidence>;

/**
 * Logistic-regression coefficients, one per piece of evidence plus an intercept, that turn evidence into
 * the probability that the answer is right. Fitted with `npm run eval:fit`.
 */
export type Calibration = { intercept: number } & Record<keyof AnswerEvidence, number>;

/** The estimated probability (0..1) that a topic with this evidence is the right answer. */
export function calibratedConfidence(evidence: AnswerEvidence, c: Calibration): number {
  let z = c.intercept;
  for (const feature of EVIDENCE_FEATURES) z += c[feature] * evidence[feature];
  return 1 / (1 + Math.exp(-z));
}
