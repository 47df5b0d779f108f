import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { markInstructions, stemToken, surfaceTokensOfClean } from './analyse-text.ts';
import { toTopicRef, type Abstention, type Answer, type TopicRef } from './answer.ts';
import { applyShortQuestionGate, applySubjectGate, DockerSignal, type GateTerm } from './answer-gate.ts';
import { calibratedConfidence, type AnswerEvidence } from './calibration.ts';
import { cleanQuery } from './clean-text.ts';
import { DOCKER_SUBCOMMANDS, JOINED_COMMAND_PREFIX, JOINED_SUBCOMMANDS } from './docker-vocabulary.ts';
import { adjacentPairs, buildPhraseIndex, correctAndStem, inverseDocumentFrequency, NAMING_KINDS, type PhraseIndex, type PhraseRecord } from './phrase-index.ts';
import { looksLikeProbe } from './looks-like-probe.ts';
import { DEFAULT_SCORING, type ScoringWeights } from './scoring-weights.ts';

export interface AnswerEngineOptions {
  /**
   * Estimated probability of being right (0..1) at which the engine answers; below it, it abstains.
   * @defaultValue 0.5
   */
  minConfidence?: number;
  /**
   * Confidence a topic needs to be offered as a near miss when the engine abstains.
   * @defaultValue 0.1
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
  minSuggestionConfidence: 0.1,
  maxSuggestions: 3,
} as const satisfies Omit<Required<AnswerEngineOptions>, 'scoring'>;

/** A topic's standing for one question. */
export interface RankedTopic {
  topic: Topic;
  /** 0..1: how well its best phrases and its vocabulary explain the question; the ranking order. */
  score: number;
  /** What the confidence is estimated from. */
  evidence: AnswerEvidence;
  /** 0..1: the estimated probability that this topic is the right answer. */
  confidence: number;
  /** The question's decisive terms and subject words this topic does not explain (see {@link AnswerEngine.rank}); none for an answer. */
  unexplained: string[];
}

interface QueryTerm {
  term: string;
  /** Its IDF over phrases, halved for terms that name nothing (see the constructor). */
  weight: number;
  /** How sure we are the user wrote this term: 1 as typed, less for a spelling correction. */
  certainty: number;
}

interface AnalysedQuery {
  /** Distinct terms the knowledge base knows, after spelling correction. */
  known: QueryTerm[];
  /** Their total weight. */
  knownWeight: number;
  /** Total weight of the words it does not know ("photoshop", "pizza"). */
  unknownWeight: number;
  /** Whether it names Docker's world; see {@link DOCKER_ANCHORS}. */
  anchored: boolean;
  /** Whether it is a Docker question: anchored, or naming a docker command (`docker swarm`). */
  aboutDocker: boolean;
  /** The terms a topic must explain to answer it; see {@link AnswerEngine.rank}. */
  decisive: string[];
  /** Docker subcommands written alone (`cp`, `save`): decisive once a topic that explains them could answer. */
  subcommands: string[];
  /** Each of its terms with its weight, known or not: what {@link Answer.explainedShare} is a share of. */
  weighted: ReadonlyArray<readonly [string, number]>;
  /** For each topic, how many of the query's neighbouring term pairs it also uses; see {@link adjacentPairs}. */
  sharedPairs: ReadonlyMap<string, number>;
  /** Its distinct terms, known or not, with how sure we are the user wrote each: what the subject gate reads. */
  gateTerms: GateTerm[];
}

/**
 * Stems that place a question in Docker's world. Off-topic questions rarely use them; a shipping
 * "container" still can, which is why this is one piece of evidence among several.
 */
const DOCKER_ANCHORS: ReadonlySet<string> = new Set(
  ['docker', 'dockerfile', 'dockerd', 'dockerhub', 'dockerignore', 'compose', 'container', 'containerd', 'buildkit', 'buildx', 'moby', 'runc', 'oci'].map(stemToken),
);

/** `docker cp` analysed: the terms of docker commands (see `synonyms.ts`). */
const COMMAND_TERMS: ReadonlySet<string> = new Set(JOINED_SUBCOMMANDS.map((c) => stemToken(`${JOINED_COMMAND_PREFIX}${c}`)));
/** The docker CLI's subcommands, as analysed: `cp`, `save`, `export`, `context`, `swarm`, `rename`... */
const SUBCOMMAND_TERMS: ReadonlySet<string> = new Set([...DOCKER_SUBCOMMANDS].map(stemToken));
/** A docker command or subcommand that names at most this many topics (in titles, aliases, keywords, commands) is decisive. */
const DECISIVE_TOPIC_COUNT = 2;
/** A question with at most this many terms, none of them naming Docker's world, must be explained word for word. */
const SHORT_QUESTION_TERMS = 4;
/**
 * What a topic's confidence is multiplied by for each decisive term of the question it does not explain:
 * far below the answering threshold, while it can still be offered as a near miss.
 */
const UNEXPLAINED_PENALTY = 0.25;

/** See `#candidates`. */
const COMMON_TERM_SHARE = 0.05;

const COVERS = 'I only cover Docker concepts: images, containers, Dockerfiles, volumes, networking and the tools around them.';
const NOT_YET = "I don't have a topic on that yet.";

/**
 * Answers questions from the knowledge base. A question goes through the same analyser as the knowledge
 * (slang, stopwords, stems); misspelt words are corrected with Fuse.js against the knowledge base's own
 * vocabulary; an inverted index finds the phrases that share a distinctive term with the question; topics
 * are scored by how much of the question their best phrases and their whole vocabulary explain; and a
 * calibrated confidence decides whether to answer or abstain with near misses.
 */
export class AnswerEngine {
  readonly #knowledge: KnowledgeBase;
  readonly #options: Omit<Required<AnswerEngineOptions>, 'scoring'>;
  readonly #scoring: ScoringWeights;
  readonly #index: PhraseIndex;
  /** The weight of every indexed term. */
  readonly #weights = new Map<string, number>();
  /** The weight of a term nobody wrote: the rarest possible. */
  readonly #unseenIdf: number;
  /** Each phrase's total term weight, by record index: fixed, so computed once. */
  readonly #phraseWeights: number[];
  /**
   * Every term each topic uses anywhere, the terms that name it, and the terms it explains: those of its
   * phrases other than the body (naming phrases, summary, example questions, card fronts, quiz questions).
   */
  readonly #topicTerms = new Map<string, { all: Set<string>; naming: Set<string>; explaining: Set<string> }>();
  /** For each term, how many topics it names (in a title, alias, keyword or command). */
  readonly #namedTopics = new Map<string, number>();
  /** Whether a question says anything of Docker; see {@link DockerSignal}. */
  readonly #dockerSignal: DockerSignal;
  /** For each term some topic explains (see {@link #topicTerms}), how many topics explain it. */
  readonly #explainingTopics = new Map<string, number>();

