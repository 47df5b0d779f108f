import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { KnowledgeBase, loadKnowledge } from '../../../src/knowledge/index.ts';
import { AnswerEngine } from '../../../src/search/answer-engine.ts';
import { buildEngineIndex, engineIndexFromSnapshot, engineIndexToSnapshot } from '../../../src/search/engine-index.ts';

const knowledge = await loadKnowledge();
const built = buildEngineIndex(knowledge);
/** The index through `node:v8`, as the cache stores it. */
const throughV8 = (value: unknown) => deserialize(serialize(value)) as unknown;

describe('the answer engine index snapshot', () => {
  test('GIVEN an index through node:v8 and back THEN its snapshot is the same data and an engine on it answers as one on the built index', () => {
    const loaded = engineIndexFromSnapshot(throughV8(engineIndexToSnapshot(built)));
    expect(engineIndexToSnapshot(loaded)).toEqual(engineIndexToSnapshot(built));
    const [fromLoaded, fromBuilt] = [new AnswerEngine(knowledge, {}, loaded), new AnswerEngine(knowledge, {}, built)];
    for (const question of ['what is an image', 'how do i keep data when a containr is removed', 'docker machine vs docker desktop', 'best pizza in naples', 'biuld cahce']) {
      expect(fromLoaded.answer(question), question).toEqual(fromBuilt.answer(question));
    }
  });

  test('GIVEN a field of plain data added to the phrase index THEN the snapshot keeps it as it is', () => {
    const extended = { ...built, phrases: { ...built.phrases, topicWeights: new Float32Array([0.5, 2]), labels: new Map([['a', 1]]) } };
    const loaded = engineIndexFromSnapshot(throughV8(engineIndexToSnapshot(extended))) as typeof extended;
    expect(loaded.phrases.topicWeights).toEqual(new Float32Array([0.5, 2]));
    expect(loaded.phrases.labels).toEqual(new Map([['a', 1]]));
  });

  test('GIVEN a class instance added to the phrase index THEN taking a snapshot throws, naming the field, rather than dropping its private state', () => {
    class Classifier {
      readonly #weights = new Float64Array(3);
      get size() {
        return this.#weights.length;
      }
    }
    const extended = { ...built, phrases: { ...built.phrases, classifier: new Classifier() } };
    expect(() => engineIndexToSnapshot(extended)).toThrow(/classifier is not plain data/);
  });

  test.each([
    ['null', null],
    ['an empty object', {}],
    ['a phrase index without its term numbering', { ...engineIndexToSnapshot(built), phrases: { ...(engineIndexToSnapshot(built).phrases as object), termIds: [] } }],
    ['a feature list of another length', { ...engineIndexToSnapshot(built), features: { explainedBy: [['image']] } }],
  ])('GIVEN %s THEN reading it as a snapshot throws a TypeError', (_what, snapshot) => {
    expect(() => engineIndexFromSnapshot(snapshot)).toThrow(TypeError);
  });

  test('GIVEN an index built from other topics THEN the engine refuses it', () => {
    const fewer = new KnowledgeBase(knowledge.topics.slice(0, 10).map((t) => ({ ...t, related: [] })));
    expect(() => new AnswerEngine(fewer, {}, built)).toThrow(/other knowledge/);
  });
});
