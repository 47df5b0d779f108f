import { describe, expect, test } from 'vitest';
import { useColor } from '../../../../src/adapters/console/terminal-color.ts';

describe('useColor', () => {
  test.each([
    [true, {}, true],
    [false, {}, false],
    [true, { noColor: '1' }, false],
    [false, { forceColor: '1' }, true],
    [true, { forceColor: '0' }, false],
    [false, { forceColor: '1', noColor: '1' }, false],
    [true, { term: 'dumb' }, false],
    [false, { term: 'dumb', forceColor: 'true' }, true],
  ])('GIVEN a terminal %s and %o THEN colour is %s', (isTerminal, settings, expected) => {
    expect(useColor(isTerminal, settings)).toBe(expected);
  });
});