  constructor(knowledge: KnowledgeBase, options: AnswerEngineOptions = {}) {
    const { scoring, ...rest } = options;
    this.#knowledge = knowledge;
    this.#options = { ...DEFAULTS, ...rest };
    this.#scoring = { ...DEFAULT_SCORING, ...scoring };
    this.#index = buildPhraseIndex(knowledge);

    const { records, postings } = this.#index;
    for (const topic of knowledge.topics) this.#topicTerms.set(topic.id, { all: new Set(), naming: new Set(), explaining: new Set() });
    const namingTerms = new Set<string>();
    for (const record of records) {
      const terms = this.#topicTerms.get(record.topicId)!;
      for (const term of record.terms) terms.all.add(term);
      if (record.kind !== 'body') for (const term of record.terms) terms.explaining.add(term);
      if (NAMING_KINDS.has(record.kind)) {
        for (const term of record.terms) {
          terms.naming.add(term);
          namingTerms.add(term);
        }
      }
    }
    for (const { naming, explaining } of this.#topicTerms.values()) {
      for (const term of naming) this.#namedTopics.set(term, (this.#namedTopics.get(term) ?? 0) + 1);
      for (const term of explaining) this.#explainingTopics.set(term, (this.#explainingTopics.get(term) ?? 0) + 1);
    }
    for (const [term, list] of postings) {
      const idf = inverseDocumentFrequency(records.length, list.length);
      // Terms that name something count fully; words met only in examples and bodies count less.
      this.#weights.set(term, idf * (namingTerms.has(term) ? 1 : this.#scoring.incidentalWeight));
    }
    this.#unseenIdf = inverseDocumentFrequency(records.length, 0);
    this.#dockerSignal = new DockerSignal(
      records.filter((r) => NAMING_KINDS.has(r.kind)).map((r) => [...r.terms]),
      { anchors: DOCKER_ANCHORS, isCommand: (term) => COMMAND_TERMS.has(term), isSubcommand: (term) => SUBCOMMAND_TERMS.has(term) },
    );
    this.#phraseWeights = records.map((r) => [...r.terms].reduce((sum, term) => sum + this.#weights.get(term)!, 0));
  }

