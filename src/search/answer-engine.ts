import Fuse from 'fuse.js';
import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { surfaceTokensOfClean } from './analyse-text.ts';
import { toTopicRef, type Answer, type TopicRef } from './answer.ts';
import { cleanQuery } from './clean-text.ts';
import {
  buildPhraseIndex,
  correctAndStem,
  delimitTerm,
  inverseDocumentFrequencies,
  splitDelimited,
  type PhraseKind,
  type PhraseRecord,
} from './phrase-index.ts';
import { DEFAULT_SCORING, type ScoringWeights } from './scoring-weights.ts';
import type { SpellingCorrector } from './spelling-corrector.ts';

export interface AnswerEngineOptions {
  /**
   * Confidence (0..1) at which the engine answers; below it, it abstains and suggests.
   * @defaultValue 0.5, chosen on the evaluation set (`docs/answer-engine.md`)
   */
  minConfidence?: number;
  /**
   * Confidence a topic needs to be offered as a suggestion when the engine abstains.
   * @defaultValue 0.2
   */
  minSuggestionConfidence?: number;
  /**
   * How many suggestions an answer carries at most.
   * @defaultValue 3
   */
  maxSuggestions?: number;
  /** The numbers behind ranking and confidence; see {@link ScoringWeights}. */
  scoring?: Partial<ScoringWeights>;
}

const DEFAULTS = {
  minConfidence: 0.5,
  minSuggestionConfidence: 0.2,
  maxSuggestions: 3,
} as const satisfies Omit<Required<AnswerEngineOptions>, 'scoring'>;

/** A topic's score over the query, before calibration. */
export interface RankedTopic {
  topic: Topic;
  /** 0..1: how well its best phrases explain the query. */
  score: number;
  /** 0..1: the calibrated confidence that this topic is what the question is about. */
  confidence: number;
}

interface QueryTerm {
  term: string;
  /** How sure we are the user wrote this term: 1 as typed, less when it is a spelling correction. */
  certainty: number;
}

interface AnalysedQuery {
  /** Distinct stemmed terms the knowledge base knows (after spelling correction). */
  known: QueryTerm[];
  /** Total weight of the words the knowledge base does not know ("photoshop", "pizza"). */
  unknownWeight: number;
}

const DOMAIN_KINDS: ReadonlySet<PhraseKind> = new Set(['title', 'alias', 'keyword', 'command']);

const COVERS = 'I only cover Docker concepts: images, containers, Dockerfiles, volumes, networking and the tools around them.';

/**
 * Answers questions from the knowledge base: analyses the query (slang, typos), retrieves phrases with
 * Fuse.js token search, scores topics by how much of the query and of their phrase a match explains, and
 * abstains when the best topic is not a confident answer.
 */
export class AnswerEngine {
  readonly #knowledge: KnowledgeBase;
  readonly #options: Omit<Required<AnswerEngineOptions>, 'scoring'>;
  readonly #scoring: ScoringWeights;
  readonly #fuse: Fuse<PhraseRecord>;
  readonly #speller: SpellingCorrector;
  readonly #idf: (term: string) => number;
  readonly #indexedTerms: ReadonlySet<string>;
  /** Terms that name something: they occur in a title, alias, keyword or command. */
  readonly #domainTerms: ReadonlySet<string>;
  /** Every term each topic uses anywhere. */
  readonly #topicTerms = new Map<string, Set<string>>();

