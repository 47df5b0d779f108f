import type { KnowledgeBase, Topic } from '../knowledge/index.ts';
import { markInstructions, stemToken, surfaceTokensOfClean } from './analyse-text.ts';
import { toTopicRef, type Abstention, type Answer, type TopicRef } from './answer.ts';
import {
  applyShortQuestionGate,
  applySubjectGate,
  DockerSignal,
  INSTRUCTION_TERMS,
  isOtherWorldTerm,
  penalizeUnexplained,
  possessedTerms,
  DOCKER_TERMS_FOR_WORKLOADS,
  WORKLOAD_WORDS,
  type GateTerm,
  type QuestionSetting,
} from './answer-gate.ts';
import { calibratedConfidence, EVIDENCE_FEATURES, type AnswerEvidence } from './calibration.ts';
import { cleanQuery, MAX_QUERY_LENGTH } from './clean-text.ts';
import { DOCKER_SUBCOMMANDS, JOINED_COMMAND_PREFIX, JOINED_SUBCOMMANDS } from './docker-vocabulary.ts';
import { buildEngineIndex, type EngineIndex } from './engine-index.ts';
import { applyFeatureGate, type DockerFeatureFinder } from './feature-gate.ts';
import { applyKubernetesGate } from './kubernetes-gate.ts';
import { adjacentPairs, correctAndStem, inverseDocumentFrequency, NAMING_KINDS, pairTermIds, PHRASE_KINDS, type PhraseIndex } from './phrase-index.ts';
import { TermSet, TermValues } from './term-set.ts';
import { looksLikeProbe } from './looks-like-probe.ts';
import { DEFAULT_SCORING, type ScoringWeights } from './scoring-weights.ts';
import { TopicClassifier } from './topic-classifier.ts';

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
  /**
   * The ranking order: how well its best phrases and its vocabulary explain the question (0..1, its
   * `evidence.score`), plus, for the first few, the second opinion's lift (0..`rerank.weight`; see `#rerank`).
   */
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
  /** Its number in the index ({@link PhraseIndex.termIds}). */
  id: number;
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
  /** Whether it says something of Docker; see {@link DockerSignal}. */
  dockerish: boolean;
  /** Whether it names Docker's world: anchored, or writing a docker command or a Dockerfile instruction in capitals; see {@link namesDockerWorld}. */
  namesDocker: boolean;
  /** Whether it is a Docker question: anchored, or naming a docker command (`docker swarm`) or a Docker feature ("kind cluster"). */
  aboutDocker: boolean;
  /** The terms a topic must explain to answer it; see {@link AnswerEngine.rank}. */
  decisive: string[];
  /** Docker subcommands written alone (`cp`, `save`): decisive once a topic that explains them could answer. */
  subcommands: string[];
  /** Each of its terms with its weight, known or not: what {@link Answer.explainedShare} is a share of. */
  weighted: ReadonlyArray<readonly [string, number]>;
  /** Its distinct neighbouring term pairs; see {@link adjacentPairs}. */
  pairs: readonly number[];
  /** For each topic (by its number), how many of the query's neighbouring term pairs it also uses; see {@link adjacentPairs}. */
  sharedPairs: ReadonlyMap<number, number>;
  /** Its distinct terms, known or not, with how sure we are the user wrote each: what the subject gate reads. */
  gateTerms: GateTerm[];
  /** The Docker features it names ("docker machine"), with the topics that explain each: what the feature gate reads. */
  features: ReturnType<DockerFeatureFinder['named']>;
  /** How surely it is about Docker, and what the asker calls theirs ("my nas"): context for the subject gate. */
  setting: QuestionSetting;
  /** `sharedPairs` without the pairs that hold a number ("ubuntu 24", "port 8080"): what the Docker-signal gate reads. */
  signalPairs: ReadonlyMap<string, number>;
}

/** A candidate topic as retrieval scores it, before its evidence and confidence. */
interface ScoredTopic {
  topic: Topic;
  /** The ranking order: what retrieval scored, plus the reranker's {@link lift}. */
  score: number;
  /** What the reranker added to the score (see `#rerank`); none for most topics. */
  lift?: number;
  bestPhrase: number;
  coverage: { matched: number; explained: number; explainedByTerms: number };
}

/**
 * Every candidate topic of a bounded retrieval with the most it could score and its highest confidence, by its
 * position among the candidates; see `#upperBounds`.
 */
interface CandidateBounds {
  topics: Int32Array;
  scoreBounds: Float64Array;
  /** Its highest confidence's log-odds, in the end and when the subcommands are claimed. */
  confidenceLogits: Float64Array;
  claimLogits: Float64Array;
  /**
   * Bit `i` set when query term `i` (the first {@link EXPLAINED_SLOTS}) is a term its phrases other than the
   * body use; terms past those tracked count as explained.
   */
  explainedSlots: Int32Array;
}

/** No record: past every posting list's end. */
const NO_RECORD = 0x7fffffff;

/** How many of a topic's best phrases `RankWeights.topPhrases` averages. */
const TOP_PHRASES = 5;

/**
 * For each phrase kind (in {@link PHRASE_KINDS} order), the field whose best match counts apart in the score:
 * 0 names (title, aliases), 1 terms (keywords, commands), 2 the summary; -1 none (example questions and the
 * body count only through the best phrases).
 */
const FIELD_OF_KIND: readonly number[] = PHRASE_KINDS.map((kind) => ({ title: 0, alias: 0, keyword: 1, command: 1, summary: 2 })[kind as string] ?? -1);
/** How many fields {@link FIELD_OF_KIND} numbers. */
const FIELDS = 3;

/** How many candidates with the highest bounds are scored first, to set a high second-best score early. */
const PROMISING_TOPICS = 4;

/** The positions of the `count` highest bounds, highest first. */
function highest(bounds: Float64Array, count: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < bounds.length; i++) {
    if (best.length === count && bounds[i]! <= bounds[best.at(-1)!]!) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && bounds[best[at - 1]!]! < bounds[i]!) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best;
}

/** Query terms after this many are not tracked in {@link CandidateBounds.explainedSlots}: they count as explained. */
const EXPLAINED_SLOTS = 31;

const logit = (p: number): number => Math.log(p / (1 - p));

/** How many bits of a 32-bit integer are set. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * Stems that place a question in Docker's world. Off-topic questions rarely use them; a shipping
 * "container" still can, which is why this is one piece of evidence among several.
 */
const DOCKER_ANCHORS: ReadonlySet<string> = new Set(
  ['docker', 'dockerfile', 'dockerd', 'dockerhub', 'dockerignore', 'compose', 'container', 'containerd', 'buildkit', 'buildx', 'moby', 'runc', 'oci'].map(stemToken),
);

/**
 * Whether a question names Docker's world: an anchor as typed ("docker", "container"...), a docker command
 * (`docker cp`), a Dockerfile instruction in capitals (`FROM`, `VOLUME`: "what does FROM scratch give you"),
 * and, with `flags`, a flag (`-p`, `--rm`). Every command line has flags ("what does rm -rf do", "ssh -p
 * 2222"), so they count only where a question's other words still decide (the short-question rule).
 */
function namesDockerWorld(anchored: boolean, known: readonly QueryTerm[], flags: boolean): boolean {
  return anchored || known.some((t) => (flags && t.term.startsWith('-')) || COMMAND_TERMS.has(t.term) || INSTRUCTION_TERMS.has(t.term));
}

/** `docker cp` analysed: the terms of docker commands (see `synonyms.ts`). */
const COMMAND_TERMS: ReadonlySet<string> = new Set(JOINED_SUBCOMMANDS.map((c) => stemToken(`${JOINED_COMMAND_PREFIX}${c}`)));
/** The docker CLI's subcommands, as analysed: `cp`, `save`, `export`, `context`, `swarm`, `rename`... */
const SUBCOMMAND_TERMS: ReadonlySet<string> = new Set([...DOCKER_SUBCOMMANDS].map(stemToken));
/** A docker command or subcommand that names at most this many topics (in titles, aliases, keywords, commands) is decisive. */
const DECISIVE_TOPIC_COUNT = 2;
/**
 * How many of Docker's own words (see `DockerSignal.dockerTermCount`) name Docker's world in a short question
 * with no word of another world of computing ("how big can a tmpfs mount get"); one alone may be another
 * world's ("volume of a sphere").
 */
const DOCKER_TERMS_NAMING_DOCKER = 2;
/** A question with at most this many terms, none of them naming Docker's world, must be explained word for word. */
const SHORT_QUESTION_TERMS = 4;
/**
 * What a topic's confidence is multiplied by for each decisive term of the question it does not explain:
 * far below the answering threshold, while it can still be offered as a near miss.
 */
