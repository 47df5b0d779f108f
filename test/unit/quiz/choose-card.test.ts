import { describe, expect, test } from 'vitest';
import type { Topic } from '../../../src/knowledge/index.ts';
import { chooseCard, nextDueDate, type DeckCard } from '../../../src/quiz/index.ts';
import type { CardProgress } from '../../../src/store/index.ts';

const now = new Date('2026-03-01T10:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function cardsOf(topicId: string, count: number, level: 1 | 2 | 3 = 2): DeckCard[] {
  const topic = { id: topicId, level } as Topic;
  return Array.from({ length: count }, (_, i) => ({ id: `${topicId}/card-${i + 1}`, topic, front: 'f', back: 'b' }));
}

function seen(cardId: string, due: Date): CardProgress {
  return { cardId, due, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2 };
}

const cards = [...cardsOf('images', 3), ...cardsOf('volumes', 3), ...cardsOf('networks', 3)];
const options = { now, newCardsAllowed: 10, practiceAhead: false, random: () => 0.99 };

describe('chooseCard', () => {
  test('GIVEN several due cards THEN the most overdue comes first', () => {
    const progress = [seen('images/card-1', at(-1)), seen('volumes/card-2', at(-30)), seen('images/card-2', at(5))];
    expect(chooseCard(cards, progress, options)).toMatchObject({ card: { id: 'volumes/card-2' }, reason: 'due' });
  });

  test('GIVEN nothing due THEN a new card from a topic already started comes before a new topic', () => {
    const progress = [seen('volumes/card-1', at(5))];
    expect(chooseCard(cards, progress, options)).toMatchObject({ card: { id: 'volumes/card-2' }, reason: 'new' });
  });

  test('GIVEN no topic started THEN a random topic is opened at its first card', () => {
    expect(chooseCard(cards, [], { ...options, random: () => 0 })?.card.id).toBe('images/card-1');
    expect(chooseCard(cards, [], { ...options, random: () => 0.99 })?.card.id).toBe('networks/card-1');
  });

  test('GIVEN topics of several levels THEN new topics open from the lowest level left', () => {
    const levelled = [...cardsOf('deep', 2, 3), ...cardsOf('next', 2, 2), ...cardsOf('basics', 2, 1)];
    for (const r of [0, 0.5, 0.99]) expect(chooseCard(levelled, [], { ...options, random: () => r })?.card.id).toBe('basics/card-1');
    const basicsDone = cardsOf('basics', 2, 1).map((c) => seen(c.id, at(5)));
    expect(chooseCard(levelled, basicsDone, options)?.card.id).toBe('next/card-1');
  });

  test('GIVEN no new cards allowed and nothing due THEN there is nothing to review', () => {
    expect(chooseCard(cards, [seen('images/card-1', at(5))], { ...options, newCardsAllowed: 0 })).toBeUndefined();
  });

  test('GIVEN practice ahead allowed and everything seen THEN the card due soonest is offered', () => {
    const progress = cardsOf('images', 3).map((c, i) => seen(c.id, at(10 - i)));
    expect(chooseCard(cardsOf('images', 3), progress, { ...options, practiceAhead: true })).toMatchObject({
      card: { id: 'images/card-3' },
      reason: 'practice',
    });
  });
});

describe('nextDueDate', () => {
  test('GIVEN progress on several cards THEN the earliest due date among the given cards', () => {
    const progress = [seen('images/card-1', at(9)), seen('volumes/card-1', at(2)), seen('images/card-2', at(4))];
    expect(nextDueDate(cardsOf('images', 3), progress)).toEqual(at(4));
    expect(nextDueDate(cardsOf('networks', 3), progress)).toBeUndefined();
  });
});