  constructor(knowledge: KnowledgeBase, options: AnswerEngineOptions = {}) {
    this.#knowledge = knowledge;
    const { scoring, ...rest } = options;
    this.#options = { ...DEFAULTS, ...rest };
    this.#scoring = { ...DEFAULT_SCORING, ...scoring };
    const { records, speller } = buildPhraseIndex(knowledge);
    this.#speller = speller;
    this.#idf = inverseDocumentFrequencies(records).idf;
    this.#indexedTerms = new Set(records.flatMap((r) => r.terms));
    for (const record of records) {
      const terms = this.#topicTerms.get(record.topicId) ?? new Set<string>();
      for (const term of record.terms) terms.add(term);
      this.#topicTerms.set(record.topicId, terms);
    }
    this.#domainTerms = new Set(records.filter((r) => DOMAIN_KINDS.has(r.kind)).flatMap((r) => r.terms));
    this.#fuse = new Fuse(records, {
      keys: ['text'],
      useTokenSearch: true,
      tokenize: splitDelimited,
      // Terms are already spelling-corrected and delimited, so a match must be exact.
      threshold: 0,
      ignoreFieldNorm: true,
      includeScore: true,
      shouldSort: false,
    });
  }

  /** Answers one question, or abstains with suggestions. Never throws on any input string. */
  answer(rawQuestion: string): Answer {
    const question = cleanQuery(rawQuestion).length === 0 ? '' : rawQuestion.trim();
    const query = this.#analyse(question);
    if (query.known.length === 0) {
      return this.#abstain(question, 0, []);
    }
    const ranked = this.rank(question);
    const best = ranked[0];
    if (best && best.confidence >= this.#options.minConfidence) {
      return {
        question,
        answered: true,
        topic: best.topic,
        confidence: round(best.confidence),
        text: best.topic.body,
        suggestions: best.topic.related
          .map((id) => this.#knowledge.get(id))
          .filter((t): t is Topic => t !== undefined)
          .slice(0, this.#options.maxSuggestions)
          .map(toTopicRef),
      };
    }
    const nearMisses = ranked
      .filter((r) => r.confidence >= this.#options.minSuggestionConfidence)
      .slice(0, this.#options.maxSuggestions)
      .map((r) => toTopicRef(r.topic));
    return this.#abstain(question, best?.confidence ?? 0, nearMisses);
  }

  /** Every topic that matches the question at all, best first, with its score and calibrated confidence. */
  rank(question: string): RankedTopic[] {
    const query = this.#analyse(question);
    if (query.known.length === 0) return [];

    const byTopic = new Map<string, number[]>();
    const pattern = query.known.map((q) => delimitTerm(q.term)).join(' ');
    for (const { item: record } of this.#fuse.search(pattern)) {
      const relevance = this.#phraseRelevance(record, query.known);
      const list = byTopic.get(record.topicId) ?? [];
      list.push(relevance);
      byTopic.set(record.topicId, list);
    }

    const scored = [...byTopic].map(([topicId, relevances]) => {
      const [first = 0, second = 0] = relevances.sort((a, b) => b - a);
      const { secondPhraseWeight, phraseShare } = this.#scoring;
      const phraseScore = (first + secondPhraseWeight * second) / (1 + secondPhraseWeight);
      const { matched, explained } = this.#topicCoverage(topicId, query);
      return {
        topic: this.#knowledge.get(topicId)!,
        score: phraseShare * phraseScore + (1 - phraseShare) * matched,
        explained,
      };
    });
    scored.sort((a, b) => b.score - a.score || a.topic.title.localeCompare(b.topic.title));

    const runnerUp = scored[1]?.score ?? 0;
    const { clearLead, explainedExponent } = this.#scoring;
    return scored.map(({ topic, score, explained }, index) => {
      // A clear lead over the runner-up is evidence; a near tie halves the confidence at worst.
      const lead = index === 0 && score > 0 ? Math.min(1, (score - runnerUp) / (clearLead * score)) : 0;
      const confidence = score * explained ** explainedExponent * (0.5 + 0.5 * lead);
      return { topic, score, confidence };
    });
  }

  /**
   * How much of the query a topic's own words account for: `matched` over the words the knowledge base
   * knows, `explained` over every word asked. "Install node on windows" uses known words, but no one topic
   * explains them all.
   */
  #topicCoverage(topicId: string, query: AnalysedQuery): { matched: number; explained: number } {
    const vocabulary = this.#topicTerms.get(topicId)!;
    let matched = 0;
    let knownTotal = 0;
    for (const { term, certainty } of query.known) {
      const weight = this.#weight(term);
      knownTotal += weight;
      if (vocabulary.has(term)) matched += weight * certainty;
    }
    const total = knownTotal + query.unknownWeight;
    return { matched: knownTotal > 0 ? matched / knownTotal : 0, explained: total > 0 ? matched / total : 0 };
  }

  /**
   * How well one phrase explains the query: the share of the query's weight it matches and the share of
   * its own weight the query matches, so "image vs container" prefers the phrase "image vs container"
   * over the phrase "image".
   */
  #phraseRelevance(record: PhraseRecord, query: readonly QueryTerm[]): number {
    let queryMatched = 0;
    let queryTotal = 0;
    for (const { term, certainty } of query) {
      const weight = this.#weight(term);
      queryTotal += weight;
      if (record.terms.includes(term)) queryMatched += weight * certainty;
    }
    let phraseMatched = 0;
    let phraseTotal = 0;
    for (const term of record.terms) {
      const weight = this.#weight(term);
      phraseTotal += weight;
      if (query.some((q) => q.term === term)) phraseMatched += weight;
    }
    const queryCoverage = queryTotal > 0 ? queryMatched / queryTotal : 0;
    const phraseCoverage = phraseTotal > 0 ? phraseMatched / phraseTotal : 0;
    const { kindWeight, queryCoverageExponent, phraseCoverageExponent } = this.#scoring;
    return (
      kindWeight[record.kind] *
      queryCoverage ** queryCoverageExponent *
      phraseCoverage ** phraseCoverageExponent[record.kind]
    );
  }

  /** A term's weight: rare terms count more, and Docker terms more than words that merely occur in examples. */
  #weight(term: string): number {
    return this.#idf(term) * (this.#domainTerms.has(term) ? 1 : this.#scoring.incidentalWeight);
  }

  #analyse(question: string): AnalysedQuery {
    const known = new Map<string, QueryTerm>();
    const seen = new Set<string>();
    let unknownWeight = 0;
    for (const { term, distance } of correctAndStem(surfaceTokensOfClean(cleanQuery(question)), this.#speller)) {
      if (seen.has(term)) continue;
      seen.add(term);
      if (this.#indexedTerms.has(term)) known.set(term, { term, certainty: Math.max(0, 1 - this.#scoring.correctionPenalty * distance) });
      else unknownWeight += this.#idf(term) * this.#scoring.unknownWeight;
    }
    return { known: [...known.values()], unknownWeight };
  }

  #abstain(question: string, confidence: number, suggestions: TopicRef[]): Answer {
    const text =
      question.length === 0
        ? 'Ask me a Docker question, for example "image vs container?" or "why is my second build so fast?". Try /topics to see everything I know.'
        : `I don't have a confident answer for that. ${COVERS} ` +
          (suggestions.length > 0 ? 'These topics come closest; or try /topics.' : 'Try /topics to see everything I can explain.');
    return { question, answered: false, topic: null, confidence: round(confidence), text, suggestions };
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
