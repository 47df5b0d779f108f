/**
 * The Store port: everything the bot remembers between restarts. The core depends on this interface only;
 * `SqliteStore` (the embedded default) and `PostgresStore` implement it and pass one contract suite
 * (`test/integration/store/store-contract.ts`).
 *
 * Times are `Date`s, stored as milliseconds since the epoch. Learners are keyed by `platform:userId`, so the
 * same person on Discord and Slack has two records.
 */
import type { Abstention } from '../search/index.ts';

export interface Store {
  /** Releases the connection(s). The store is unusable afterwards. */
  close(): Promise<void>;

  /** The learner's spaced-repetition state for every card they have graded. */
  cardProgress(learnerKey: string): Promise<CardProgress[]>;
  startCardSession(session: CardSession): Promise<void>;
  cardSession(id: string): Promise<CardSession | undefined>;
  /** Marks a session's card as revealed; false when there is no such session. */
  revealCardSession(id: string, at: Date): Promise<boolean>;
  /**
   * Grades a session's card, atomically: the session is closed, the card's new state, the review log entry
   * and the study day are written together, or nothing is. Refused (`already-graded`) when the session was
   * graded before, or the card's state changed since it was read (`review.previousReps`), so two grades
   * arriving at once count once.
   */
  recordReview(review: ReviewRecord): Promise<'recorded' | 'already-graded'>;
  /** How many cards the learner graded for the first time at or after `since` (new cards per day). */
  cardsIntroducedSince(learnerKey: string, since: Date): Promise<number>;

  createQuiz(quiz: QuizRecord): Promise<void>;
  quiz(id: string): Promise<QuizRecord | undefined>;
  /** One answer per learner per quiz counts; a second one is refused and changes nothing. */
  recordQuizAnswer(answer: QuizAnswerRecord): Promise<'recorded' | 'already-answered'>;
  /** The learner's earlier answer to a quiz, if any. */
  quizAnswer(quizId: string, learnerKey: string): Promise<StoredQuizAnswer | undefined>;

  learnerActivity(learnerKey: string): Promise<LearnerActivity>;
  /** The learners of one server or workspace with the most points since `since`, best first. */
  leaderboard(serverId: string, since: Date, limit: number): Promise<LeaderboardRow[]>;

  recordAnswer(answer: AnswerRecord): Promise<void>;
  /** A learner's vote on an answer; voting again replaces their earlier vote. */
  recordVote(vote: VoteRecord): Promise<'recorded' | 'changed' | 'unknown-answer'>;
  /**
   * Answers worth a maintainer's attention: abstained, below `maxConfidence`, answered explaining less than
   * `minExplainedShare` of the question (0..1; 0, the default, lists none for that), or voted down.
   */
  knowledgeGaps(maxConfidence: number, minExplainedShare?: number): Promise<GapRecord[]>;

  /**
   * Claims a delivery (a platform event id, a button press) so it is handled once, by one process: true the
   * first time `id` is claimed, false while an earlier claim is younger than `keepMs`. Expired claims are
   * deleted as new ones arrive, so the table holds only the deliveries of the longest keep time in use.
   */
  claimDelivery(id: string, at: Date, keepMs: number): Promise<boolean>;
}

/** Who did something: the key the store uses and the name leaderboards show. */
export interface LearnerRef {
  key: string;
  name: string;
}

/** FSRS state of one card for one learner (the fields of ts-fsrs's `Card`). */
export interface CardProgress {
  cardId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview?: Date;
}

/** A flash card shown to one learner, waiting for them to reveal and grade it. */
export interface CardSession {
  id: string;
  learnerKey: string;
  cardId: string;
  createdAt: Date;
  revealedAt?: Date;
  gradedAt?: Date;
}

export interface ReviewRecord {
  sessionId: string;
  learner: LearnerRef;
  serverId?: string;
  /** The card's `reps` when it was read before grading (0 for a new card). */
  previousReps: number;
  next: CardProgress;
  /** ts-fsrs `Rating`: 1 again, 2 hard, 3 good, 4 easy. */
  rating: number;
  reviewedAt: Date;
  /** The learner's local date (`YYYY-MM-DD`) of the review, for streaks. */
  studyDate: string;
}

/** A multiple-choice question as posted: which question, and the order its options were shown in. */
export interface QuizRecord {
  id: string;
  questionId: string;
  /** Indices into `[answer, ...distractors]`, in display order. */
  optionOrder: number[];
  serverId?: string;
  channelId?: string;
  createdAt: Date;
}

export interface QuizAnswerRecord {
  quizId: string;
  learner: LearnerRef;
  serverId?: string;
  /** The display position the learner chose. */
  choice: number;
  correct: boolean;
  answeredAt: Date;
  studyDate: string;
}

export interface StoredQuizAnswer {
  choice: number;
  correct: boolean;
  answeredAt: Date;
}

export interface LearnerActivity {
  reviews: number;
  /** Reviews graded Again: the card was forgotten. */
  forgotten: number;
  quizAnswers: number;
  quizCorrect: number;
  /** Local dates (`YYYY-MM-DD`) on which the learner studied, newest first, at most 400. */
  studyDates: string[];
}

export interface LeaderboardRow {
  learnerKey: string;
  name: string;
  /** One per card recalled (graded Hard, Good or Easy) and one per correct quiz answer. */
  points: number;
}

/** An answer the bot gave (or declined to give), kept so votes and knowledge gaps can refer to it. */
export interface AnswerRecord {
  id: string;
  question: string;
  topicId?: string;
  confidence: number;
  answered: boolean;
  /** Why the engine abstained (`not-yet`: a Docker question no topic answers); absent when it answered. */
  abstention?: Abstention;
  /** 0..1: share of the question the answering topic explains (see `Answer.explainedShare`). */
  explainedShare?: number;
  askedAt: Date;
  /** The asker's learner key. The store keeps only a salted digest of it, to count distinct askers. */
  askerKey: string;
}

export interface VoteRecord {
  answerId: string;
  /** The voter's learner key; stored as a salted digest, like the asker's. */
  voterKey: string;
  vote: 'up' | 'down';
  votedAt: Date;
}

export interface GapRecord {
  question: string;
  topicId?: string;
  confidence: number;
  answered: boolean;
  /** Absent for answers and for answers recorded before it was kept. */
  abstention?: Abstention;
  explainedShare?: number;
  askedAt: Date;
  /** Opaque: equal for the same asker, and nothing else can be read from it. */
  askerDigest: string;
  downVotes: number;
}
