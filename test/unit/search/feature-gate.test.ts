import { describe, expect, test } from 'vitest';
import type { Topic } from '../../../src/knowledge/index.ts';
import { applyFeatureGate, DOCKER_FEATURES, DockerFeatureFinder } from '../../../src/search/feature-gate.ts';

const topic = (id: string, keywords: string[] = []): Topic =>
  ({ id, title: id, aliases: [], keywords, commands: [], summary: 'A topic.', questions: [], cards: [], mcq: [] }) as unknown as Topic;

const finder = new DockerFeatureFinder([topic('docker-desktop', ['docker desktop']), topic('image-supply-chain', ['docker scout'])]);
const names = (question: string) => finder.named(question).map((f) => f.name);

describe('DockerFeatureFinder', () => {
  // The gate's own examples, written for it: not evaluation questions.
  test.each([
    ['what is the difference between docker machine and docker desktop', 'Docker Machine'],
    ['docker-machine create -d virtualbox dev', 'Docker Machine'],
    ['how do i install docker extensions', 'Docker Extensions'],
    ['does model runner work on windows', 'Docker Model Runner'],
    ['what is kind, kubernetes in docker', 'kind (Kubernetes in Docker)'],
  ])('GIVEN %j THEN it names %s', (question, name) => {
    expect(names(question)).toContain(name);
  });

  test.each(['my docker machine ran out of disk space', 'what kind of volume should i use', 'how do i build an image in the cloud'])(
    'GIVEN %j, the same words in another sense THEN it names no feature',
    (question) => {
      expect(names(question)).toEqual([]);
    },
  );

  test('GIVEN a feature that a topic names in its keywords THEN that topic explains it, and a feature no topic names is explained by none', () => {
    const [scout] = finder.named('what does docker scout do');
    expect([...scout!.explainedBy]).toEqual(['image-supply-chain']);
    const [machine] = finder.named('what is docker machine');
    expect(machine!.explainedBy.size).toBe(0);
  });

  test('GIVEN the shipped feature list THEN every feature has a name and at least one form', () => {
    expect(DOCKER_FEATURES.length).toBeGreaterThan(10);
    for (const feature of DOCKER_FEATURES) expect(feature.forms.length, feature.name).toBeGreaterThan(0);
  });
});

describe('applyFeatureGate', () => {
  test('GIVEN a named feature THEN every topic that does not explain it is lowered and records it; the one that does is untouched', () => {
    const ranked = [
      { topic: { id: 'docker-desktop' }, confidence: 0.9, unexplained: [] as string[] },
      { topic: { id: 'image-supply-chain' }, confidence: 0.6, unexplained: [] as string[] },
    ];
    const decided = applyFeatureGate(finder.named('what does docker scout show on docker desktop'), ranked, 0.25);
    expect(decided).toEqual(['Docker Scout']);
    expect(ranked[0]).toMatchObject({ confidence: 0.225, unexplained: ['Docker Scout'] });
    expect(ranked[1]).toMatchObject({ confidence: 0.6, unexplained: [] });
  });

  test('GIVEN no named feature THEN nothing changes', () => {
    const ranked = [{ topic: { id: 'docker-desktop' }, confidence: 0.9, unexplained: [] as string[] }];
    expect(applyFeatureGate([], ranked, 0.25)).toEqual([]);
    expect(ranked[0]!.confidence).toBe(0.9);
  });
});
