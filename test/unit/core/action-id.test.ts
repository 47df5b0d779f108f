import { describe, expect, test } from 'vitest';
import { decodeAction, encodeAction, type Action } from '../../../src/core/index.ts';

describe('action ids', () => {
  test.each<Action>([
    { action: 'explain', topicId: 'volumes' },
    { action: 'quiz', mode: 'mcq', topicId: 'image-layers' },
    { action: 'quiz', mode: 'cards' },
    { action: 'review' },
    { action: 'reveal', sessionId: 'Ab3_-x9ZQk12' },
    { action: 'grade', sessionId: 'Ab3_-x9ZQk12', rating: 3 },
    { action: 'answer', quizId: 'Ab3_-x9ZQk12', choice: 0 },
    { action: 'diagram', diagramId: 'vm-vs-container' },
    { action: 'vote', vote: 'down', answerId: 'Ab3_-x9ZQk12' },
  ])('GIVEN $action THEN it survives encoding and decoding within 100 characters', (action) => {
    const id = encodeAction(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeAction(id)).toEqual(action);
  });

  test.each([
    ['an unknown action', 'v1:launch:missiles'],
    ['a prototype key as action', 'v1:constructor:x'],
    ['extra parts', 'v1:review:extra'],
    ['a grade out of range', 'v1:grade:Ab3_-x9ZQk12:5'],
    ['a padded grade', 'v1:grade:Ab3_-x9ZQk12:03'],
    ['a short session id', 'v1:reveal:abc'],
    ['a session id with a colon smuggled in', 'v1:reveal:Ab3_-x9ZQk12:x'],
    ['an unknown diagram', 'v1:diagram:pizza'],
    ['an unknown vote', 'v1:vote:meh:Ab3_-x9ZQk12'],
    ['an unknown quiz mode', 'v1:quiz:essay'],
    ['an empty id', ''],
  ])('GIVEN %s THEN it is refused', (_what, id) => {
    expect(decodeAction(id)).toBeUndefined();
  });
});
