import { describe, expect, test } from 'vitest';
import { analyseText } from '../../../src/search/analyse-text.ts';
import { applyKubernetesGate, KUBERNETES_VOCABULARY } from '../../../src/search/kubernetes-gate.ts';

interface FakeTopic {
  id: string;
  explaining: ReadonlySet<string>;
  confidence: number;
  unexplained: string[];
}
const topic = (id: string, explaining: string): FakeTopic => ({ id, explaining: new Set(analyseText(explaining)), confidence: 0.9, unexplained: [] });
const typed = (text: string) => [...new Set(analyseText(text))].map((term) => ({ term, certainty: 1 }));
const context = { explains: (t: FakeTopic, term: string) => t.explaining.has(term), isCommand: (term: string) => term === 'dockerexec', penalty: 0.25 };

// The gate's own examples, written for it: not evaluation questions.
describe('applyKubernetesGate', () => {
  test('GIVEN a question in Kubernetes\' words that names nothing of Docker THEN a topic must explain Kubernetes and each of them', () => {
    const ranked = [topic('podman', 'podman pods containers logs'), topic('orchestrators', 'kubernetes swarm pods'), topic('logs', 'container logs')];
    const decided = applyKubernetesGate(typed('how do i see the logs of a container in a kubernetes pod'), ranked, context);
    expect(decided).toEqual(expect.arrayContaining(analyseText('kubernetes pod')));
    expect(ranked.map((r) => r.unexplained)).toEqual([analyseText('kubernetes'), [], analyseText('kubernetes pod')]);
    expect(ranked[1]!.confidence).toBe(0.9);
  });

  test.each(['do i need kubernetes or is docker compose enough', 'how do i docker exec into a pod'])('GIVEN %j, which also names Docker THEN the gate does not apply', (question) => {
    const ranked = [topic('orchestrators', 'swarm')];
    expect(applyKubernetesGate(typed(question), ranked, context)).toEqual([]);
    expect(ranked[0]!.confidence).toBe(0.9);
  });

  test('GIVEN a question without Kubernetes\' words THEN the gate does not apply', () => {
    expect(applyKubernetesGate(typed('how do i see the logs of a container'), [topic('logs', 'container logs')], context)).toEqual([]);
  });

  test('GIVEN the shipped vocabulary THEN it leaves out the words Docker shares in its own sense', () => {
    for (const word of ['container', 'image', 'volume', 'service', 'node', 'namespace', 'deployment', 'secret']) expect(KUBERNETES_VOCABULARY.words).not.toContain(word);
  });
});
