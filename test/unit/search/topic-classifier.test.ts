import { describe, expect, test } from 'vitest';
import { KnowledgeBase, type Topic } from '../../../src/knowledge/index.ts';
import { AnswerEngine, DEFAULT_SCORING } from '../../../src/search/index.ts';
import { adjacentPairs, buildPhraseIndex, correctAndStem } from '../../../src/search/phrase-index.ts';
import { toSurfaceTokens } from '../../../src/search/analyse-text.ts';
import { TopicClassifier } from '../../../src/search/topic-classifier.ts';

const topic = (id: string, title: string, questions: string[], body: string, keywords: string[] = []): Topic =>
  ({ id, title, aliases: [], questions, keywords, commands: [], summary: `About ${title.toLowerCase()}.`, body, related: [], cards: [], mcq: [] }) as unknown as Topic;

// Two neighbours. One of Volumes' examples says almost what the question below says, so its best phrase wins
// the ranking (0.70 against 0.67); but Bind mounts' phrases use "laptop" and "folder" again and again.
const volumes = topic(
  'volumes',
  'Volumes',
  [
    'how do i keep my database when the container is removed',
    'where does docker store a named volume',
    'can two containers share one volume',
    'how do i back up a volume',
    'can i share a folder from my laptop',
  ],
  'A volume is storage that Docker manages, kept apart from any one container.',
  ['volume', 'named volume'],
);
const bindMounts = topic(
  'bind-mounts',
  'Bind mounts',
  [
    'mount a folder of my laptop into a container',
    'my laptop folder is empty inside the container',
    'edit code on my laptop and see the change in the container',
    'which laptop folder does -v use',
    'permissions of a mounted laptop folder',
    'share source code from my laptop',
  ],
  'A bind mount puts a folder of the host (your laptop) into the container.',
  ['bind mount', 'host folder'],
);
const knowledge = new KnowledgeBase([volumes, bindMounts]);
const question = 'share my laptop folder with a container';

function classify(kb: KnowledgeBase, text: string, topicIds: readonly string[]): number[] {
  const index = buildPhraseIndex(kb);
  const analysed = correctAndStem(toSurfaceTokens(text), index.lexicon);
  const terms = [...new Set(analysed.map((a) => index.termIds.get(a.term)).filter((id) => id !== undefined))].map((id) => ({ id, certainty: 1 }));
  const pairs = [...new Set(adjacentPairs(analysed.map((a) => a.term), index.termIds))];
  const classifier = new TopicClassifier(index, kb.size, DEFAULT_SCORING.rerank);
  return [...classifier.posterior(topicIds.map((id) => kb.topics.findIndex((t) => t.id === id)), terms, pairs)];
}

describe('TopicClassifier', () => {
  test('GIVEN a topic whose phrases use the question\'s words more often THEN its posterior is the higher, and the posteriors sum to 1', () => {
    const [bind, vol] = classify(knowledge, question, ['bind-mounts', 'volumes']);
    expect(bind).toBeGreaterThan(0.5);
    expect(bind! + vol!).toBeCloseTo(1, 12);
  });

  test('GIVEN words only a body uses THEN they tell no topic apart', () => {
    // "storage" and "manages" are in Volumes' body only: the classifier is trained on the other phrases.
    expect(classify(knowledge, 'storage manages', ['bind-mounts', 'volumes'])).toEqual([0.5, 0.5]);
  });
});

describe('the second-opinion ranker in the answer engine', () => {
  const rankedIds = (engine: AnswerEngine) => engine.rank(question).map((r) => r.topic.id);

  test('GIVEN a question the neighbour\'s one example nearly repeats THEN word overlap ranks the neighbour first, and the reranker the topic whose phrases use its words', () => {
    const without = new AnswerEngine(knowledge, { scoring: { rerank: { ...DEFAULT_SCORING.rerank, weight: 0 } } });
    expect(rankedIds(without)[0]).toBe('volumes');
    expect(rankedIds(new AnswerEngine(knowledge))[0]).toBe('bind-mounts');
  });

  test('GIVEN the reranker reorders THEN the ranking stays sorted by score and the evidence keeps the retrieval score', () => {
    const ranked = new AnswerEngine(knowledge).rank(question);
    expect(ranked.map((r) => r.score)).toEqual(ranked.map((r) => r.score).sort((a, b) => b - a));
    // Bind mounts was second on retrieval: its lead over Volumes is negative, though it ranks first.
    expect(ranked[0]!.evidence.score).toBeLessThan(ranked[0]!.score);
    expect(ranked[0]!.evidence.lead).toBeLessThan(0);
  });

  test('GIVEN the reranker puts a topic before retrieval\'s first THEN it is no surer than that one: the reranker does not decide whether to answer', () => {
    const [first, retrievalFirst] = new AnswerEngine(knowledge).rank(question);
    expect(retrievalFirst!.topic.id).toBe('volumes');
    expect(first!.confidence).toBeLessThanOrEqual(retrievalFirst!.confidence);
  });

  test('GIVEN a topic scoring further than the margin below the first THEN the reranker leaves the order alone', () => {
    const engine = new AnswerEngine(knowledge, { scoring: { rerank: { ...DEFAULT_SCORING.rerank, margin: 0 } } });
    expect(rankedIds(engine)[0]).toBe('volumes');
  });
});
