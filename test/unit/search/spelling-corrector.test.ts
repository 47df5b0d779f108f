import { describe, expect, test } from 'vitest';
import { DockerTermCorrector, SpellingCorrector } from '../../../src/search/spelling-corrector.ts';

const speller = new SpellingCorrector([...Array<string>(100).fill('container'), 'contains', 'dockerfile', 'docker', 'volume', 'transport', 'entrypoint', 'list']);

describe('SpellingCorrector', () => {
  test.each([
    ['containr', 'container'],
    ['dockerfle', 'dockerfile'],
    ['dokcer', 'docker'],
    ['voluem', 'volume'],
    ['entrypont', 'entrypoint'],
  ])('GIVEN the typo %s THEN it becomes %s', (typo, word) => {
    expect(speller.correct(typo)?.word).toBe(word);
  });

  test('GIVEN two equally close words THEN the more common one wins, and the distance is reported', () => {
    expect(speller.correct('containr')).toEqual({ word: 'container', distance: 0.125 });
  });

  test('GIVEN a known word THEN nothing is corrected', () => {
    expect(speller.correct('docker')).toBeUndefined();
  });

  test('GIVEN a word that only appears inside a longer vocabulary word THEN it is not "corrected" to it', () => {
    expect(speller.correct('sport')).toBeUndefined();
  });

  test('GIVEN a word that shares letters with a vocabulary word but is two edits from it THEN it is left alone', () => {
    const speller = new SpellingCorrector(['myself', 'single', 'entrypoint']);
    expect(speller.correct('mysql')).toBeUndefined();
    expect(speller.correct('simple')).toBeUndefined();
    expect(speller.correct('entrpyont')?.word).toBe('entrypoint');
  });

  test('GIVEN words shorter than five letters THEN they are left alone, since each is a slip from another', () => {
    expect(speller.correct('lisa')).toBeUndefined();
    expect(speller.correct('lst')).toBeUndefined();
  });

  test('GIVEN numbers or symbols THEN they are left alone', () => {
    expect(speller.correct('808080')).toBeUndefined();
  });
});

describe('DockerTermCorrector', () => {
  const dockerTerms = new DockerTermCorrector(['mount', 'build', 'stack', 'volume', 'pull', 'push']);

  test.each([
    ['mont', 'mount'],
    ['buld', 'build'],
    ['biuld', 'build'],
  ])('GIVEN the slip %s THEN it becomes the one Docker term %s', (typo, term) => {
    expect(dockerTerms.correct(typo)).toBe(term);
  });

  test('GIVEN a five-letter word one substitution from a Docker term THEN it is left alone ("stuck" is not "stack")', () => {
    expect(dockerTerms.correct('stuck')).toBeUndefined();
  });

  test('GIVEN a word with two Docker terms within one edit THEN it is ambiguous and left alone', () => {
    expect(dockerTerms.correct('pusl')).toBeUndefined();
  });

  test('GIVEN a word with no Docker term within one edit, or a Docker term itself THEN nothing is corrected', () => {
    expect(dockerTerms.correct('redis')).toBeUndefined();
    expect(dockerTerms.correct('mount')).toBeUndefined();
    expect(dockerTerms.correct('cat')).toBeUndefined();
  });
});
