import { describe, expect, test } from 'vitest';
import { createCommandRegistry, INPUT_LIMITS, stripControlCharacters } from '../../../src/core/index.ts';

describe('stripControlCharacters', () => {
  test('GIVEN NUL, BEL, other C0 and C1 controls THEN they are removed and tab and line breaks stay', () => {
    expect(stripControlCharacters('a\u0000b\u0007c\u001Fd\u007Fe\u0085f\tg\nh\r\n')).toBe('abcdef\tg\nh\r\n');
  });

  test('GIVEN ANSI colour, cursor and title escapes THEN the whole sequences are removed', () => {
    expect(stripControlCharacters('\u001B[31mred\u001B[0m \u001B[2J\u001B]0;title\u0007done\u001Bc')).toBe('red done');
  });

  test('GIVEN lone surrogates THEN they are removed and real astral characters stay', () => {
    expect(stripControlCharacters('vol\uD800umes \uDC00🐳')).toBe('volumes 🐳');
  });
});

describe('the registry bounds every argument at the edge', () => {
  const registry = createCommandRegistry();

  test('GIVEN /ask text longer than a paste THEN it is cut to the paste limit, not refused (a question is then read up to INPUT_LIMITS.question)', () => {
    const result = registry.validate('ask', { question: 'why '.repeat(20_000) });
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value.args as { question: string }).question.length).toBeLessThanOrEqual(INPUT_LIMITS.paste);
  });

  test('GIVEN a topic name longer than the limit THEN it is refused as too long', () => {
    const result = registry.validate('explain', { topic: 'v'.repeat(INPUT_LIMITS.name + 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('invalid-argument');
  });

  test('GIVEN control characters in an argument THEN the handler never sees them', () => {
    const result = registry.validate('explain', { topic: 'vol\u0000\uD800umes\u001B[1m' });
    expect(result.ok && (result.value.args as { topic: string }).topic).toBe('volumes');
  });
});
