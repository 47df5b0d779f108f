import { describe, expect, test } from 'vitest';
import { createCommandRegistry, parseCommandLine } from '../../../src/core/index.ts';

const registry = createCommandRegistry();

describe('parseCommandLine', () => {
  test('GIVEN /ask with free text THEN the whole rest of the line is the question', () => {
    expect(parseCommandLine(registry, '/ask why is my build slow?')).toEqual({
      ok: true,
      value: { name: 'ask', args: { question: 'why is my build slow?' } },
    });
  });

  test('GIVEN free text with quotes, spacing and line breaks THEN it reaches the argument exactly as typed', () => {
    const pasted = 'FROM node:20\nRUN  echo "a  b" \\\n  && echo \'c:d\'';
    expect(parseCommandLine(registry, `/ask ${pasted}\n`)).toEqual({ ok: true, value: { name: 'ask', args: { question: pasted } } });
  });

  test('GIVEN a word that is none of the choices THEN it reaches the choice argument to be refused, not dropped', () => {
    expect(parseCommandLine(registry, '/leaderboard year')).toEqual({ ok: true, value: { name: 'leaderboard', args: { period: 'year' } } });
  });

  test('GIVEN a zero-width character inside the command word THEN it is cleaned as in questions', () => {
    expect(parseCommandLine(registry, '/expl\u200Bain volumes')).toEqual({ ok: true, value: { name: 'explain', args: { topic: 'volumes' } } });
  });

  test('GIVEN a named argument after the free text THEN it is still read as that argument', () => {
    expect(parseCommandLine(registry, '/quiz volumes mode:mcq')).toEqual({ ok: true, value: { name: 'quiz', args: { mode: 'mcq', topic: 'volumes' } } });
  });

  test('GIVEN name:value inside free text THEN it stays part of the text', () => {
    expect(parseCommandLine(registry, '/ask what does mode:mcq mean')).toEqual({
      ok: true,
      value: { name: 'ask', args: { question: 'what does mode:mcq mean' } },
    });
  });

  test('GIVEN a named argument THEN it is set by name', () => {
    expect(parseCommandLine(registry, '/explain topic:volumes')).toEqual({
      ok: true,
      value: { name: 'explain', args: { topic: 'volumes' } },
    });
  });

  test('GIVEN a command name in capitals and without the slash THEN it is still found', () => {
    const result = parseCommandLine(registry, 'HELP ask');
    expect(result).toEqual({ ok: true, value: { name: 'help', args: { command: 'ask' } } });
  });

  test('GIVEN an unknown command THEN the problem carries its name and a suggestion', () => {
    expect(parseCommandLine(registry, '/explian volumes')).toEqual({
      ok: false,
      problem: { code: 'unknown-command', name: 'explian', suggestion: 'explain' },
    });
  });
});
