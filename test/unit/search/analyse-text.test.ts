import { describe, expect, test } from 'vitest';
import { analyseText, cleanQuery, cleanText, MAX_QUERY_LENGTH } from '../../../src/search/index.ts';

describe('cleanText', () => {
  test('GIVEN mentions, invisible characters and full-width letters THEN only the plain words remain', () => {
    expect(cleanText('@everyone <@&123> <@!42> what\u200b is\u202e a ｃｏｎｔａｉｎｅｒ')).toBe('what is a container');
  });

  test('GIVEN long knowledge text THEN none of it is lost', () => {
    expect(cleanText('word '.repeat(400))).toHaveLength(1999);
  });
});

describe('cleanQuery', () => {
  test('GIVEN a 10,000-character paste THEN it is cut to the query limit', () => {
    expect(cleanQuery('a '.repeat(5000)).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});

describe('analyseText', () => {
  const terms = (text: string) => new Set(analyseText(text));

  test('GIVEN slang THEN it becomes the words the knowledge base uses', () => {
    expect(terms('img vs ctr')).toEqual(terms('image versus container'));
    expect(terms("what's the diff b/w a vm n a container")).toEqual(terms('virtual machine vs container'));
  });

  test('GIVEN learner idioms THEN they become the words they stand for', () => {
    expect(terms('spin up two containers')).toEqual(terms('run two containers'));
    expect(terms('can it break out of the container')).toEqual(terms('can it escape the container'));
    expect(terms('volumes like im 5')).toEqual(terms('eli5 volumes'));
    expect(terms('image or container, which one is which')).toEqual(terms('image vs container'));
    expect(terms('what is a layer in docker terms')).toEqual(terms('what is a docker layer'));
  });

  test('GIVEN chat filler and how the asker feels THEN nothing of it is left', () => {
    expect(analyseText("kinda confused tbh cuz thats super weird")).toEqual(['weird']);
    expect(analyseText('noob here, dumb q')).toEqual([]);
  });

  test('GIVEN a placeholder name such as FOO THEN it is no topic', () => {
    expect(analyseText('-e FOO=bar')).toEqual(['-e']);
  });

  test('GIVEN a duration however it is written THEN it is the same terms', () => {
    expect(analyseText('wait 10 secs')).toEqual(analyseText('wait 10 seconds'));
    expect(analyseText('wait 10s')).toEqual(analyseText('wait 10 s'));
  });

  test('GIVEN a word the stemmer would turn into another word THEN it keeps its own meaning', () => {
    expect(terms('a tiny image')).toEqual(terms('a small image'));
    expect(terms('a tiny image').has('tini')).toBe(false);
  });

  test('GIVEN a verb bent with a hyphen THEN it is the verb', () => {
    expect(analyseText('exec-ing into it')).toEqual(analyseText('exec into it'));
  });

  test('GIVEN plurals and verb forms THEN they share a stem', () => {
    expect(analyseText('containers running')).toEqual(analyseText('container runs'));
  });

  test('GIVEN flags THEN they stay whole, long forms become short ones, and a long flag also counts as its words', () => {
    expect(analyseText('docker run --publish 8080:80 --rm')).toEqual(['docker', 'run', 'dockerrun', '-p', 'publish', '8080', '80', '--rm', 'rm']);
    expect(analyseText('--network host')).toEqual(['--network', 'network', 'host']);
  });

  test('GIVEN a Dockerfile instruction in capitals THEN it is its own term as well as its word', () => {
    expect(analyseText('the VOLUME line')).toEqual(['volum', 'volumelin', 'line']);
    expect(analyseText('a volume line')).toEqual(['volum', 'line']);
    expect(analyseText('FROM alpine')).toEqual(['fromlin', 'alpin']);
  });

  test('GIVEN a question in capitals throughout THEN it is shouting, not Dockerfile', () => {
    expect(analyseText('WHAT IS A VOLUME')).toEqual(analyseText('what is a volume'));
  });

  test('GIVEN -P THEN it is publish-all, not -p', () => {
    expect(analyseText('docker run -P nginx')).toContain('-P');
    expect(analyseText('docker run -p 80:80 nginx')).not.toContain('-P');
  });

  test('GIVEN a Docker command THEN it is a term of its own as well as its words', () => {
    expect(analyseText('docker rm says no')).toEqual(['docker', 'remov', 'dockerrm', 'sai', 'no']);
  });

  test('GIVEN only question scaffolding THEN nothing is left', () => {
    expect(analyseText('what is it, please tell me?')).toEqual([]);
  });

  test('GIVEN regex and Fuse operators THEN they are ignored rather than interpreted', () => {
    expect(analyseText("'volume !bind ^tmpfs$ | =mount .* (a+)+")).toEqual(['volum', 'bind', 'tmpf', 'mount']);
  });
});