  /** Answers one question, or abstains with suggestions. Never throws on any input string. */
  answer(rawQuestion: string): Answer {
    const question = rawQuestion.trim();
    const { ranked, query } = this.#rank(question);
    const best = ranked[0];
    if (best && query && best.confidence >= this.#options.minConfidence) {
      return {
        question,
        answered: true,
        abstention: null,
        topic: best.topic,
        confidence: round(best.confidence),
        explainedShare: round(this.#explainedShare(this.#topicTerms.get(best.topic.id)!.explaining, query)),
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
    // Nothing left once cleaned (whitespace, mentions, invisible characters) counts as an empty question.
    if (cleanQuery(question).length === 0) return this.#abstain('', 'empty', 0, nearMisses);
    return this.#abstain(question, query?.aboutDocker ? 'not-yet' : 'off-topic', best?.confidence ?? 0, nearMisses);
  }

  /**
   * Every topic that shares a term with the question, best first, with its evidence and confidence. None
   * for an injection probe (`../../etc/passwd`, `'; DROP TABLE`): its words are not a question.
   *
   * A topic must explain the question's *decisive* terms to answer it: its phrases other than the body
   * (title, aliases, keywords, commands, summary, example questions) must use them. Decisive are a docker
   * command (`docker cp`) that names at most {@link DECISIVE_TOPIC_COUNT} topics or none, or a long flag
   * (`--gpus`) that names one or that many; a subcommand
   * written alone (`save`, `swarm`, `rename`) that names at most that many, once a topic that explains it
   * could answer; and every word of a short question that names nothing of Docker's world ("explain the
   * life cycle of a butterfly"). A topic that leaves one unexplained has its confidence multiplied by
   * {@link UNEXPLAINED_PENALTY} for each and goes after every topic that explains them all. Then the gates of
   * `answer-gate.ts` (`#gate`) do the same for the question's rare subject words
   * ("watchtower") and the rarer words of a short Docker question ("docker build cloud"), and lower every
   * confidence of a question that says nothing of Docker ("what is a gpu").
   */
  rank(question: string): RankedTopic[] {
    return this.#rank(question).ranked;
  }

  /** The ranking, and the analysed question (none for a probe). */
  #rank(question: string): { ranked: RankedTopic[]; query?: AnalysedQuery } {
    // Cleaned first: bounded in length, and full-width or invisible characters cannot hide a probe.
    const cleaned = cleanQuery(markInstructions(question));
    if (looksLikeProbe(cleaned)) return { ranked: [] };
    const query = this.#analyse(cleaned);
    if (query.known.length === 0) return { ranked: [], query };

    const bestPhrases = new Map<string, [number, number]>();
    for (const recordIndex of this.#candidates(query)) {
      const record = this.#index.records[recordIndex]!;
      const relevance = this.#phraseRelevance(record, this.#phraseWeights[recordIndex]!, query);
      const best = bestPhrases.get(record.topicId) ?? [0, 0];
      if (relevance > best[0]) bestPhrases.set(record.topicId, [relevance, best[0]]);
      else if (relevance > best[1]) bestPhrases.set(record.topicId, [best[0], relevance]);
      else bestPhrases.set(record.topicId, best);
    }

    const { secondPhraseWeight, phraseShare, calibration } = this.#scoring;
    const scored = [...bestPhrases].map(([topicId, [first, second]]) => {
      const phraseScore = (first + secondPhraseWeight * second) / (1 + secondPhraseWeight);
      const coverage = this.#topicCoverage(topicId, query);
      return {
        topic: this.#knowledge.get(topicId)!,
        score: phraseShare * phraseScore + (1 - phraseShare) * coverage.matched,
        bestPhrase: first,
        coverage,
      };
    });
    scored.sort((a, b) => b.score - a.score || a.topic.title.localeCompare(b.topic.title));

    const ranked = scored.map(({ topic, score, bestPhrase, coverage }, index): RankedTopic => {
      const rival = scored[index === 0 ? 1 : 0]?.score ?? 0;
      const evidence: AnswerEvidence = {
        score,
        bestPhrase,
        explained: coverage.explained,
        explainedByTerms: coverage.explainedByTerms,
        lead: score > 0 ? Math.max(-1, (score - rival) / score) : -1,
        anchored: query.anchored ? 1 : 0,
        knownShare: query.knownWeight / (query.knownWeight + query.unknownWeight),
        sharedPairs: Math.log1p(query.sharedPairs.get(topic.id) ?? 0),
      };
      const { explaining } = this.#topicTerms.get(topic.id)!;
      const unexplained = query.decisive.filter((term) => !explaining.has(term));
      const confidence = calibratedConfidence(evidence, calibration) * UNEXPLAINED_PENALTY ** unexplained.length;
      return { topic, score, evidence, confidence, unexplained };
    });
    // A subcommand written alone ("cp", "save", but also "under load") is decisive only once a topic that
    // explains it could answer: then "how do i cp a file" goes to that topic, and "under load" stays English.
    const claimed = query.subcommands.filter((term) =>
      ranked.some((r) => r.confidence >= this.#options.minConfidence && this.#topicTerms.get(r.topic.id)!.explaining.has(term)),
    );
    for (const r of ranked) {
      const { explaining } = this.#topicTerms.get(r.topic.id)!;
      for (const term of claimed) {
        if (explaining.has(term)) continue;
        r.unexplained.push(term);
        r.confidence *= UNEXPLAINED_PENALTY;
      }
    }
    const subjects = this.#gate(ranked, query);
    // Stable: the ranking order stands among the topics that explain every decisive term, and among the rest.
    if (query.decisive.length + claimed.length + subjects.length > 0) ranked.sort((a, b) => Number(a.unexplained.length > 0) - Number(b.unexplained.length > 0));
    return { ranked, query };
  }

  /**
   * The gates after ranking (`answer-gate.ts`): the subject gate (a rare word no topic explains is what the
   * question is about), the short-question gate (in a short Docker question every rarer word must be
   * explained), and the Docker-signal gate (a question that says nothing of Docker needs far stronger
   * evidence). They lower confidences and extend `unexplained`; the caller re-sorts.
   * @returns the subject words the gates decided on (none when no gate applied)
   */
  #gate(ranked: RankedTopic[], query: AnalysedQuery): string[] {
    const context = {
      explains: (r: RankedTopic, term: string) => this.#topicTerms.get(r.topic.id)!.explaining.has(term),
      explainingTopics: (term: string) => this.#explainingTopics.get(term) ?? 0,
      known: (term: string) => this.#weights.has(term),
      anchors: DOCKER_ANCHORS,
      penalty: UNEXPLAINED_PENALTY,
    };
    const subjects = [
      ...applySubjectGate(query.gateTerms, query.anchored, ranked, context),
      ...applyShortQuestionGate(query.gateTerms, query.anchored, ranked, context),
    ];
    if (!this.#dockerSignal.has({ terms: query.gateTerms, anchored: query.anchored, sharedPairs: query.sharedPairs })) {
      for (const r of ranked) r.confidence *= UNEXPLAINED_PENALTY;
    }
    return subjects;
  }

  /** Share of the query's weight, unknown words included, among these terms. */
  #explainedShare(explaining: ReadonlySet<string>, query: AnalysedQuery): number {
    let explained = 0;
    let total = 0;
    for (const [term, weight] of query.weighted) {
      total += weight;
      if (explaining.has(term)) explained += weight;
    }
    return total > 0 ? explained / total : 0;
  }

  /**
   * The phrases worth scoring: those that share one of the query's distinctive terms. A term found in more
   * than {@link COMMON_TERM_SHARE} of all phrases ("docker") still counts in every score, but finds no
   * candidates by itself unless the query has nothing rarer: otherwise one common word would make every
   * question score most of the knowledge base.
   */
  #candidates(query: AnalysedQuery): Set<number> {
    const { postings, records } = this.#index;
    const lists = query.known.map((q) => postings.get(q.term)!);
    const distinctive = lists.filter((list) => list.length <= records.length * COMMON_TERM_SHARE);
    const candidates = new Set<number>();
    for (const list of distinctive.length > 0 ? distinctive : lists) for (const index of list) candidates.add(index);
    return candidates;
  }

