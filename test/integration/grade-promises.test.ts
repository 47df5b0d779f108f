import { beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../../src/app.ts';
import { encodeAction, handleAction, type CommandRequest, type Reply } from '../../src/core/index.ts';
import { formatInterval, GRADES, scheduleReview, seededRandom, type GradeValue } from '../../src/quiz/index.ts';
import type { CardProgress } from '../../src/store/index.ts';
import { createTestApp } from '../fixtures/test-app.ts';

// Flash-card promises, through the core on a real (in-memory) SQLite store: the interval on a grade button
// is the interval saved, and reviewing a card before it is due never stretches its schedule.

const T0 = new Date('2026-11-23T09:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

let app: App;
beforeEach(async () => {
  app = await createTestApp();
  return () => app.close();
});

const who = (id: string, now: Date): CommandRequest => ({ platform: 'discord', user: { id, name: id }, serverId: 'guild-1', now });

async function progressOf(learner: string, cardId: string): Promise<CardProgress | undefined> {
  return (await app.services.store.cardProgress(`discord:${learner}`)).find((p) => p.cardId === cardId);
}

/** Writes `history` (grades at the times they fell due) as the learner's past reviews of the card. */
async function giveHistory(learner: string, cardId: string, history: readonly GradeValue[], start: Date): Promise<void> {
  let previous: CardProgress | undefined;
  let at = start;
  for (const rating of history) {
    const next = scheduleReview(cardId, previous, rating, at);
    const sessionId = app.services.newId();
    await app.services.store.startCardSession({ id: sessionId, learnerKey: `discord:${learner}`, cardId, createdAt: at });
    await app.services.store.recordReview({
      sessionId,
      learner: { key: `discord:${learner}`, name: learner },
      previousReps: previous?.reps ?? 0,
      next,
      rating,
      reviewedAt: at,
      studyDate: at.toISOString().slice(0, 10),
    });
    previous = next;
    at = next.due;
  }
}

async function reveal(learner: string, cardId: string, at: Date): Promise<{ sessionId: string; back: Reply }> {
  const sessionId = app.services.newId();
  await app.services.store.startCardSession({ id: sessionId, learnerKey: `discord:${learner}`, cardId, createdAt: at });
  const back = await handleAction(encodeAction({ action: 'reveal', sessionId }), who(learner, at), app.services);
  return { sessionId, back };
}

const grade = (sessionId: string, rating: GradeValue, learner: string, at: Date) =>
  handleAction(encodeAction({ action: 'grade', sessionId, rating }), who(learner, at), app.services);

describe('the interval on a grade button', () => {
  test('GIVEN many cards in many states, each button pressed a little after the reveal THEN every saved interval is the one its button showed', async () => {
    const random = seededRandom(7);
    const cards = app.services.deck.cards.slice(0, 40);
    // Delays between reveal and grade, some of them across midnight UTC (FSRS counts elapsed days by UTC date).
    const delays = [3_000, 17_000, 45_000, 4 * MINUTE];
    const mismatches: string[] = [];
    let compared = 0;
    for (const [k, card] of cards.entries()) {
      const history = Array.from({ length: k % 6 }, () => (1 + Math.floor(random() * 4)) as GradeValue);
      const start = new Date(T0.getTime() + k * 7 * MINUTE);
      for (const { rating, label } of GRADES) {
        const learner = `l${rating}`;
        await giveHistory(learner, card.id, history, start);
        const previous = await progressOf(learner, card.id);
        const due = previous?.due ?? start;
        // Reveal when due, or a few seconds before midnight UTC for every third card.
        const beforeMidnight = Math.ceil((due.getTime() + 5_001) / DAY) * DAY - 5_000;
        const revealAt = new Date(k % 3 === 0 ? beforeMidnight : due.getTime() + k * 1_000);
        const { sessionId, back } = await reveal(learner, card.id, revealAt);
        const shown = back.actions![0]!.find((a) => a.label.startsWith(`${label} · `))!.label.split(' · ')[1];
        const graded = await grade(sessionId, rating, learner, new Date(revealAt.getTime() + delays[k % delays.length]!));
        expect(graded.title).toBe(`${label}: saved`);
        const saved = await progressOf(learner, card.id);
        const kept = formatInterval(saved!.due.getTime() - revealAt.getTime());
        compared++;
        if (kept !== shown) mismatches.push(`${card.id} ${label} (history ${history.join('')}): shown ${shown}, saved ${kept}`);
      }
    }
    expect(compared).toBe(cards.length * 4);
    expect(mismatches).toEqual([]);
  });
});

describe('cramming', () => {
  test('GIVEN the same topic quizzed and graded Easy once a minute for 30 minutes THEN no card is due later than one on-time Easy would make it', async () => {
    const firstDue = new Map<string, number>();
    for (let minute = 0; minute < 30; minute++) {
      const at = new Date(T0.getTime() + minute * MINUTE);
      const request = who('ada', at);
      const front = await app.registry.execute('quiz', { topic: 'volumes' }, request, app.services);
      const back = await handleAction(front.actions![0]![0]!.id, request, app.services);
      const easy = back.actions![0]!.find((a) => a.label.startsWith('Easy'))!;
      const graded = await handleAction(easy.id, request, app.services);
      expect(graded.title).toMatch(/^Easy: (saved|practice noted)$/);
      for (const p of await app.services.store.cardProgress('discord:ada')) if (!firstDue.has(p.cardId)) firstDue.set(p.cardId, p.due.getTime());
    }
    const progress = await app.services.store.cardProgress('discord:ada');
    expect(progress).toHaveLength(app.services.deck.cardsOf('volumes').length);
    for (const p of progress) {
      expect(p.reps).toBe(1);
      expect(p.due.getTime()).toBe(firstDue.get(p.cardId));
    }
  });
});