const UNEXPLAINED_PENALTY = 0.25;

/** See `#retrieve`. */
const COMMON_TERM_SHARE = 0.05;
/** More distinct terms than a question of {@link MAX_QUERY_LENGTH} characters can hold. */
const MAX_QUERY_TERMS = MAX_QUERY_LENGTH;

const COVERS = 'I only cover Docker concepts: images, containers, Dockerfiles, volumes, networking and the tools around them.';
/** The text of a "not yet" abstention; front ends title it "I don't have a topic on that yet". */
const NOT_YET = 'That is a Docker question, but none of my topics covers it yet.';

/**
 * Answers questions from the knowledge base. A question goes through the same analyser as the knowledge
 * (slang, stopwords, stems); misspelt words are corrected with Fuse.js against the knowledge base's own
 * vocabulary; an inverted index finds the phrases that share a distinctive term with the question; topics
 * are scored by how much of the question their best phrases, their fields and their whole vocabulary explain; and a
 * calibrated confidence decides whether to answer or abstain with near misses.
 */
export class AnswerEngine {
  readonly #knowledge: KnowledgeBase;
  readonly #options: Omit<Required<AnswerEngineOptions>, 'scoring'>;
  readonly #scoring: ScoringWeights;
  readonly #index: PhraseIndex;
  /** The weight of every indexed term. */
  readonly #weights: TermValues;
  /** The weight of a term nobody wrote: the rarest possible. */
  readonly #unseenIdf: number;
  /** Each phrase's total term weight, by record index: fixed, so computed once. */
  readonly #phraseWeights: Float64Array;
  /**
   * Every term each topic uses anywhere, the terms that name it, and the terms it explains: those of its
   * phrases other than the body (naming phrases, summary, example questions, card fronts, quiz questions).
   */
  readonly #topicTerms = new Map<string, { all: TermSet; naming: TermSet; explaining: TermSet }>();
  /** The same sets by topic number. */
  readonly #topicTermsByIndex: Array<{ all: TermSet; naming: TermSet; explaining: TermSet }> = [];
  /** For each term, how many topics it names (in a title, alias, keyword or command). */
  readonly #namedTopics: TermValues;
  /** Whether a question says anything of Docker; see {@link DockerSignal}. */
  readonly #dockerSignal: DockerSignal;
  /** The Docker features a question names; see {@link DockerFeatureFinder}. */
  readonly #features: DockerFeatureFinder;
  /** For each term some topic explains (see {@link #topicTerms}), how many topics explain it. */
  readonly #explainingTopics: TermValues;
  /** Per-query scratch, reused: which query term (slot) a term number is, valid when its stamp is the query's. */
  readonly #termStamp: Uint32Array;
  readonly #termSlot: Int32Array;
  /** Per-query scratch: whether a topic was evaluated, valid when its stamp is the query's. */
  readonly #topicStamp: Uint32Array;
  /** Per-query scratch for the upper bounds (see {@link #upperBounds}): the candidate topics, in topic order. */
  readonly #candidateTopics: Int32Array;
  /** Per-query scratch, by position among the candidates: the weight of the query's terms each holds (times its certainty). */
  readonly #candidateWeight: Float64Array;
  readonly #candidateNamingWeight: Float64Array;
  readonly #candidateBestPhrase: Float64Array;
  readonly #candidateSecondPhrase: Float64Array;
  /** Per-query scratch: each candidate's best match bound in each field of {@link FIELD_OF_KIND}, `FIELDS` each. */
  readonly #candidateFieldBest: Float64Array;
  /** Per-query scratch: each candidate's BM25F sum (see {@link #scoreTopic}) at most. */
  readonly #candidateFieldMatch: Float64Array;
  readonly #candidateExplained: Int32Array;
  /** Per-query scratch: how many of the query's pairs a topic shares (see {@link AnalysedQuery.sharedPairs}), valid when its stamp is the query's. */
  readonly #topicPairs: Int32Array;
  /** Per-query scratch: each candidate's bounds (see {@link CandidateBounds}). */
  readonly #scoreBounds: Float64Array;
  readonly #confidenceLogits: Float64Array;
  readonly #claimLogits: Float64Array;
  /** For each record, a bit per common term (see {@link #commonIndex}) it holds, at `r * #commonWords`. */
  readonly #recordCommonBits: Uint32Array;
  /**
   * For each record, its own weight to the minus its kind's {@link ScoringWeights.phraseCoverageExponent} (1 when
   * that is 0): a phrase's factor `(matched / own) ** e` is `matched ** e` times this, without a power per record.
   */
  readonly #recordPhraseScale: Float64Array;
  /** For each topic, BM25F's saturation `k1 × (1 − b + b × n / n̄)` (see {@link #scoreTopic}). */
  readonly #topicSaturation: Float64Array;
  /** For each topic, the kind weights of all its phrases other than the body: the most a term's BM25F uses can add up to. */
  readonly #topicFieldUse: Float64Array;
  /** For each term found in more than {@link COMMON_TERM_SHARE} of all phrases, its number among them; -1 for the rest. */
  readonly #commonIndex: Int32Array;
  /** How many 32-bit words a topic's bits of common terms take. */
  readonly #commonWords: number;
  /**
   * For each topic, a bit per common term: whether it holds it anywhere, names it, and explains it (the three
   * kinds of {@link #topicTerms}), at `t * #commonWords`: what the bounds ask of every candidate.
   */
  readonly #commonBits: readonly [Uint32Array, Uint32Array, Uint32Array];
  /** Each topic's number by its id. */
  readonly #topicIndex = new Map<string, number>();
  #stamp = 0;
  /** Per-phrase scratch: the query slots a phrase matches, in query order. */
  readonly #hits = new Int32Array(MAX_QUERY_TERMS);
  /** Per-topic scratch: for each query slot, how much the topic's phrases other than the body use it (see `RankWeights.fieldMatch`). */
  readonly #termUses = new Float64Array(MAX_QUERY_TERMS);
  /** Per-topic scratch: its {@link TOP_PHRASES} best phrase relevances, best first. */
  readonly #topRelevances = new Float64Array(TOP_PHRASES);
  /** Each topic's number of phrases other than the body, and their mean over topics: BM25F's length. */
  readonly #fieldLengths: Float64Array;
  readonly #averageFieldLength: number;
  /** The second opinion on the first few topics; see {@link #rerank}. */
  readonly #classifier: TopicClassifier;

