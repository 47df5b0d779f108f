import { describe, expect, test } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';

const engine = new AnswerEngine(await loadKnowledge());
const topicOf = (question: string) => engine.answer(question).topic?.id ?? null;

describe('AnswerEngine on the shipped knowledge', () => {
  test.each([
    ['what is a containr', 'container'],
    ['how do i write a dockerfle', 'dockerfile-basics'],
    ['img vs ctr', 'image-vs-container'],
    ['diff between vm n container', 'vm-vs-container'],
    ['why is my second build so fast', 'build-cache'],
    ['stop vs kill', 'stop-vs-kill'],
  ])('GIVEN %j THEN it answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test('GIVEN a question about image vs container THEN it prefers that topic over the ones that merely mention its words', () => {
    expect(topicOf('what is the difference between an image and a container')).toBe('image-vs-container');
    expect(topicOf('what is an image')).toBe('image');
    expect(topicOf('what is a container')).toBe('container');
  });

  test.each(['best pizza toppings', 'who painted the mona lisa', 'asdfghjkl qwerty', 'how do I resize an image in photoshop'])(
    'GIVEN the off-topic %j THEN it abstains and says what it covers',
    (question) => {
      const answer = engine.answer(question);
      expect(answer).toMatchObject({ answered: false, topic: null });
      expect(answer.text).toMatch(/I only cover Docker concepts/);
    },
  );

  test.each(['../../../../etc/passwd', "'; ＤＲＯＰ ＴＡＢＬＥ users; --"])(
    'GIVEN the injection probe %j, made of Docker-ish words THEN it abstains without near misses',
    (probe) => {
      expect(engine.answer(probe)).toMatchObject({ answered: false, topic: null, suggestions: [] });
    },
  );

  test('GIVEN an answer THEN its suggestions are the topic\'s related topics', () => {
    const answer = engine.answer('what is a volume');
    expect(answer.topic?.id).toBe('volumes');
    expect(answer.suggestions.map((s) => s.id)).toEqual(answer.topic!.related.slice(0, 3));
  });

  test('GIVEN the same question twice THEN the answer is the same (no hidden state)', () => {
    expect(engine.answer('voluem vs bind mount')).toEqual(engine.answer('voluem vs bind mount'));
  });
});
