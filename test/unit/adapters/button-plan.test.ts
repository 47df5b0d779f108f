import { describe, expect, test } from 'vitest';
import { buttonPlan } from '../../../src/adapters/button-plan.ts';

describe('what a button press does to its message', () => {
  test.each([
    ['v1:reveal:Ab3_-x9ZQk12', true, { style: 'update', slow: false }],
    ['v1:grade:Ab3_-x9ZQk12:3', true, { style: 'update', slow: false }],
    ['v1:reveal:Ab3_-x9ZQk12', false, { style: 'reply', slow: false }],
    ['v1:answer:Ab3_-x9ZQk12:2', false, { style: 'reply', slow: false }],
    ['v1:vote:up:Ab3_-x9ZQk12', false, { style: 'reply', slow: false }],
    ['v1:explain:volumes', true, { style: 'reply', slow: false }],
    ['v1:diagram:image-layers', false, { style: 'reply', slow: true }],
    ['v1:launch:missiles', true, { style: 'reply', slow: false }],
  ] as const)('GIVEN %s on an ephemeral message (%s) THEN %o', (id, ephemeral, plan) => {
    expect(buttonPlan(id, ephemeral)).toEqual(plan);
  });
});