  /**
   * How well one phrase explains the query: the share of the query's weight it matches and the share of
   * its own weight the query matches, so "image vs container" prefers the phrase "image vs container" over
   * the phrase "image".
   */
  #phraseRelevance(record: PhraseRecord, phraseWeight: number, query: AnalysedQuery): number {
    let matchedWeight = 0;
    let matchedCertainWeight = 0;
    for (const { term, weight, certainty } of query.known) {
      if (!record.terms.has(term)) continue;
      matchedWeight += weight;
      matchedCertainWeight += weight * certainty;
    }
    const { kindWeight, queryCoverageExponent, phraseCoverageExponent } = this.#scoring;
    return (
      kindWeight[record.kind] *
      (matchedCertainWeight / query.knownWeight) ** queryCoverageExponent *
      (matchedWeight / phraseWeight) ** phraseCoverageExponent[record.kind]
    );
  }

  /**
   * How much of the query a topic's own words account for: `matched` over the words the knowledge base
   * knows, `explained` over every word asked (so "install node on windows", all known words, is not
   * explained by any one topic), and `explainedByTerms` counting only the terms that name the topic.
   */
  #topicCoverage(topicId: string, query: AnalysedQuery): { matched: number; explained: number; explainedByTerms: number } {
    const terms = this.#topicTerms.get(topicId)!;
    let matched = 0;
    let matchedNaming = 0;
    for (const { term, weight, certainty } of query.known) {
      if (terms.all.has(term)) matched += weight * certainty;
      if (terms.naming.has(term)) matchedNaming += weight * certainty;
    }
    const total = query.knownWeight + query.unknownWeight;
    return { matched: matched / query.knownWeight, explained: matched / total, explainedByTerms: matchedNaming / total };
  }

  /** For each topic, how many of these neighbouring term pairs its phrases also use side by side. */
  #sharedPairs(terms: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const pair of new Set(adjacentPairs(terms, this.#index.termIds))) {
      const topics = this.#index.pairTopics.get(pair) ?? [];
      for (const topicId of typeof topics === 'string' ? [topics] : topics) counts.set(topicId, (counts.get(topicId) ?? 0) + 1);
    }
    return counts;
  }

  /** @param cleaned the question after {@link markInstructions} and {@link cleanQuery} */
  #analyse(cleaned: string): AnalysedQuery {
    const known = new Map<string, QueryTerm>();
    const unknown = new Set<string>();
    const analysed = correctAndStem(surfaceTokensOfClean(cleaned), this.#index.lexicon);
    for (const { term, distance } of analysed) {
      const weight = this.#weights.get(term);
      if (weight === undefined) unknown.add(term);
      else if (!known.has(term)) {
        known.set(term, { term, weight, certainty: Math.max(0, 1 - this.#scoring.correctionPenalty * distance) });
      }
    }
    const terms = [...known.values()];
    const anchored = terms.some((t) => DOCKER_ANCHORS.has(t.term) && t.certainty === 1);
    const unknownWordWeight = this.#unseenIdf * this.#scoring.unknownWeight;
    return {
      known: terms,
      knownWeight: terms.reduce((sum, t) => sum + t.weight, 0),
      unknownWeight: unknown.size * unknownWordWeight,
      anchored,
      aboutDocker: anchored || [...known.keys(), ...unknown].some((term) => COMMAND_TERMS.has(term)),
      ...this.#decisiveTerms(terms, unknown, anchored),
      weighted: [...terms.map((t) => [t.term, t.weight] as const), ...[...unknown].map((term) => [term, unknownWordWeight] as const)],
      sharedPairs: this.#sharedPairs(analysed.map((t) => t.term)),
      gateTerms: [...terms.map(({ term, certainty }) => ({ term, certainty })), ...[...unknown].map((term) => ({ term, certainty: 1 }))],
    };
  }

  /** The terms a topic must explain to answer, and the subcommands written alone; see {@link AnswerEngine.rank}. */
  #decisiveTerms(known: readonly QueryTerm[], unknown: ReadonlySet<string>, anchored: boolean): { decisive: string[]; subcommands: string[] } {
    const decisive: string[] = [];
    const subcommands: string[] = [];
    // A short question that names nothing of Docker's world (no anchor, flag or command) is about each of
    // its words: "health check for my car" is not answered by a topic that explains only "health check".
    const dockerish = anchored || known.some((t) => t.term.startsWith('-') || COMMAND_TERMS.has(t.term));
    const short = !dockerish && known.length + unknown.size <= SHORT_QUESTION_TERMS;
    for (const { term, certainty } of known) {
      // A corrected word is never decisive: "stuck" is not `docker stack`.
      if (certainty < 1) continue;
      const named = this.#namedTopics.get(term) ?? 0;
      const narrow = named <= DECISIVE_TOPIC_COUNT;
      // A docker command, or a long flag the knowledge names (`--privileged`, `--gpus`), names its subject.
      const longFlag = term.startsWith('--') && named > 0;
      if ((COMMAND_TERMS.has(term) || longFlag) && narrow) decisive.push(term);
      else if (SUBCOMMAND_TERMS.has(term) && narrow && named > 0) subcommands.push(term);
      else if (short && /^\p{L}{3,}$/u.test(term)) decisive.push(term);
    }
    for (const term of unknown) if (COMMAND_TERMS.has(term) || (short && /^\p{L}{3,}$/u.test(term))) decisive.push(term);
    return { decisive, subcommands };
  }

  #abstain(question: string, abstention: Abstention, confidence: number, suggestions: TopicRef[]): Answer {
    // Front-end neutral: each front end adds how to browse the topics there (`/topics`, `--topics`).
    const closest = suggestions.length > 0 ? ' These topics come closest.' : '';
    const text = {
      empty: 'Ask me a Docker question, for example "image vs container?" or "why is my second build so fast?".',
      'not-yet': `${NOT_YET}${closest}`,
      'off-topic': `${COVERS}${closest}`,
    }[abstention];
    return { question, answered: false, abstention, topic: null, confidence: round(confidence), explainedShare: 0, text, suggestions };
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
