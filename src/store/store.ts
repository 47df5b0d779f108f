import type { DailyStore } from './daily-store.ts';
import type { ReminderStore } from './reminder-store.ts';
import type { HeartbeatStore } from './heartbeat-store.ts';

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
  /** Daily quiz posts: schedules, claims, posts and reveals (`docs/daily.md`). */
  readonly daily: DailyStore;
  /** Opt-in reminders by direct message: one a day per learner, claimed like daily posts (`docs/daily.md`). */
  readonly reminders: ReminderStore;
  /** Which Discord shards each process sharing this database runs (`docs/scaling.md`). */
  readonly heartbeats: HeartbeatStore;

  /** Releases the connection(s). The store is unusable afterwards. */
  close(): Promise<void>;

  /** The learner's spaced-repetition state for every card they have graded. */
  cardProgress(learnerKey: string): Promise<CardProgress[]>;
  startCardSession(session: CardSession): Promise<void>;
  cardSession(id: string): Promise<CardSession | undefined>;
  /**
   * Marks a session's card as revealed at `at`, from the card state with `reps` repetitions; false when there
   * is no such session. The first reveal wins: revealing again keeps its time and state.
   */
  revealCardSession(id: string, at: Date, reps: number): Promise<boolean>;
  /**
   * Grades a session's card, atomically: the session is closed, the card's new state, the review log entry
   * and the study day are written together, or nothing is. Refused (`already-graded`) when the session was
   * graded before, or the card's state changed since it was read (`review.previousReps`), so two grades
   * arriving at once count once.
   */
  recordReview(review: ReviewRecord): Promise<'recorded' | 'already-graded'>;
  /**
   * Grades a session's card as practice (it was not due): the session is closed and the study day written,
   * and the card's schedule and review log are left alone. Refused when the session was graded before.
   */
  recordPractice(practice: PracticeRecord): Promise<'recorded' | 'already-graded'>;
  /** The learner's most recent grade at or after `since`, if it can still be undone (nothing graded that card since). */
  lastReview(learnerKey: string, since: Date): Promise<LastReview | undefined>;
  /**
   * Undoes a grade, atomically: the card's state before it is restored (a card new then is new again) and
   * the review is deleted. Refused (`not-undoable`) unless it is still the learner's last grade at or after
   * `since` and nothing has graded that card since.
   */
  undoReview(learnerKey: string, sessionId: string, since: Date): Promise<'undone' | 'not-undoable'>;
  /**
   * Makes the given cards new again for the learner (their spaced-repetition state is deleted); reviews and
   * points stay, as history. Returns how many cards had progress.
   */
  resetCards(learnerKey: string, cardIds: readonly string[]): Promise<number>;
  /** How many cards the learner graded for the first time at or after `since` (new cards per day). */
  cardsIntroducedSince(learnerKey: string, since: Date): Promise<number>;

  createQuiz(quiz: QuizRecord): Promise<void>;
  quiz(id: string): Promise<QuizRecord | undefined>;
  /** One answer per learner per quiz counts; a second one is refused and changes nothing. */
  recordQuizAnswer(answer: QuizAnswerRecord): Promise<'recorded' | 'already-answered'>;
  /** The learner's earlier answer to a quiz, if any. */
  quizAnswer(quizId: string, learnerKey: string): Promise<StoredQuizAnswer | undefined>;

  /** The learner's own settings; empty when they have set none. */
  learnerSettings(learnerKey: string): Promise<LearnerSettings>;
  /** Saves the given settings over the learner's earlier ones (fields left out keep their value). */
  saveLearnerSettings(learnerKey: string, settings: LearnerSettings, at: Date): Promise<void>;

  /** The questions the learner has drawn from `pool` (a topic id, or `*` for all) this round, oldest first. */
  questionDraws(learnerKey: string, pool: string): Promise<QuestionDraw[]>;
  /**
   * Records that the learner drew a question from `pool`; `already-drawn` when they had this round (another
   * process drew it at the same moment), so the caller draws again.
   */
  recordQuestionDraw(learnerKey: string, pool: string, draw: QuestionDraw): Promise<'recorded' | 'already-drawn'>;
  /** Starts a new round: forgets the learner's draws from `pool`. */
  clearQuestionDraws(learnerKey: string, pool: string): Promise<void>;

  learnerActivity(learnerKey: string): Promise<LearnerActivity>;
  /** The learners of one server or workspace with the most points since `since`, best first. */
  leaderboard(serverId: string, since: Date, limit: number): Promise<LeaderboardRow[]>;

  recordAnswer(answer: AnswerRecord): Promise<void>;
  /**
   * A learner's vote on an answer; voting the other way replaces their earlier vote (`changed`), voting the
   * same way again changes nothing (`unchanged`).
   */
  recordVote(vote: VoteRecord): Promise<'recorded' | 'changed' | 'unchanged' | 'unknown-answer'>;
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
  /**
   * Deletes everything stored about one person, in one transaction: card progress, card sessions, reviews,
   * quiz answers, study days, daily-answer days, question draws, settings, reminders, their name, the questions they asked (with the votes on them)
   * and their votes. Returns how many rows went, by kind.
   */
  forgetLearner(learnerKey: string): Promise<Record<string, number>>;
  /** Deletes the questions asked before `before` (and the votes on them): the retention period. Returns how many. */
  pruneAnswers(before: Date): Promise<number>;
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
  /**
   * The longest interval (milliseconds) the first review on the learner's local `date` offered: later
   * reviews that day are held to it, so same-day reviews never stretch a schedule.
   */
  intervalCap?: { date: string; ms: number };
}