  /**
   * @param index what the engine builds from `knowledge` alone; built here unless given (`loadAnswerEngine`
   *   reads it from the cache). It must have been built from these very topics, in this order.
   * @throws Error when `index` was built from another number of topics
   */
  constructor(knowledge: KnowledgeBase, options: AnswerEngineOptions = {}, index: EngineIndex = buildEngineIndex(knowledge)) {
    const { scoring, ...rest } = options;
    this.#knowledge = knowledge;
    this.#options = { ...DEFAULTS, ...rest };
    this.#scoring = { ...DEFAULT_SCORING, ...scoring };
    if (index.phrases.topicRecordStart.length !== knowledge.topics.length + 1) throw new Error('The answer engine index was built from other knowledge.');
    this.#index = index.phrases;
    this.#features = index.features;

    const { recordCount, recordKind, recordTopic, recordTermStart, recordTerms, topicRecordStart, postingStart, termIds, terms } = this.#index;
    const naming = PHRASE_KINDS.map((kind) => NAMING_KINDS.has(kind));
    const body = PHRASE_KINDS.indexOf('body');
    const isNamingTerm = new Uint8Array(terms.length);
    // Each topic's distinct terms of each kind (all, naming, explaining), found with a stamp per term rather
    // than a Set per topic, and kept in one array per kind: topic t's are `lists[which][starts[which][t] ..
    // starts[which][t + 1])`, sorted.
    const seen = [new Int32Array(terms.length).fill(-1), new Int32Array(terms.length).fill(-1), new Int32Array(terms.length).fill(-1)] as const;
    const lists = [new Int32Array(recordTerms.length), new Int32Array(recordTerms.length), new Int32Array(recordTerms.length)] as const;
    const starts = [new Int32Array(knowledge.topics.length + 1), new Int32Array(knowledge.topics.length + 1), new Int32Array(knowledge.topics.length + 1)] as const;
    const lengths = [0, 0, 0];
    const namedTopics = new Int32Array(terms.length);
    const explainingTopics = new Int32Array(terms.length);
    const add = (which: 0 | 1 | 2, id: number, t: number) => {
      if (seen[which][id] === t) return;
      seen[which][id] = t;
      lists[which][lengths[which]!++] = id;
    };
    for (let t = 0; t < knowledge.topics.length; t++) {
      for (let r = topicRecordStart[t]!; r < topicRecordStart[t + 1]!; r++) {
        const kind = recordKind[r]!;
        for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) {
          const id = recordTerms[k]!;
          add(0, id, t);
          if (kind !== body) add(2, id, t);
          if (naming[kind]) {
            add(1, id, t);
            isNamingTerm[id] = 1;
          }
        }
      }
      for (const which of [0, 1, 2] as const) {
        starts[which][t + 1] = lengths[which]!;
        lists[which].subarray(starts[which][t]!, lengths[which]).sort();
      }
      for (let k = starts[1][t]!; k < starts[1][t + 1]!; k++) namedTopics[lists[1][k]!]!++;
      for (let k = starts[2][t]!; k < starts[2][t + 1]!; k++) explainingTopics[lists[2][k]!]!++;
    }
    const [all, namingTerms, explaining] = ([0, 1, 2] as const).map((which) => lists[which].slice(0, lengths[which]));
    knowledge.topics.forEach((topic, t) => {
      const sets = {
        all: new TermSet(all!, termIds, starts[0][t], starts[0][t + 1]),
        naming: new TermSet(namingTerms!, termIds, starts[1][t], starts[1][t + 1]),
        explaining: new TermSet(explaining!, termIds, starts[2][t], starts[2][t + 1]),
      };
      this.#topicTerms.set(topic.id, sets);
      this.#topicTermsByIndex.push(sets);
    });
    // The common terms (see #prepare) each topic holds, names and explains, as bits.
    this.#commonIndex = new Int32Array(terms.length).fill(-1);
    let commonCount = 0;
    for (let id = 0; id < terms.length; id++) {
      if (postingStart[id + 1]! - postingStart[id]! > recordCount * COMMON_TERM_SHARE) this.#commonIndex[id] = commonCount++;
    }
    this.#commonWords = Math.ceil(commonCount / 32);
    const commonBits = ([0, 1, 2] as const).map((which) => {
      const bits = new Uint32Array(knowledge.topics.length * this.#commonWords);
      for (let t = 0; t < knowledge.topics.length; t++) {
        for (let k = starts[which][t]!; k < starts[which][t + 1]!; k++) {
          const c = this.#commonIndex[lists[which][k]!]!;
          if (c >= 0) bits[t * this.#commonWords + (c >>> 5)]! |= 1 << (c & 31);
        }
      }
      return bits;
    });
    this.#commonBits = [commonBits[0]!, commonBits[1]!, commonBits[2]!];
    this.#namedTopics = new TermValues(namedTopics, termIds);
    this.#explainingTopics = new TermValues(explainingTopics, termIds);
    const termWeights = new Float64Array(terms.length);
    for (let id = 0; id < terms.length; id++) {
      const idf = inverseDocumentFrequency(recordCount, postingStart[id + 1]! - postingStart[id]!);
      // Terms that name something count fully; words met only in examples and bodies count less.
      termWeights[id] = idf * (isNamingTerm[id] ? 1 : this.#scoring.incidentalWeight);
    }
    this.#weights = new TermValues(termWeights, termIds);
    this.#unseenIdf = inverseDocumentFrequency(recordCount, 0);
    this.#phraseWeights = new Float64Array(recordCount);
    for (let r = 0; r < recordCount; r++) {
      let sum = 0;
      for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) sum += termWeights[recordTerms[k]!]!;
      this.#phraseWeights[r] = sum;
    }
    this.#termStamp = new Uint32Array(terms.length);
    this.#termSlot = new Int32Array(terms.length);
    this.#topicStamp = new Uint32Array(knowledge.topics.length);
    this.#candidateTopics = new Int32Array(knowledge.topics.length);
    this.#candidateWeight = new Float64Array(knowledge.topics.length);
    this.#candidateNamingWeight = new Float64Array(knowledge.topics.length);
    this.#candidateBestPhrase = new Float64Array(knowledge.topics.length);
    this.#candidateSecondPhrase = new Float64Array(knowledge.topics.length);
    this.#candidateFieldBest = new Float64Array(knowledge.topics.length * FIELDS);
    this.#candidateFieldMatch = new Float64Array(knowledge.topics.length);
    this.#candidateExplained = new Int32Array(knowledge.topics.length);
    this.#topicPairs = new Int32Array(knowledge.topics.length);
    this.#scoreBounds = new Float64Array(knowledge.topics.length);
    this.#confidenceLogits = new Float64Array(knowledge.topics.length);
    this.#claimLogits = new Float64Array(knowledge.topics.length);
    this.#recordCommonBits = new Uint32Array(recordCount * this.#commonWords);
    for (let r = 0; r < recordCount; r++) {
      for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) {
        const c = this.#commonIndex[recordTerms[k]!]!;
        if (c >= 0) this.#recordCommonBits[r * this.#commonWords + (c >>> 5)]! |= 1 << (c & 31);
      }
    }
    const phraseExponents = PHRASE_KINDS.map((kind) => this.#scoring.phraseCoverageExponent[kind]);
    this.#recordPhraseScale = new Float64Array(recordCount);
    for (let r = 0; r < recordCount; r++) {
      const exponent = phraseExponents[recordKind[r]!]!;
      this.#recordPhraseScale[r] = exponent === 0 ? 1 : this.#phraseWeights[r]! ** -exponent;
    }
    knowledge.topics.forEach((topic, t) => this.#topicIndex.set(topic.id, t));
    this.#fieldLengths = new Float64Array(knowledge.topics.length);
    for (let r = 0; r < recordCount; r++) if (recordKind[r] !== body) this.#fieldLengths[recordTopic[r]!]!++;
    this.#averageFieldLength = Math.max(1, this.#fieldLengths.reduce((sum, n) => sum + n, 0) / Math.max(1, knowledge.topics.length));
    const { fieldSaturation, fieldLengthNormalisation, kindWeight } = this.#scoring;
    this.#topicSaturation = this.#fieldLengths.map((n) => fieldSaturation * (1 - fieldLengthNormalisation + (fieldLengthNormalisation * n) / this.#averageFieldLength));
    this.#topicFieldUse = new Float64Array(knowledge.topics.length);
    for (let r = 0; r < recordCount; r++) if (recordKind[r] !== body) this.#topicFieldUse[recordTopic[r]!]! += kindWeight[PHRASE_KINDS[recordKind[r]!]!];
    const names: string[][] = [];
    for (let r = 0; r < recordCount; r++) {
      if (!naming[recordKind[r]!]) continue;
      const name: string[] = [];
      for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) name.push(terms[recordTerms[k]!]!);
      names.push(name);
    }
    this.#dockerSignal = new DockerSignal(names, {
      anchors: DOCKER_ANCHORS,
      isCommand: (term) => COMMAND_TERMS.has(term),
      isSubcommand: (term) => SUBCOMMAND_TERMS.has(term),
    });
    // Derived from the phrases on every start, cached index or not: about 1 ms at 76 topics.
    this.#classifier = new TopicClassifier(this.#index, knowledge.topics.length, this.#scoring.rerank);
  }

  /** Answers one question, or abstains with suggestions. Never throws on any input string. */
  answer(rawQuestion: string): Answer {
    const question = rawQuestion.trim();
    const { ranked, query } = this.#rank(question, true);
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
    return this.#rank(question, false).ranked;
  }

  /**
   * The ranking, and the analysed question (none for a probe). `bounded` (for {@link answer}) stops
   * retrieval once the topics not yet looked at can change nothing an answer shows (see {@link #retrieve})
   * and ranks only the topics looked at; without it every candidate topic is ranked.
   */
  #rank(question: string, bounded: boolean): { ranked: RankedTopic[]; query?: AnalysedQuery } {
    // Cleaned first: bounded in length, and full-width or invisible characters cannot hide a probe.
    const cleaned = cleanQuery(markInstructions(question));
    if (looksLikeProbe(cleaned)) return { ranked: [] };
    const query = this.#analyse(cleaned);
    if (query.known.length === 0) return { ranked: [], query };
    return { ranked: this.#rankAnalysed(query, bounded), query };
  }

  #rankAnalysed(query: AnalysedQuery, bounded: boolean): RankedTopic[] {
    // The feature and Kubernetes gates decide on names and worlds that the postings' bounds cannot tell a
    // topic explains: a question that triggers one (rare) is ranked over every candidate, exactly.
    if (!bounded || query.features.length > 0 || this.#kubernetesWords(query).length > 0) return this.#rankScored(query, this.#retrieveAll(query)).ranked;
    const gated = this.#gateSubjects(query);
    const retrieval = this.#retrieveBounded(query, gated);
    const { scored, bounds, stamp, generating } = retrieval;
    let { skipped } = retrieval;
    const { minConfidence, minSuggestionConfidence, maxSuggestions } = this.#options;
    const suggestionLogit = logit(minSuggestionConfidence);
    for (;;) {
      const { ranked, claimed } = this.#rankScored(query, scored);
      if (skipped.length === 0) return ranked;
      let needed = this.#couldComeFirst(ranked, [...query.decisive, ...claimed, ...gated], skipped, bounds, query);
      if (needed.length === 0) {
        if (ranked[0] && ranked[0].confidence >= minConfidence) return ranked;
        // An abstention offers near misses: a skipped topic that could be one and could come before the
        // last one offered is scored after all.
        const nearMisses = ranked.filter((r) => r.confidence >= minSuggestionConfidence).slice(0, maxSuggestions);
        const last = nearMisses.at(-1);
        const partitioned = query.decisive.length + claimed.length + gated.length > 0;
        needed = skipped.filter(
          (i) =>
            bounds.confidenceLogits[i]! >= suggestionLogit &&
            (!last || nearMisses.length < maxSuggestions || (partitioned && last.unexplained.length > 0) || bounds.scoreBounds[i]! >= last.score),
        );
        if (needed.length === 0) return ranked;
      }
      const now = new Set(needed);
      for (const i of needed) scored.push(this.#scoreTopic(bounds.topics[i]!, query, stamp, generating));
      skipped = skipped.filter((i) => !now.has(i));
    }
  }

  /**
   * The words the gates after ranking (see {@link #gate}) will decide on: like decisive terms, a topic that
   * leaves one unexplained goes after every topic that explains them all, so bounded retrieval must look for
   * a skipped topic that might explain them. They depend on the question alone, so the gates are asked with
   * no topic ranked, which changes nothing. Every gate of {@link #gate} that reorders the ranking belongs here.
   */
  #gateSubjects(query: AnalysedQuery): string[] {
    const context = this.#gateContext(() => false);
    return [
      ...applySubjectGate(query.gateTerms, query.setting, [], context),
      ...applyShortQuestionGate(query.gateTerms, query.anchored, [], context),
    ];
  }

  /** The Kubernetes words the Kubernetes gate would decide on (none when it does not apply). */
  #kubernetesWords(query: AnalysedQuery): string[] {
    return applyKubernetesGate(query.gateTerms, [], { ...this.#gateContext(() => false), isCommand: (term) => COMMAND_TERMS.has(term) });
  }

  /** What the gates of `answer-gate.ts` ask of the knowledge base, with `explains` for the topics ranked. */
  #gateContext(explains: (r: RankedTopic, term: string) => boolean) {
    return {
      explains,
      explainingTopics: (term: string) => this.#explainingTopics.get(term) ?? 0,
      known: (term: string) => this.#weights.has(term),
      anchors: DOCKER_ANCHORS,
      penalty: UNEXPLAINED_PENALTY,
    };
  }

  /**
   * The skipped topics that could come before the first of a bounded ranking. With no decisive term, none:
   * the first is the best score, which is always scored. Otherwise the first is the best-scoring topic that
   * explains every decisive term: a skipped topic could come before it if it might explain them all (it
   * uses, in a phrase other than its body, every decisive term the postings could tell) and might score more.
   */
  #couldComeFirst(ranked: readonly RankedTopic[], decisive: readonly string[], skipped: readonly number[], bounds: CandidateBounds, query: AnalysedQuery): number[] {
    if (decisive.length === 0) return [];
    const slots = new Map(query.known.map((q, slot) => [q.term, slot]));
    // A decisive term no topic knows is explained by none: nothing can come before the first.
    if (decisive.some((term) => !slots.has(term))) return [];
    let mask = 0;
    for (const term of decisive) {
      const slot = slots.get(term)!;
      if (slot < EXPLAINED_SLOTS) mask |= 1 << slot;
    }
    const first = ranked[0];
    const firstScore = first && first.unexplained.length === 0 ? first.score : Number.NEGATIVE_INFINITY;
    return skipped.filter((i) => (bounds.explainedSlots[i]! & mask) === mask && bounds.scoreBounds[i]! >= firstScore);
  }

  /** Candidate topics scored, in a ranking with evidence, confidence and unexplained terms; see {@link rank}. */
  #rankScored(query: AnalysedQuery, retrieved: ScoredTopic[]): { ranked: RankedTopic[]; claimed: string[] } {
    retrieved.sort(byScore);
    const scored = this.#rerank(query, retrieved);
    const { calibration } = this.#scoring;

    // The evidence is the retrieval score's, as the calibration was fitted on: a topic the reranker put first
    // over a higher retrieval score has a negative lead, and a lower confidence, when the two opinions differ.
    // The reranker chooses among topics, not whether to answer: a topic it put before retrieval's first is
    // no surer than that one (before the penalties, which are each topic's own).
    const retrievalFirst = retrieved[0]?.topic;
    const movedAhead = scored.findIndex((s) => s.topic === retrievalFirst);
    const ranked = scored.map(({ topic, score: key, lift = 0, bestPhrase, coverage }, index): RankedTopic => {
      const score = key - lift;
      const other = scored[index === 0 ? 1 : 0];
      const rival = other ? other.score - (other.lift ?? 0) : 0;
      const evidence: AnswerEvidence = {
        score,
        bestPhrase,
        explained: coverage.explained,
        explainedByTerms: coverage.explainedByTerms,
        lead: score > 0 ? Math.max(-1, (score - rival) / score) : -1,
        anchored: query.namesDocker ? 1 : 0,
        knownShare: query.knownWeight / (query.knownWeight + query.unknownWeight),
        sharedPairs: Math.log1p(query.sharedPairs.get(this.#topicIndex.get(topic.id)!) ?? 0),
      };
      const { explaining } = this.#topicTerms.get(topic.id)!;
      const unexplained = query.decisive.filter((term) => !explaining.has(term));
      return { topic, score: key, evidence, confidence: calibratedConfidence(evidence, calibration), unexplained };
    });
    const cap = movedAhead > 0 ? ranked[movedAhead]!.confidence : 1;
    ranked.forEach((r, index) => {
      r.confidence = (index < movedAhead ? Math.min(r.confidence, cap) : r.confidence) * UNEXPLAINED_PENALTY ** r.unexplained.length;
    });
    // A subcommand written alone ("cp", "save", but also "under load") is decisive only once a topic that
    // explains it could answer: then "how do i cp a file" goes to that topic, and "under load" stays English.
    const claimed = query.subcommands.filter((term) =>
      ranked.some((r) => r.confidence >= this.#options.minConfidence && this.#topicTerms.get(r.topic.id)!.explaining.has(term)),
    );
    penalizeUnexplained(ranked, claimed, (r, term) => this.#topicTerms.get(r.topic.id)!.explaining.has(term), UNEXPLAINED_PENALTY);
    const subjects = this.#gate(ranked, query);
    // Stable: the ranking order stands among the topics that explain every decisive term, and among the rest.
    if (query.decisive.length + claimed.length + subjects.length > 0) ranked.sort((a, b) => Number(a.unexplained.length > 0) - Number(b.unexplained.length > 0));
    return { ranked, claimed };
  }

  /**
   * The second opinion (`topic-classifier.ts`, numbers in {@link ScoringWeights.rerank}): among the first
   * `depth` topics of a sorted ranking, those scoring within `margin` of the first have `weight` times the
   * classifier's posterior among them added to their score, and the ranking is sorted again. Those
   * topics stay ahead of every other (a lift is never negative), so the rest keep their order. New objects:
   * bounded retrieval ranks `sorted` again as it scores more topics.
   */
  #rerank(query: AnalysedQuery, sorted: readonly ScoredTopic[]): ScoredTopic[] {
    const { depth, margin, weight } = this.#scoring.rerank;
    const top = sorted[0]?.score ?? 0;
    let count = 0;
    while (count < Math.min(depth, sorted.length) && sorted[count]!.score >= top - margin) count++;
    if (weight === 0 || count < 2) return [...sorted];
    const window = sorted.slice(0, count);
    const posterior = this.#classifier.posterior(
      window.map((s) => this.#topicIndex.get(s.topic.id)!),
      query.known,
      query.pairs,
    );
    const lifted = window.map((s, i) => ({ ...s, score: s.score + weight * posterior[i]!, lift: weight * posterior[i]! }));
    return [...lifted.sort(byScore), ...sorted.slice(count)];
  }

  /**
   * The gates after ranking (`answer-gate.ts`): the subject gate (a rare word no topic explains is what the
   * question is about), the short-question gate (in a short Docker question every rarer word must be
   * explained), and the Docker-signal gate (a question that says nothing of Docker needs far stronger
   * evidence). They lower confidences and extend `unexplained`; the caller re-sorts.
   * @returns the subject words the gates decided on (none when no gate applied)
   */
  #gate(ranked: RankedTopic[], query: AnalysedQuery): string[] {
    const context = this.#gateContext((r, term) => this.#topicTerms.get(r.topic.id)!.explaining.has(term));
    const { dockerish } = query;
    const subjects = [
      ...applySubjectGate(query.gateTerms, query.setting, ranked, context),
      ...applyShortQuestionGate(query.gateTerms, query.anchored, ranked, context),
      ...applyFeatureGate(query.features, ranked, UNEXPLAINED_PENALTY),
      ...applyKubernetesGate(query.gateTerms, ranked, { ...context, isCommand: (term) => COMMAND_TERMS.has(term) }),
    ];
    if (!dockerish) {
      for (const r of ranked) r.confidence *= UNEXPLAINED_PENALTY;
    }
    return subjects;
  }

  /** Share of the query's weight, unknown words included, among these terms. */
  #explainedShare(explaining: { has(term: string): boolean }, query: AnalysedQuery): number {
    let explained = 0;
    let total = 0;
    for (const [term, weight] of query.weighted) {
      total += weight;
      if (explaining.has(term)) explained += weight;
    }
    return total > 0 ? explained / total : 0;
  }

  /**
   * The query's terms marked for {@link #scoreTopic}, and which of them find candidates. Candidates are the
   * topics with a phrase that shares one of the query's distinctive terms. A term found in more than
   * {@link COMMON_TERM_SHARE} of all phrases ("docker") still counts in every score, but finds no candidates
   * by itself unless the query has nothing rarer: otherwise one common word would make every question score
   * most of the knowledge base. A topic's best phrases are among those candidate phrases.
   */
  #prepare(query: AnalysedQuery): { stamp: number; generating: boolean[] } {
    const { recordCount, postingStart } = this.#index;
    const stamp = this.#nextStamp();
    query.known.forEach((q, slot) => {
      this.#termStamp[q.id] = stamp;
      this.#termSlot[q.id] = slot;
    });
    const distinctive = query.known.map((q) => postingStart[q.id + 1]! - postingStart[q.id]! <= recordCount * COMMON_TERM_SHARE);
    return { stamp, generating: distinctive.includes(true) ? distinctive : query.known.map(() => true) };
  }

  /** Every candidate topic, scored exactly (for {@link rank}). */
  #retrieveAll(query: AnalysedQuery): ScoredTopic[] {
    const { postingStart, postingRecords, recordTopic } = this.#index;
    const { stamp, generating } = this.#prepare(query);
    const scored: ScoredTopic[] = [];
    query.known.forEach((q, slot) => {
      if (!generating[slot]) return;
      for (let p = postingStart[q.id]!; p < postingStart[q.id + 1]!; p++) {
        const topic = recordTopic[postingRecords[p]!]!;
        if (this.#topicStamp[topic] === stamp) continue;
        this.#topicStamp[topic] = stamp;
        scored.push(this.#scoreTopic(topic, query, stamp, generating));
      }
    });
    return scored;
  }

  /**
   * The candidate topics that could change what an answer shows, scored exactly, and the others with their
   * bounds (for {@link answer}). An upper bound on each candidate's score and confidence comes first,
   * accumulated term by term from the postings into typed arrays ({@link #upperBounds}); the candidates with
   * the highest bounds are scored first, then, highest bound first, every one whose score could reach the
   * second-best exact score (so it could be first, or the rival that sets the first one's lead), or be one the
   * reranker lifts (among the first `depth` and within `margin` of the first: {@link ScoringWeights.rerank}),
   * or that could claim a subcommand of the question (see {@link #mayClaim}). The rest are skipped;
   * {@link #rankAnalysed} scores any of them that could still come first (through the decisive terms) or be
   * offered as a near miss.
   */
  #retrieveBounded(
    query: AnalysedQuery,
    gated: readonly string[],
  ): { scored: ScoredTopic[]; skipped: number[]; bounds: CandidateBounds; stamp: number; generating: boolean[] } {
    const { stamp, generating } = this.#prepare(query);
    const bounds = this.#upperBounds(query, stamp, generating, gated);
    const { topics, scoreBounds, claimLogits, explainedSlots } = bounds;
    const mayClaim = this.#mayClaim(query, claimLogits, explainedSlots);
    const first = highest(scoreBounds, PROMISING_TOPICS);
    const scored: ScoredTopic[] = [];
    // The best exact scores so far, highest first: the first, the second, and the one at the reranker's depth.
    const { depth, margin, weight } = this.#scoring.rerank;
    const best: number[] = [];
    const kept = Math.max(2, weight > 0 ? depth : 0);
    const score = (topic: number) => {
      const topicScore = this.#scoreTopic(topic, query, stamp, generating);
      scored.push(topicScore);
      let at = Math.min(best.length, kept);
      while (at > 0 && best[at - 1]! < topicScore.score) at--;
      if (at < kept) best.splice(at, 0, topicScore.score);
      best.length = Math.min(best.length, kept);
    };
    // A topic below this cannot be first or second (nor the first one's rival), nor one the reranker may lift
    // (see #rerank): it scores below `depth` others, or more than `margin` below the first.
    const threshold = () => {
      const second = best[1] ?? Number.NEGATIVE_INFINITY;
      if (weight === 0) return second;
      return Math.max(best[kept - 1] ?? Number.NEGATIVE_INFINITY, Math.min(second, (best[0] ?? Number.NEGATIVE_INFINITY) - margin));
    };
    const done = new Uint8Array(topics.length);
    for (const i of first) {
      done[i] = 1;
      score(topics[i]!);
    }
    /** Positions among the candidates. */
    const skipped: number[] = [];
    // The others that could still matter, highest bound first: scored in that order, they raise the
    // second-best score as fast as they can, so that fewer are scored.
    const open: number[] = [];
    let bar = threshold();
    for (let i = 0; i < topics.length; i++) {
      if (done[i] === 1) continue;
      if (scoreBounds[i]! < bar && !mayClaim(i)) skipped.push(i);
      else open.push(i);
    }
    open.sort((a, b) => scoreBounds[b]! - scoreBounds[a]! || a - b);
    for (const i of open) {
      if (scoreBounds[i]! < bar && !mayClaim(i)) skipped.push(i);
      else {
        score(topics[i]!);
        bar = threshold();
      }
    }
    return { scored, skipped, bounds, stamp, generating };
  }

  /**
   * Whether a candidate that scores below two others (so it is neither first nor the first one's rival) could
   * still change what an answer shows through its confidence: only by claiming a subcommand written alone
   * (`#rankScored`: a topic that explains it with a confidence of at least `minConfidence` makes it decisive).
   * Its first place, through the decisive terms, and its place among the near misses are looked for after
   * ranking ({@link #rankAnalysed}). A question without such a subcommand ("what is a container") needs none of
   * the thousands of topics that merely could be confident about it.
   * @param claimLogits each candidate's highest confidence (log-odds) when the claims are decided
   * @param explainedSlots each candidate's explained query slots; see {@link CandidateBounds.explainedSlots}
   */
  #mayClaim(query: AnalysedQuery, claimLogits: Float64Array, explainedSlots: Int32Array): (i: number) => boolean {
    if (query.subcommands.length === 0) return () => false;
    const answerLogit = logit(this.#options.minConfidence);
    const slots = new Map(query.known.map((q, slot) => [q.term, slot]));
    let mask = 0;
    for (const term of query.subcommands) {
      const slot = slots.get(term)!;
      // Past the slots tracked, whether a topic explains it is unknown: it may.
      if (slot >= EXPLAINED_SLOTS) return (i) => claimLogits[i]! >= answerLogit;
      mask |= 1 << slot;
    }
    return (i) => (explainedSlots[i]! & mask) !== 0 && claimLogits[i]! >= answerLogit;
  }

  /**
   * For every candidate topic, the most it can score and the highest confidence it can have while scoring
   * below two others: in the end, and when the subcommands are claimed (before the gates' penalties).
   *
   * The postings of the generating terms are merged in record order, so each candidate phrase is met once,
   * knowing which of them it holds, and a topic's phrases one after another (its records are consecutive):
   * its bounds are added up in a few local numbers rather than in arrays by topic or record. A phrase's common
   * terms (those that find no candidates) are bits kept with the index ({@link #recordCommonBits}), so its
   * matched terms, and from them its relevance, are exact: its kind's weight times the share of the query's
   * weight (each term times its certainty) it matches to {@link ScoringWeights.queryCoverageExponent}, times
   * the share of its own weight the query matches to its {@link ScoringWeights.phraseCoverageExponent}, the
   * powers taken once per set of matched terms ({@link #recordPhraseScale}). A topic's score is then at most
   * what its best two phrases give (the mean of its five best at most (best + 4 × second) / 5), with its
   * fields' best matches, its coverage (the query terms it holds), the share explained by its naming terms,
   * which query terms it explains and its shared pairs exact; BM25F exact for the generating terms (their
   * postings give every use) and, for a common term it explains, as if every phrase of the topic other than
   * the body used it. The terms past the first {@link EXPLAINED_SLOTS} of a long query count as held by every
   * phrase.
   *
   * Its confidence (as log-odds) takes each feature's upper end where the calibration's coefficient is positive
   * and its lower end where it is negative (its lead at most 0, since it scores below two others); the
   * unexplained-term penalty only lowers it. The arrays returned are scratch, valid until the next query.
   */
  #upperBounds(query: AnalysedQuery, stamp: number, generating: readonly boolean[], gated: readonly string[]): CandidateBounds {
    const { postingStart, postingRecords, recordTopic, recordKind } = this.#index;
    const { kindWeight, queryCoverageExponent, phraseCoverageExponent, rankWeights: w, calibration } = this.#scoring;
    const known = query.known;
    const naming = PHRASE_KINDS.map((kind) => NAMING_KINDS.has(kind));
    const body = PHRASE_KINDS.indexOf('body');
    const kindWeights = PHRASE_KINDS.map((kind) => kindWeight[kind]);
    const phraseExponents = PHRASE_KINDS.map((kind) => phraseCoverageExponent[kind]);
    // A margin over rounding: a bound must never fall below what a topic really scores.
    const margin = 1 + 1e-9;
    // The generating terms' postings, each read from its start to its end.
    const lists = known.flatMap((q, slot) => (generating[slot] ? [slot] : []));
    const listCount = lists.length;
    const next = Int32Array.from(lists, (slot) => postingStart[known[slot]!.id]!);
    const end = Int32Array.from(lists, (slot) => postingStart[known[slot]!.id + 1]!);
    const listBit = Int32Array.from(lists, (slot) => (slot < EXPLAINED_SLOTS ? 1 << slot : 0));
    const listCertain = Float64Array.from(lists, (slot) => known[slot]!.weight * known[slot]!.certainty);
    // Per topic: whether it holds each generating term, names it, and how much its phrases other than the body use it.
    const held = new Uint8Array(listCount);
    const named = new Uint8Array(listCount);
    const uses = new Float64Array(listCount);
    // The common terms: bits per phrase and per topic. Terms past the tracked slots: held by every phrase.
    const [holds, names, explains] = this.#commonBits;
    const words = this.#commonWords;
    const common = known.flatMap((q, slot) => {
      if (generating[slot]) return [];
      const c = this.#commonIndex[q.id]!;
      return [{ slot, certain: q.weight * q.certainty, word: c >>> 5, bit: 1 << (c & 31) }];
    });
    const trackedCommon = common.filter((c) => c.slot < EXPLAINED_SLOTS);
    const commonSlot = Int32Array.from(trackedCommon, (c) => 1 << c.slot);
    const commonWord = Int32Array.from(trackedCommon, (c) => c.word);
    const commonBit = Int32Array.from(trackedCommon, (c) => c.bit);
    let untracked = 0;
    let untrackedCertain = 0;
    for (let slot = EXPLAINED_SLOTS; slot < known.length; slot++) {
      untracked += known[slot]!.weight;
      untrackedCertain += known[slot]!.weight * known[slot]!.certainty;
    }
    /** For a set of matched slots: the query's factor, then `matched ** e` for each kind's exponent. */
    const factorsOf = (slots: number): Float64Array => {
      let matched = untracked;
      let matchedCertain = untrackedCertain;
      for (let slot = 0; slot < Math.min(known.length, EXPLAINED_SLOTS); slot++) {
        if ((slots & (1 << slot)) === 0) continue;
        matched += known[slot]!.weight;
        matchedCertain += known[slot]!.weight * known[slot]!.certainty;
      }
      const factors = new Float64Array(PHRASE_KINDS.length + 1);
      factors[0] = Math.min(1, (matchedCertain * margin) / query.knownWeight) ** queryCoverageExponent;
      phraseExponents.forEach((exponent, kind) => (factors[kind + 1] = exponent === 0 ? 1 : (matched * margin) ** exponent));
      return factors;
    };
    const factorsBySlots = new Map<number, Float64Array>();
    let factorSlots = -1;
    let factors: Float64Array = new Float64Array(PHRASE_KINDS.length + 1);

    const topics = this.#candidateTopics;
    let count = 0;
    let topic = -1;
    let best = 0;
    let second = 0;
    let nameField = 0;
    let termField = 0;
    let summaryField = 0;
    let explained = 0;
    for (;;) {
      let r = NO_RECORD;
      for (let j = 0; j < listCount; j++) if (next[j]! < end[j]! && postingRecords[next[j]!]! < r) r = postingRecords[next[j]!]!;
      const t = r === NO_RECORD ? -1 : recordTopic[r]!;
      if (t !== topic) {
        if (topic >= 0) {
          // The topic just read: its phrases' bounds, and what its generating terms give.
          const i = count - 1;
          let weight = 0;
          let namingWeight = 0;
          let fieldMatch = 0;
          for (let j = 0; j < listCount; j++) {
            if (held[j] === 0) continue;
            weight += listCertain[j]!;
            if (named[j] !== 0) namingWeight += listCertain[j]!;
            if (uses[j]! > 0) fieldMatch += (listCertain[j]! * uses[j]!) / (uses[j]! + this.#topicSaturation[topic]!);
          }
          this.#candidateBestPhrase[i] = best;
          this.#candidateSecondPhrase[i] = second;
          this.#candidateFieldBest[i * FIELDS] = nameField;
          this.#candidateFieldBest[i * FIELDS + 1] = termField;
          this.#candidateFieldBest[i * FIELDS + 2] = summaryField;
          this.#candidateWeight[i] = weight;
          this.#candidateNamingWeight[i] = namingWeight;
          this.#candidateFieldMatch[i] = fieldMatch;
          this.#candidateExplained[i] = explained;
        }
        if (r === NO_RECORD) break;
        topic = t;
        topics[count++] = t;
        best = second = nameField = termField = summaryField = 0;
        explained = 0;
        for (let j = 0; j < listCount; j++) {
          held[j] = 0;
          named[j] = 0;
          uses[j] = 0;
        }
      }
      const kind = recordKind[r]!;
      let slots = 0;
      for (let j = 0; j < listCount; j++) {
        if (next[j]! >= end[j]! || postingRecords[next[j]!] !== r) continue;
        next[j]!++;
        slots |= listBit[j]!;
        held[j] = 1;
        if (naming[kind]) named[j] = 1;
        if (kind !== body) uses[j] = uses[j]! + kindWeights[kind]!;
      }
      if (kind !== body) explained |= slots;
      for (let j = 0; j < commonSlot.length; j++) if ((this.#recordCommonBits[r * words + commonWord[j]!]! & commonBit[j]!) !== 0) slots |= commonSlot[j]!;
      if (slots !== factorSlots) {
        let known = factorsBySlots.get(slots);
        if (known === undefined) factorsBySlots.set(slots, (known = factorsOf(slots)));
        factors = known;
        factorSlots = slots;
      }
      const queryFactor = factors[0]!;
      const field = FIELD_OF_KIND[kind]!;
      // The phrase's own factor is at most 1: a phrase that could not beat its topic's second best even with it,
      // nor its field's best match, changes nothing (the five best phrases are bounded by the best and the second).
      if (kindWeights[kind]! * queryFactor <= second && (field < 0 || queryFactor <= (field === 0 ? nameField : field === 1 ? termField : summaryField))) continue;
      const match = queryFactor * (phraseExponents[kind] === 0 ? 1 : Math.min(1, factors[kind + 1]! * this.#recordPhraseScale[r]!));
      const relevance = kindWeights[kind]! * match;
      if (field === 0 && match > nameField) nameField = match;
      else if (field === 1 && match > termField) termField = match;
      else if (field === 2 && match > summaryField) summaryField = match;
      if (relevance > best) {
        second = best;
        best = relevance;
      } else if (relevance > second) second = relevance;
    }
    // The common terms each candidate topic holds, names and explains, from its bits: far tighter bounds than
    // counting every common term as held by every topic. Only the terms of more than 5% of all phrases are not
    // generating, and those have bits.
    for (let i = 0; i < count; i++) {
      const t = topics[i]!;
      for (const { slot, certain, word, bit } of common) {
        const at = t * words + word;
        if ((holds[at]! & bit) === 0) continue;
        this.#candidateWeight[i] = this.#candidateWeight[i]! + certain;
        if ((names[at]! & bit) !== 0) this.#candidateNamingWeight[i] = this.#candidateNamingWeight[i]! + certain;
        if ((explains[at]! & bit) !== 0) {
          if (slot < EXPLAINED_SLOTS) this.#candidateExplained[i] = this.#candidateExplained[i]! | (1 << slot);
          const most = this.#topicFieldUse[t]!;
          this.#candidateFieldMatch[i] = this.#candidateFieldMatch[i]! + (certain * most) / (most + this.#topicSaturation[t]!);
        }
      }
    }
    for (const [t, pairCount] of query.sharedPairs) {
      this.#topicStamp[t] = stamp;
      this.#topicPairs[t] = pairCount;
    }
    const total = query.knownWeight + query.unknownWeight;
    // Each feature at the end of its range that raises the confidence: a positive coefficient times its
    // upper end, a negative one times its lower end (0 for the shares, scores and pairs, -1 for the lead).
    const c = calibration;
    const up = (coefficient: number) => Math.max(0, coefficient);
    const ends: Record<keyof AnswerEvidence, 'per topic' | number> = {
      score: 'per topic',
      bestPhrase: 'per topic',
      explained: 'per topic',
      explainedByTerms: 'per topic',
      sharedPairs: 'per topic',
      lead: c.lead > 0 ? 0 : -1,
      anchored: query.namesDocker ? 1 : 0,
      knownShare: query.knownWeight / total,
    };
    let fixed = c.intercept;
    for (const feature of EVIDENCE_FEATURES) {
      const end = ends[feature];
      if (end !== 'per topic') fixed += c[feature] * end;
    }
    const [cScore, cBestPhrase, cExplained, cExplainedByTerms, cPairs] = [up(c.score), up(c.bestPhrase), up(c.explained), up(c.explainedByTerms), up(c.sharedPairs)];
    // The penalties known before ranking, each multiplying a confidence p by 0.25, which lowers its log-odds
    // by at least ln 4: a decisive term or a gate's word the topic certainly leaves unexplained (no topic knows
    // it, or the topic's phrases other than the body do not use it), and the Docker-signal gate, which lowers
    // every confidence of a question that says nothing of Docker. (A claimed subcommand is known only after
    // ranking: left out, which only loosens the bound.) When subcommands are claimed, only the decisive terms'
    // penalties have been applied: the gates come after.
    const penalty = Math.log(UNEXPLAINED_PENALTY);
    const slots = new Map(known.map((q, slot) => [q.term, slot]));
    const mustExplainOf = (words: Iterable<string>) => {
      let unknown = 0;
      let mask = 0;
      for (const term of new Set(words)) {
        const slot = slots.get(term);
        if (slot === undefined) unknown++;
        else if (slot < EXPLAINED_SLOTS) mask |= 1 << slot;
      }
      return { unknown, mask };
    };
    const signalPenalty = query.dockerish ? 0 : 1;
    const { unknown: unknownWords, mask: mustExplain } = mustExplainOf([...query.decisive, ...gated]);
    const { unknown: unknownDecisive, mask: mustExplainDecisive } = mustExplainOf(query.decisive);
    const claimFixed = fixed + unknownDecisive * penalty;
    fixed += (signalPenalty + unknownWords) * penalty;
    for (let i = 0; i < count; i++) {
      const t = topics[i]!;
      const weight = this.#candidateWeight[i]! * margin;
      const bestPhrase = this.#candidateBestPhrase[i]!;
      const secondPhrase = this.#candidateSecondPhrase[i]!;
      // Every phrase after the best relevance is at most the second-best bound.
      const vocabulary = Math.min(1, weight / query.knownWeight);
      const fieldMatch = Math.min(vocabulary, (this.#candidateFieldMatch[i]! * margin) / query.knownWeight);
      const sharedPairs = this.#topicStamp[t] === stamp ? this.#topicPairs[t]! : 0;
      const pairs = query.pairs.length > 0 ? sharedPairs / query.pairs.length : 0;
      const score =
        (w.bestPhrase * bestPhrase +
          w.secondPhrase * secondPhrase +
          w.topPhrases * ((bestPhrase + (TOP_PHRASES - 1) * secondPhrase) / TOP_PHRASES) +
          w.nameMatch * this.#candidateFieldBest[i * FIELDS]! +
          w.termMatch * this.#candidateFieldBest[i * FIELDS + 1]! +
          w.summaryMatch * this.#candidateFieldBest[i * FIELDS + 2]! +
          w.vocabulary * vocabulary +
          w.fieldMatch * fieldMatch +
          w.sharedPairs * pairs) *
          margin +
        1e-12;
      this.#scoreBounds[i] = score;
      const evidence =
        cScore * score +
        cBestPhrase * bestPhrase +
        cExplained * Math.min(1, weight / total) +
        cExplainedByTerms * Math.min(1, (this.#candidateNamingWeight[i]! * margin) / total) +
        cPairs * Math.log1p(sharedPairs) +
        1e-9;
      this.#confidenceLogits[i] = fixed + evidence + bitCount(mustExplain & ~this.#candidateExplained[i]!) * penalty;
      this.#claimLogits[i] = claimFixed + evidence + bitCount(mustExplainDecisive & ~this.#candidateExplained[i]!) * penalty;
    }
    return {
      topics: topics.subarray(0, count),
      scoreBounds: this.#scoreBounds.subarray(0, count),
      confidenceLogits: this.#confidenceLogits.subarray(0, count),
      claimLogits: this.#claimLogits.subarray(0, count),
      explainedSlots: this.#candidateExplained.subarray(0, count),
    };
  }

  /**
   * One topic's score, best phrase and coverage; `stamp` marks the query's terms (see {@link #retrieve}). The
   * score is the weighted sum of {@link ScoringWeights.rankWeights}: its best phrases, its best match in each naming field,
   * its vocabulary, BM25F over its phrases other than the body, and the query's word pairs it uses.
   */
  #scoreTopic(topic: number, query: AnalysedQuery, stamp: number, generating: readonly boolean[]): ScoredTopic {
    const { recordKind, recordTermStart, recordTerms, topicRecordStart } = this.#index;
    const { kindWeight, queryCoverageExponent, phraseCoverageExponent, rankWeights: w, fieldSaturation, fieldLengthNormalisation } = this.#scoring;
    const known = query.known;
    const hits = this.#hits;
    const uses = this.#termUses;
    uses.fill(0, 0, known.length);
    const top = this.#topRelevances;
    top.fill(0);
    const fieldBest = [0, 0, 0];
    const body = PHRASE_KINDS.indexOf('body');
    for (let r = topicRecordStart[topic]!; r < topicRecordStart[topic + 1]!; r++) {
      let count = 0;
      let candidate = false;
      const kindIndex = recordKind[r]!;
      const kind = PHRASE_KINDS[kindIndex]!;
      const use = kindIndex === body ? 0 : kindWeight[kind];
      for (let k = recordTermStart[r]!; k < recordTermStart[r + 1]!; k++) {
        const id = recordTerms[k]!;
        if (this.#termStamp[id] !== stamp) continue;
        const slot = this.#termSlot[id]!;
        uses[slot] = uses[slot]! + use;
        // In query order, so sums are added in the same order as ever.
        let at = count++;
        while (at > 0 && hits[at - 1]! > slot) hits[at] = hits[--at]!;
        hits[at] = slot;
        if (generating[slot]) candidate = true;
      }
      if (!candidate) continue;
      // How well the phrase explains the query: the share of the query's weight it matches and the share of
      // its own weight the query matches, so "image vs container" prefers the phrase "image vs container"
      // over the phrase "image".
      let matchedWeight = 0;
      let matchedCertainWeight = 0;
      for (let i = 0; i < count; i++) {
        const { weight, certainty } = known[hits[i]!]!;
        matchedWeight += weight;
        matchedCertainWeight += weight * certainty;
      }
      const match = (matchedCertainWeight / query.knownWeight) ** queryCoverageExponent * (matchedWeight / this.#phraseWeights[r]!) ** phraseCoverageExponent[kind];
      const relevance = kindWeight[kind] * match;
      const field = FIELD_OF_KIND[kindIndex]!;
      if (field >= 0 && match > fieldBest[field]!) fieldBest[field] = match;
      // The five best relevances, best first.
      if (relevance > top[TOP_PHRASES - 1]!) {
        let at = TOP_PHRASES - 1;
        while (at > 0 && top[at - 1]! < relevance) top[at] = top[--at]!;
        top[at] = relevance;
      }
    }
    const [first, second] = [top[0]!, top[1]!];
    let topSum = 0;
    for (let i = 0; i < TOP_PHRASES; i++) topSum += top[i]!;
    const coverage = this.#topicCoverage(topic, query);
    // BM25F: a term's uses saturate, and a topic with more phrases than most needs more uses for the same.
    const saturation = fieldSaturation * (1 - fieldLengthNormalisation + (fieldLengthNormalisation * this.#fieldLengths[topic]!) / this.#averageFieldLength);
    let fieldMatch = 0;
    for (let slot = 0; slot < known.length; slot++) {
      const u = uses[slot]!;
      if (u > 0) fieldMatch += (known[slot]!.weight * known[slot]!.certainty * u) / (u + saturation);
    }
    const pairs = query.pairs.length > 0 ? (query.sharedPairs.get(topic) ?? 0) / query.pairs.length : 0;
    const score =
      w.bestPhrase * first +
      w.secondPhrase * second +
      w.topPhrases * (topSum / TOP_PHRASES) +
      w.nameMatch * fieldBest[0]! +
      w.termMatch * fieldBest[1]! +
      w.summaryMatch * fieldBest[2]! +
      w.vocabulary * coverage.matched +
      w.fieldMatch * (fieldMatch / query.knownWeight) +
      w.sharedPairs * pairs;
    return { topic: this.#knowledge.topics[topic]!, score, bestPhrase: first, coverage };
  }

  /**
   * How much of the query a topic's own words account for: `matched` over the words the knowledge base
   * knows, `explained` over every word asked (so "install node on windows", all known words, is not
   * explained by any one topic), and `explainedByTerms` counting only the terms that name the topic.
   */
  #topicCoverage(topic: number, query: AnalysedQuery): { matched: number; explained: number; explainedByTerms: number } {
    const terms = this.#topicTermsByIndex[topic]!;
    let matched = 0;
    let matchedNaming = 0;
    for (const { id, weight, certainty } of query.known) {
      if (terms.all.hasId(id)) matched += weight * certainty;
      if (terms.naming.hasId(id)) matchedNaming += weight * certainty;
    }
    const total = query.knownWeight + query.unknownWeight;
    return { matched: matched / query.knownWeight, explained: matched / total, explainedByTerms: matchedNaming / total };
  }

  #nextStamp(): number {
    this.#stamp = this.#stamp === 0xffffffff ? 1 : this.#stamp + 1;
    if (this.#stamp === 1) {
      this.#termStamp.fill(0);
      this.#topicStamp.fill(0);
    }
    return this.#stamp;
  }

  /** {@link #sharedPairs} by topic id, for the Docker-signal gate. */
  #sharedPairsById(pairs: readonly number[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const pair of pairs) {
      const topics = this.#index.pairTopics.get(pair) ?? [];
      for (const topic of typeof topics === 'number' ? [topics] : topics) {
        const topicId = this.#knowledge.topics[topic]!.id;
        counts.set(topicId, (counts.get(topicId) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** For each topic (by number), how many of these distinct neighbouring term pairs its phrases also use side by side. */
  #sharedPairs(pairs: readonly number[]): Map<number, number> {
    const counts = new Map<number, number>();
    for (const pair of pairs) {
      const topics = this.#index.pairTopics.get(pair) ?? [];
      for (const topic of typeof topics === 'number' ? [topics] : topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
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
        known.set(term, { term, id: this.#index.termIds.get(term)!, weight, certainty: Math.max(0, 1 - this.#scoring.correctionPenalty * distance) });
      }
    }
    const terms = [...known.values()];
    const anchored = terms.some((t) => DOCKER_ANCHORS.has(t.term) && t.certainty === 1);
    const pairs = [...new Set(adjacentPairs(analysed.map((t) => t.term), this.#index.termIds))];
    const features = this.#features.named(cleaned);
    const gateTerms = [...terms.map(({ term, certainty }) => ({ term, certainty })), ...[...unknown].map((term) => ({ term, certainty: 1 }))];
    const signalPairs = this.#sharedPairsById(pairs.filter((pair) => pairTermIds(pair).every((id) => /\p{L}/u.test(this.#index.terms[id]!))));
    const dockerish = this.#dockerSignal.has({ terms: gateTerms, anchored, sharedPairs: signalPairs, known: (term) => this.#weights.has(term) });
    const unknownWordWeight = this.#unseenIdf * this.#scoring.unknownWeight;
    const namesDocker = namesDockerWorld(anchored, terms, false);
    const surelyDocker = namesDocker || this.#dockerSignal.dockerTermCount(gateTerms) >= DOCKER_TERMS_FOR_WORKLOADS;
    return {
      known: terms,
      knownWeight: terms.reduce((sum, t) => sum + t.weight, 0),
      unknownWeight: unknown.size * unknownWordWeight,
      anchored,
      dockerish,
      aboutDocker: anchored || [...known.keys(), ...unknown].some((term) => COMMAND_TERMS.has(term)) || features.length > 0,
      namesDocker,
      ...this.#decisiveTerms(terms, unknown, anchored, surelyDocker),
      weighted: [...terms.map((t) => [t.term, t.weight] as const), ...[...unknown].map((term) => [term, unknownWordWeight] as const)],
      pairs,
      sharedPairs: this.#sharedPairs(pairs),
      gateTerms,
      features,
      setting: { anchored, dockerish, surelyDocker, possessed: possessedTerms(cleaned) },
      signalPairs,
    };
  }

  /** The terms a topic must explain to answer, and the subcommands written alone; see {@link AnswerEngine.rank}. */
  #decisiveTerms(known: readonly QueryTerm[], unknown: ReadonlySet<string>, anchored: boolean, signalled: boolean): { decisive: string[]; subcommands: string[] } {
    const decisive: string[] = [];
    const subcommands: string[] = [];
    // A short question that names nothing of Docker's world (no anchor, flag, command, Dockerfile instruction
    // in capitals, nor two of Docker's own words and no word of another world: "what does FROM scratch give
    // you", "how big can a tmpfs mount get", not "how do i rotate nginx logs") is about each of its words:
    // "health check for my car" is not answered by a topic that explains only "health check". In one surely
    // about Docker (`signalled`), a workload is the asker's world, as the subject gate has it.
    const dockerish = namesDockerWorld(anchored, known, true);
    const pure = !known.some((t) => isOtherWorldTerm(t.term) && /\p{L}/u.test(t.term)) && ![...unknown].some((t) => isOtherWorldTerm(t));
    const short = !dockerish && !(pure && this.#dockerSignal.dockerTermCount(known) >= DOCKER_TERMS_NAMING_DOCKER) && known.length + unknown.size <= SHORT_QUESTION_TERMS;
    const decides = (term: string) => short && /^\p{L}{3,}$/u.test(term) && !(signalled && WORKLOAD_WORDS.has(term));
    for (const { term, certainty } of known) {
      // A corrected word is never decisive: "stuck" is not `docker stack`.
      if (certainty < 1) continue;
      const named = this.#namedTopics.get(term) ?? 0;
      const narrow = named <= DECISIVE_TOPIC_COUNT;
      // A docker command, or a long flag the knowledge names (`--privileged`, `--gpus`), names its subject.
      const longFlag = term.startsWith('--') && named > 0;
      if ((COMMAND_TERMS.has(term) || longFlag) && narrow) decisive.push(term);
      else if (SUBCOMMAND_TERMS.has(term) && narrow && named > 0) subcommands.push(term);
      else if (decides(term)) decisive.push(term);
    }
    for (const term of unknown) if (COMMAND_TERMS.has(term) || decides(term)) decisive.push(term);
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

/** Highest score first; equal scores by title, so that every ranking of the same topics is the same. */
const byScore = (a: ScoredTopic, b: ScoredTopic): number => b.score - a.score || a.topic.title.localeCompare(b.topic.title);

const round = (n: number): number => Math.round(n * 1000) / 1000;
