import { beforeEach, afterEach, describe, expect, test } from 'vitest';
import type { CardProgress, ReviewRecord, Store } from '../../../src/store/index.ts';
import { describeDailyStoreContract } from './daily-store-contract.ts';
import { describeReminderStoreContract } from './reminder-store-contract.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ada = { key: 'console:ada', name: 'Ada' };
const bob = { key: 'console:bob', name: 'Bob' };

function progress(cardId: string, reps: number, due: Date): CardProgress {
  return {
    cardId,
    due,
    stability: 2.5 + reps,
    difficulty: 5.25,
    elapsedDays: 0,
    scheduledDays: reps,
    learningSteps: 0,
    reps,
    lapses: 0,
    state: 2,
    lastReview: minutes(reps),
  };
}

function review(sessionId: string, cardId: string, previousReps: number, overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    sessionId,
    learner: ada,
    serverId: 'server-1',
    previousReps,
    next: progress(cardId, previousReps + 1, minutes(60 * 24)),
    rating: 3,
    reviewedAt: minutes(1),
    studyDate: '2026-03-01',
    ...overrides,
  };
}

/**
 * The behaviour every `Store` must have. Each implementation's test file calls this with a function that
 * opens a store over an empty database.
 */
export function describeStoreContract(name: string, openEmptyStore: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmptyStore();
    });
    afterEach(async () => {
      await store.close();
    });

    async function startSession(id: string, cardId: string, learnerKey = ada.key) {
      await store.startCardSession({ id, learnerKey, cardId, createdAt: T0 });
    }

    describe('learner settings', () => {
      test('GIVEN settings saved in two goes THEN each keeps the other, per learner, and /forget-me removes them', async () => {
        expect(await store.learnerSettings(ada.key)).toEqual({});
        await store.saveLearnerSettings(ada.key, { timeZone: 'Europe/Paris' }, T0);
        await store.saveLearnerSettings(ada.key, { newCardsPerDay: 0 }, minutes(1));
        await store.saveLearnerSettings(bob.key, { newCardsPerDay: 20 }, T0);
        expect(await store.learnerSettings(ada.key)).toEqual({ timeZone: 'Europe/Paris', newCardsPerDay: 0 });
        expect(await store.learnerSettings(bob.key)).toEqual({ newCardsPerDay: 20 });
        expect((await store.forgetLearner(ada.key))['learner_settings']).toBe(1);
        expect(await store.learnerSettings(ada.key)).toEqual({});
      });
    });

    describe('question draws', () => {
      const draw = (questionId: string, position: number, at = T0) => ({ questionId, position, drawnAt: at });

      test('GIVEN draws from a pool THEN they read back in order, per learner and pool, and a repeat is refused', async () => {
        expect(await store.recordQuestionDraw(ada.key, 'volumes', draw('volumes/q2', 1))).toBe('recorded');
        expect(await store.recordQuestionDraw(ada.key, 'volumes', draw('volumes/q1', 2))).toBe('recorded');
        expect(await store.recordQuestionDraw(ada.key, 'volumes', draw('volumes/q2', 3))).toBe('already-drawn');
        await store.recordQuestionDraw(ada.key, '*', draw('images/q1', 1));
        await store.recordQuestionDraw(bob.key, 'volumes', draw('volumes/q3', 1));
        expect(await store.questionDraws(ada.key, 'volumes')).toEqual([draw('volumes/q2', 1), draw('volumes/q1', 2)]);
        expect(await store.questionDraws(bob.key, 'volumes')).toEqual([draw('volumes/q3', 1)]);
      });

      test('GIVEN a round cleared THEN only that learner and pool start afresh', async () => {
        await store.recordQuestionDraw(ada.key, 'volumes', draw('volumes/q1', 1));
        await store.recordQuestionDraw(ada.key, '*', draw('volumes/q1', 1));
        await store.clearQuestionDraws(ada.key, 'volumes');
        expect(await store.questionDraws(ada.key, 'volumes')).toEqual([]);
        expect(await store.questionDraws(ada.key, '*')).toEqual([draw('volumes/q1', 1)]);
      });
    });

    describe('card sessions and reviews', () => {
      test('GIVEN a started session THEN it reads back, and revealing it records the time once', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        expect(await store.cardSession('s1')).toEqual({ id: 's1', learnerKey: ada.key, cardId: 'volumes/anonymous-volume', createdAt: T0 });
        expect(await store.revealCardSession('s1', minutes(1), 3)).toBe(true);
        expect(await store.revealCardSession('s1', minutes(2), 4)).toBe(true);
        expect(await store.cardSession('s1')).toMatchObject({ revealedAt: minutes(1), revealedReps: 3 });
      });

      test('GIVEN grades THEN only the last one, within the window, can be undone, restoring the state before it', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0));
        const first = progress('volumes/anonymous-volume', 1, minutes(60 * 24));
        await startSession('s2', 'volumes/anonymous-volume');
        await store.recordReview(review('s2', 'volumes/anonymous-volume', 1, { previous: first, reviewedAt: minutes(5) }));
        expect(await store.lastReview(ada.key, minutes(6))).toBeUndefined();
        expect(await store.lastReview(ada.key, minutes(4))).toEqual({ sessionId: 's2', cardId: 'volumes/anonymous-volume', rating: 3, reviewedAt: minutes(5) });
        expect(await store.undoReview(ada.key, 's1', T0)).toBe('not-undoable');
        expect(await store.undoReview(bob.key, 's2', T0)).toBe('not-undoable');
        expect(await store.undoReview(ada.key, 's2', T0)).toBe('undone');
        expect(await store.cardProgress(ada.key)).toEqual([first]);
        expect((await store.learnerActivity(ada.key)).reviews).toBe(1);
        // s1 recorded no state before it (a new card), so undoing it makes the card new again.
        expect(await store.undoReview(ada.key, 's1', T0)).toBe('undone');
        expect(await store.cardProgress(ada.key)).toEqual([]);
      });

      test('GIVEN cards reset THEN only those cards of that learner lose their progress', async () => {
        for (const [id, card, learner] of [['s1', 'volumes/anonymous-volume', ada], ['s2', 'volumes/c2', ada], ['s3', 'volumes/anonymous-volume', bob]] as const) {
          await store.startCardSession({ id, learnerKey: learner.key, cardId: card, createdAt: T0 });
          await store.recordReview(review(id, card, 0, { learner }));
        }
        expect(await store.resetCards(ada.key, ['volumes/anonymous-volume', 'volumes/c9'])).toBe(1);
        expect(await store.resetCards(ada.key, [])).toBe(0);
        expect((await store.cardProgress(ada.key)).map((p) => p.cardId)).toEqual(['volumes/c2']);
        expect(await store.cardProgress(bob.key)).toHaveLength(1);
      });

      test("GIVEN a card's same-day interval cap THEN it reads back with the card", async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        const next = { ...progress('volumes/anonymous-volume', 1, minutes(60)), intervalCap: { date: '2026-03-01', ms: 8 * 86_400_000 } };
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0, { next }));
        expect(await store.cardProgress(ada.key)).toEqual([next]);
      });

      test('GIVEN a practice grade THEN the session closes and the day counts, and the card and review log are untouched', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0));
        await startSession('s2', 'volumes/anonymous-volume');
        const practice = { sessionId: 's2', learner: ada, reviewedAt: minutes(60 * 30), studyDate: '2026-03-02' };
        expect(await store.recordPractice(practice)).toBe('recorded');
        expect(await store.recordPractice(practice)).toBe('already-graded');
        expect(await store.cardProgress(ada.key)).toEqual([progress('volumes/anonymous-volume', 1, minutes(60 * 24))]);
        expect((await store.cardSession('s2'))?.gradedAt).toEqual(minutes(60 * 30));
        expect(await store.learnerActivity(ada.key)).toMatchObject({ reviews: 1, studyDates: ['2026-03-02', '2026-03-01'] });
      });

      test('GIVEN no such session THEN reading and revealing it find nothing', async () => {
        expect(await store.cardSession('missing')).toBeUndefined();
        expect(await store.revealCardSession('missing', T0, 0)).toBe(false);
      });

      test('GIVEN a graded card THEN its progress, the session, the review count and the study day are stored', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        expect(await store.recordReview(review('s1', 'volumes/anonymous-volume', 0))).toBe('recorded');

        expect(await store.cardProgress(ada.key)).toEqual([progress('volumes/anonymous-volume', 1, minutes(60 * 24))]);
        expect((await store.cardSession('s1'))?.gradedAt).toEqual(minutes(1));
        expect(await store.learnerActivity(ada.key)).toEqual({
          reviews: 1,
          forgotten: 0,
          quizAnswers: 0,
          quizCorrect: 0,
          studyDates: ['2026-03-01'],
          dailyDates: [],
        });
      });

      test('GIVEN a session already graded THEN a second grade is refused and changes nothing', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0));
        expect(await store.recordReview(review('s1', 'volumes/anonymous-volume', 1, { rating: 1 }))).toBe('already-graded');
        expect((await store.cardProgress(ada.key))[0]?.reps).toBe(1);
        expect((await store.learnerActivity(ada.key)).reviews).toBe(1);
      });

      test('GIVEN the card changed since it was read THEN the grade is refused and the session stays open', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        await startSession('s2', 'volumes/anonymous-volume');
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0));
        expect(await store.recordReview(review('s2', 'volumes/anonymous-volume', 0))).toBe('already-graded');
        expect((await store.cardSession('s2'))?.gradedAt).toBeUndefined();
        expect((await store.learnerActivity(ada.key)).reviews).toBe(1);
      });

      test('GIVEN two grades of the same card arriving at once THEN exactly one counts', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        await startSession('s2', 'volumes/anonymous-volume');
        const results = await Promise.all([
          store.recordReview(review('s1', 'volumes/anonymous-volume', 0)),
          store.recordReview(review('s1', 'volumes/anonymous-volume', 0, { rating: 4 })),
          store.recordReview(review('s2', 'volumes/anonymous-volume', 0, { rating: 1 })),
        ]);
        expect(results.filter((r) => r === 'recorded')).toHaveLength(1);
        expect((await store.learnerActivity(ada.key)).reviews).toBe(1);
        expect((await store.cardProgress(ada.key))[0]?.reps).toBe(1);
      });

      test('GIVEN a card graded again later THEN its progress is replaced, and each learner sees only their own', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        await startSession('s2', 'volumes/anonymous-volume');
        await startSession('s3', 'volumes/anonymous-volume', bob.key);
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0));
        await store.recordReview(review('s2', 'volumes/anonymous-volume', 1, { next: progress('volumes/anonymous-volume', 2, minutes(9_000)) }));
        await store.recordReview(review('s3', 'volumes/anonymous-volume', 0, { learner: bob }));
        expect(await store.cardProgress(ada.key)).toEqual([progress('volumes/anonymous-volume', 2, minutes(9_000))]);
        expect((await store.cardProgress(bob.key))[0]?.reps).toBe(1);
      });

      test('GIVEN cards first graded before and after a moment THEN only the later ones count as introduced since', async () => {
        for (const [id, card, at] of [
          ['s1', 'a/first-card', minutes(1)],
          ['s2', 'a/second-card', minutes(30)],
          ['s3', 'a/first-card', minutes(40)],
        ] as const) {
          await startSession(id, card);
          const previousReps = id === 's3' ? 1 : 0;
          await store.recordReview(review(id, card, previousReps, { reviewedAt: at }));
        }
        expect(await store.cardsIntroducedSince(ada.key, minutes(10))).toBe(1);
        expect(await store.cardsIntroducedSince(ada.key, T0)).toBe(2);
        expect(await store.cardsIntroducedSince(bob.key, T0)).toBe(0);
      });

      test('GIVEN a progress record without a last review THEN it reads back without one', async () => {
        await startSession('s1', 'volumes/anonymous-volume');
        const next = progress('volumes/anonymous-volume', 1, minutes(10));
        delete next.lastReview;
        await store.recordReview(review('s1', 'volumes/anonymous-volume', 0, { next }));
        expect((await store.cardProgress(ada.key))[0]).toEqual(next);
      });
    });

    describe('multiple-choice quizzes', () => {
      const quiz = { id: 'q1', questionId: 'volumes/docker-volume-prune-remove-default', optionOrder: [2, 0, 3, 1], serverId: 'server-1', channelId: 'c-1', createdAt: T0 };
      const answer = (learner = ada, choice = 1, correct = true) => ({
        quizId: 'q1',
        learner,
        serverId: 'server-1',
        choice,
        correct,
        answeredAt: minutes(2),
        studyDate: '2026-03-01',
      });

      test('GIVEN a posted quiz THEN it reads back with its option order', async () => {
        await store.createQuiz(quiz);
        expect(await store.quiz('q1')).toEqual(quiz);
        expect(await store.quiz('q2')).toBeUndefined();
      });

      test('GIVEN a quiz posted in a DM THEN it reads back without a server or channel', async () => {
        await store.createQuiz({ id: 'dm', questionId: 'volumes/container-started-v-dbdata-data', optionOrder: [0, 1, 2, 3], createdAt: T0 });
        expect(await store.quiz('dm')).toEqual({ id: 'dm', questionId: 'volumes/container-started-v-dbdata-data', optionOrder: [0, 1, 2, 3], createdAt: T0 });
      });

      test('GIVEN one answer per learner THEN a second answer is refused and the first one stands', async () => {
        await store.createQuiz(quiz);
        expect(await store.recordQuizAnswer(answer())).toBe('recorded');
        expect(await store.recordQuizAnswer(answer(ada, 2, false))).toBe('already-answered');
        expect(await store.recordQuizAnswer(answer(bob, 2, false))).toBe('recorded');
        expect(await store.quizAnswer('q1', ada.key)).toEqual({ choice: 1, correct: true, answeredAt: minutes(2) });
        expect(await store.learnerActivity(ada.key)).toMatchObject({ quizAnswers: 1, quizCorrect: 1 });
        expect(await store.learnerActivity(bob.key)).toMatchObject({ quizAnswers: 1, quizCorrect: 0 });
      });

      test('GIVEN the same learner answering twice at once THEN one answer counts', async () => {
        await store.createQuiz(quiz);
        const results = await Promise.all([store.recordQuizAnswer(answer()), store.recordQuizAnswer(answer(ada, 0, false))]);
        expect(results.sort()).toEqual(['already-answered', 'recorded']);
        expect((await store.learnerActivity(ada.key)).quizAnswers).toBe(1);
      });
    });

    describe('activity and leaderboards', () => {
      test('GIVEN study on several days THEN study dates are listed once each, newest first', async () => {
        for (const [i, date] of ['2026-03-01', '2026-03-03', '2026-03-01', '2026-03-02'].entries()) {
          await startSession(`s${i}`, `topic/card-${i}`);
          await store.recordReview(review(`s${i}`, `topic/card-${i}`, 0, { studyDate: date, rating: i === 0 ? 1 : 3 }));
        }
        expect(await store.learnerActivity(ada.key)).toEqual({
          reviews: 4,
          forgotten: 1,
          quizAnswers: 0,
          quizCorrect: 0,
          studyDates: ['2026-03-03', '2026-03-02', '2026-03-01'],
          dailyDates: [],
        });
      });

      test('GIVEN a learner with no activity THEN everything is zero', async () => {
        expect(await store.learnerActivity('console:nobody')).toEqual({
          reviews: 0,
          forgotten: 0,
          quizAnswers: 0,
          quizCorrect: 0,
          studyDates: [],
          dailyDates: [],
        });
      });

      test('GIVEN recalls and correct answers THEN the leaderboard counts them per server since a date, best first', async () => {
        // Ada: two recalls and one forgotten card on server-1; Bob: three correct answers on server-1 and
        // one on server-2; an old recall of Bob's falls before the window.
        const grades: [string, typeof ada, number, string, Date][] = [
          ['a1', ada, 3, 'server-1', minutes(5)],
          ['a2', ada, 2, 'server-1', minutes(6)],
          ['a3', ada, 1, 'server-1', minutes(7)],
          ['b0', bob, 3, 'server-1', minutes(-60)],
        ];
        for (const [id, learner, rating, serverId, at] of grades) {
          await startSession(id, `t/${id}`, learner.key);
          await store.recordReview(review(id, `t/${id}`, 0, { learner, rating, serverId, reviewedAt: at }));
        }
        for (const [i, serverId] of ['server-1', 'server-1', 'server-1', 'server-2'].entries()) {
          await store.createQuiz({ id: `q${i}`, questionId: 'x/question', optionOrder: [0, 1, 2, 3], serverId, createdAt: T0 });
          await store.recordQuizAnswer({
            quizId: `q${i}`,
            learner: { ...bob, name: 'Bob B.' },
            serverId,
            choice: 0,
            correct: true,
            answeredAt: minutes(10),
            studyDate: '2026-03-01',
          });
        }
        expect(await store.leaderboard('server-1', T0, 10)).toEqual([
          { learnerKey: bob.key, name: 'Bob B.', points: 3 },
          { learnerKey: ada.key, name: 'Ada', points: 2 },
        ]);
        expect(await store.leaderboard('server-1', T0, 1)).toHaveLength(1);
        expect(await store.leaderboard('server-2', T0, 10)).toEqual([{ learnerKey: bob.key, name: 'Bob B.', points: 1 }]);
        expect(await store.leaderboard('server-3', T0, 10)).toEqual([]);
      });
    });

    describe('answers, votes and knowledge gaps', () => {
      const asked = (id: string, overrides: object = {}) => ({
        id,
        question: `question ${id}`,
        topicId: 'volumes',
        confidence: 0.9,
        answered: true,
        askedAt: minutes(1),
        askerKey: ada.key,
        ...overrides,
      });

      test('GIVEN questions older than the retention period THEN pruning deletes them and their votes, and keeps the rest', async () => {
        await store.recordAnswer(asked('old', { answered: false, askedAt: minutes(1) }));
        await store.recordAnswer(asked('new', { answered: false, askedAt: minutes(10) }));
        await store.recordVote({ answerId: 'old', voterKey: bob.key, vote: 'down', votedAt: minutes(2) });
        expect(await store.pruneAnswers(minutes(5))).toBe(1);
        expect((await store.knowledgeGaps(0.7)).map((g) => g.question)).toEqual(['question new']);
      });

      test('GIVEN /forget-me THEN everything about that person goes, and nothing about anyone else', async () => {
        await store.startCardSession({ id: 's1', learnerKey: ada.key, cardId: 'volumes/c1', createdAt: T0 });
        await store.recordReview(review('s1', 'volumes/c1', 0));
        await store.startCardSession({ id: 's2', learnerKey: bob.key, cardId: 'volumes/c1', createdAt: T0 });
        await store.recordReview(review('s2', 'volumes/c1', 0, { learner: bob }));
        await store.createQuiz({ id: 'q1', questionId: 'volumes/q1', optionOrder: [0, 1, 2, 3], serverId: 'server-1', createdAt: T0 });
        await store.recordQuizAnswer({ quizId: 'q1', learner: ada, serverId: 'server-1', choice: 0, correct: true, answeredAt: T0, studyDate: '2026-03-01' });
        await store.recordQuestionDraw(ada.key, 'volumes', { questionId: 'volumes/q1', position: 1, drawnAt: T0 });
        await store.recordAnswer(asked('by-ada', { answered: false }));
        await store.recordAnswer(asked('by-bob', { answered: false, askerKey: bob.key }));
        await store.recordVote({ answerId: 'by-ada', voterKey: bob.key, vote: 'down', votedAt: T0 });
        await store.recordVote({ answerId: 'by-bob', voterKey: ada.key, vote: 'down', votedAt: T0 });

        const deleted = await store.forgetLearner(ada.key);
        expect(deleted).toMatchObject({ card_progress: 1, reviews: 1, quiz_answers: 1, study_days: 1, question_draws: 1, learners: 1, questions: 1, votes: 2 });
        expect(await store.cardProgress(ada.key)).toEqual([]);
        expect(await store.cardSession('s1')).toBeUndefined();
        expect(await store.learnerActivity(ada.key)).toEqual({ reviews: 0, forgotten: 0, quizAnswers: 0, quizCorrect: 0, studyDates: [], dailyDates: [] });
        expect(await store.questionDraws(ada.key, 'volumes')).toEqual([]);
        expect((await store.leaderboard('server-1', T0, 10)).map((r) => r.learnerKey)).toEqual([bob.key]);
        expect((await store.knowledgeGaps(0.7)).map((g) => [g.question, g.downVotes])).toEqual([['question by-bob', 0]]);
        expect(await store.cardProgress(bob.key)).toHaveLength(1);
      });

      test('GIVEN answers THEN gaps are the abstained, the unsure and the voted down, oldest first', async () => {
        await store.recordAnswer(asked('sure'));
        await store.recordAnswer(asked('unsure', { confidence: 0.55, askedAt: minutes(2) }));
        await store.recordAnswer(asked('abstained', { answered: false, topicId: undefined, confidence: 0.1, askedAt: minutes(3) }));
        await store.recordAnswer(asked('disliked', { askedAt: minutes(4) }));
        await store.recordVote({ answerId: 'disliked', voterKey: bob.key, vote: 'down', votedAt: minutes(5) });
        await store.recordVote({ answerId: 'sure', voterKey: bob.key, vote: 'up', votedAt: minutes(5) });

        const gaps = await store.knowledgeGaps(0.7);
        expect(gaps.map((g) => [g.question, g.downVotes])).toEqual([
          ['question unsure', 0],
          ['question abstained', 0],
          ['question disliked', 1],
        ]);
        expect(gaps[1]).toMatchObject({ answered: false, confidence: 0.1 });
        expect(gaps[1]?.topicId).toBeUndefined();
      });

      test('GIVEN why the engine abstained and how much an answer explained THEN gaps keep both, and list thin answers on request', async () => {
        await store.recordAnswer(asked('not-yet', { answered: false, topicId: undefined, confidence: 0.1, abstention: 'not-yet' }));
        await store.recordAnswer(asked('thin', { explainedShare: 0.3, askedAt: minutes(2) }));
        await store.recordAnswer(asked('full', { explainedShare: 1, askedAt: minutes(3) }));
        expect((await store.knowledgeGaps(0.7)).map((g) => [g.question, g.abstention])).toEqual([['question not-yet', 'not-yet']]);
        const gaps = await store.knowledgeGaps(0.7, 0.5);
        expect(gaps.map((g) => g.question)).toEqual(['question not-yet', 'question thin']);
        expect(gaps[1]).toMatchObject({ answered: true, explainedShare: 0.3 });
        expect(gaps[1]?.abstention).toBeUndefined();
      });

      test('GIVEN questions from learners THEN only an opaque digest of each asker is kept, the same for the same asker', async () => {
        await store.recordAnswer(asked('a', { answered: false }));
        await store.recordAnswer(asked('b', { answered: false }));
        await store.recordAnswer(asked('c', { answered: false, askerKey: bob.key }));
        const digests = (await store.knowledgeGaps(0.7)).map((g) => g.askerDigest);
        expect(digests[0]).toBe(digests[1]);
        expect(digests[2]).not.toBe(digests[0]);
        for (const digest of digests) expect(digest).not.toMatch(/ada|bob|console/);
      });

      test('GIVEN a second vote by the same learner THEN it replaces the first', async () => {
        await store.recordAnswer(asked('a'));
        expect(await store.recordVote({ answerId: 'a', voterKey: bob.key, vote: 'down', votedAt: minutes(2) })).toBe('recorded');
        expect(await store.recordVote({ answerId: 'a', voterKey: bob.key, vote: 'up', votedAt: minutes(3) })).toBe('changed');
        expect(await store.recordVote({ answerId: 'a', voterKey: bob.key, vote: 'up', votedAt: minutes(4) })).toBe('unchanged');
        expect(await store.knowledgeGaps(0.7)).toEqual([]);
      });

      test('GIVEN a vote on an answer that does not exist THEN it is refused', async () => {
        expect(await store.recordVote({ answerId: 'nope', voterKey: bob.key, vote: 'down', votedAt: T0 })).toBe('unknown-answer');
      });
    });

    describe('delivery claims', () => {
      const DAY = 86_400_000;

      test('GIVEN an event id claimed once THEN a second claim within the day is refused, and another id is not', async () => {
        expect(await store.claimDelivery('slack:event:Ev1', T0, DAY)).toBe(true);
        expect(await store.claimDelivery('slack:event:Ev1', minutes(60 * 23), DAY)).toBe(false);
        expect(await store.claimDelivery('slack:event:Ev2', minutes(1), DAY)).toBe(true);
      });

      test('GIVEN a claim older than its keep time THEN it is forgotten and the id may be claimed again', async () => {
        expect(await store.claimDelivery('press', T0, 5_000)).toBe(true);
        expect(await store.claimDelivery('press', new Date(T0.getTime() + 4_999), 5_000)).toBe(false);
        expect(await store.claimDelivery('press', new Date(T0.getTime() + 5_000), 5_000)).toBe(true);
      });

      test('GIVEN twenty claims of one id at once THEN exactly one wins', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => store.claimDelivery('slack:event:Race', T0, DAY)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('gateway heartbeats', () => {
      const beat = (processId: string, seenAt: Date, first = 0, last = 1, count = 2) => ({
        processId,
        host: 'bot-host',
        pid: 4242,
        shards: { first, last, count },
        startedAt: T0,
        seenAt,
      });

      test('GIVEN two processes beating THEN both are listed with their shards, and a later beat replaces the earlier one', async () => {
        await store.heartbeats.record(beat('p1', T0, 0, 0, 2));
        await store.heartbeats.record(beat('p2', T0, 1, 1, 2));
        await store.heartbeats.record(beat('p1', minutes(1), 0, 1, 2));
        expect(await store.heartbeats.liveSince(T0)).toEqual([beat('p1', minutes(1), 0, 1, 2), beat('p2', T0, 1, 1, 2)]);
      });

      test('GIVEN a process that stopped beating THEN it is not listed once its last beat is older than asked, and its row is gone', async () => {
        await store.heartbeats.record(beat('gone', T0));
        await store.heartbeats.record(beat('alive', minutes(5)));
        expect((await store.heartbeats.liveSince(minutes(2))).map((h) => h.processId)).toEqual(['alive']);
        // Deleted, not merely filtered: asking for older ones does not bring it back.
        expect((await store.heartbeats.liveSince(T0)).map((h) => h.processId)).toEqual(['alive']);
      });

      test('GIVEN a process that stops THEN its heartbeat is removed at once', async () => {
        await store.heartbeats.record(beat('p1', T0));
        await store.heartbeats.remove('p1');
        expect(await store.heartbeats.liveSince(T0)).toEqual([]);
      });
    });

    describeDailyStoreContract(() => store);
    describeReminderStoreContract(() => store);
  });
}