/** A flash card shown to one learner, waiting for them to reveal and grade it. */
export interface CardSession {
  id: string;
  learnerKey: string;
  cardId: string;
  createdAt: Date;
  revealedAt?: Date;
  /** The card's `reps` when it was revealed (0 for a new card): the state its grade buttons were computed from. */
  revealedReps?: number;
  gradedAt?: Date;
}

/** A grade that may still be undone. */
export interface LastReview {
  sessionId: string;
  cardId: string;
  /** ts-fsrs `Rating`: 1 again, 2 hard, 3 good, 4 easy. */
  rating: number;
  reviewedAt: Date;
}

/** A grade of a card that was not due: it counts as a study day, and changes nothing else. */
export interface PracticeRecord {
  sessionId: string;
  learner: LearnerRef;
  reviewedAt: Date;
  /** The learner's local date (`YYYY-MM-DD`), for streaks. */
  studyDate: string;
}

export interface ReviewRecord {
  sessionId: string;
  learner: LearnerRef;
  serverId?: string;
  /** The card's `reps` when it was read before grading (0 for a new card). */
  previousReps: number;
  /** The card's state before the grade (absent for a new card): what undoing the grade restores. */
  previous?: CardProgress;
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
  /**
   * For a right answer to a daily post: the local date (`YYYY-MM-DD`) it counts for in the daily streak, in the
   * learner's time zone where known, else the channel's. Recorded with the answer, only if the answer is.
   */
  dailyDate?: string;
}

/** What a learner set with `/settings`; absent fields use the platform's or the product's default. */
export interface LearnerSettings {
  /** An IANA time zone (`Europe/Paris`): the learner's day for streaks, the new-card limit and "next due". */
  timeZone?: string;
  /** New cards `/review` introduces per day, 0 to 100. */
  newCardsPerDay?: number;
}

export interface QuestionDraw {
  questionId: string;
  /** 1 for the round's first draw, 2 for the next, …: the order of draws made in the same millisecond. */
  position: number;
  drawnAt: Date;
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
  /** Local dates on which the learner answered a daily post right, newest first, at most 400. */
  dailyDates: string[];
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
