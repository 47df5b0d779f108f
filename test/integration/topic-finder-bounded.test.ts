import { describe, expect, test } from 'vitest';
import { generateTopics } from '../../bench/synthetic-topics.ts';
import { completeArgument, type CompletionContext } from '../../src/core/index.ts';
import { KnowledgeBase, loadKnowledge } from '../../src/knowledge/index.ts';
import { TopicFinder } from '../../src/search/index.ts';
import { MAX_SCORED_NAMES } from '../../src/search/topic-finder.ts';
import { MAX_POSTINGS_VISITED } from '../../src/search/name-gram-index.ts';

const shipped = await loadKnowledge();
const PASTE = 'how do i make my docker image smaller when the build context is huge and npm install runs every time ';
const LONG_INPUTS = [PASTE.repeat(60).slice(0, 6_000), PASTE.repeat(1_000).slice(0, 100_000), 'x'.repeat(100_000), 'é '.repeat(50_000)];

/** The work is what keeps a call within milliseconds on any machine; its bounds are asserted rather than a time. */
function expectBoundedWork(topics: TopicFinder): void {
  expect(topics.lastWork.fuzzyChars).toBeLessThanOrEqual(32);
  expect(topics.lastWork.scoredNames).toBeLessThanOrEqual(MAX_SCORED_NAMES);
  expect(topics.lastWork.visitedPostings).toBeLessThanOrEqual(MAX_POSTINGS_VISITED);
}

describe('topic lookup and autocomplete do bounded work at any input length', () => {
  const topics = new TopicFinder(shipped);
  const context: CompletionContext = { registry: undefined as never, services: { knowledge: shipped, topics }, now: new Date() };

  test.each(LONG_INPUTS.map((input) => [input.length, input] as const))('GIVEN %i characters THEN find and complete read at most 32 of them fuzzily and score a bounded number of names', (_length, input) => {
    const found = topics.find(input);
    expectBoundedWork(topics);
    expect(found.found ? [] : found.closeMatches.length).not.toBeGreaterThan(3);
    expect(topics.complete(input).length).toBeLessThanOrEqual(25);
    expectBoundedWork(topics);
    expect(completeArgument('question', input, context, 25).length).toBeLessThanOrEqual(25);
    expect(completeArgument('topic', input, context, 25).length).toBeLessThanOrEqual(25);
  });

  test('GIVEN every topic title and id of the shipped knowledge THEN find opens it and complete suggests it first', () => {
    for (const topic of shipped.topics) {
      for (const name of [topic.title, topic.id]) {
        expect(topics.find(name), name).toMatchObject({ found: true, topic: { id: topic.id } });
        expect(topics.complete(name)[0]?.id, name).toBe(topic.id);
        expectBoundedWork(topics);
      }
    }
  });

  test('GIVEN the start of a question THEN the questions of the topics its words name are suggested, without asking the answer engine', () => {
    const suggestions = completeArgument('question', 'how do i shrink my image', context, 25).map((c) => c.value);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.join('\n')).toMatch(/image/i);
  });
});

describe('at 3,000 synthetic topics (about 12,000 names)', () => {
  const knowledge = new KnowledgeBase(generateTopics(3_000, shipped.topics));
  const topics = new TopicFinder(knowledge);

  test('GIVEN titles, their prefixes and long pastes THEN the topic is found or suggested, and the work stays bounded', () => {
    for (const topic of knowledge.topics.slice(0, 300)) {
      const title = topic.title.toLowerCase();
      expect(topics.complete(title.slice(0, Math.max(3, title.length - 2))).length).toBeGreaterThan(0);
      expectBoundedWork(topics);
      expect(topics.complete(title).map((t) => t.id)).toContain(topic.id);
      expectBoundedWork(topics);
      const found = topics.find(title);
      expect(found.found).toBe(true);
    }
    for (const input of LONG_INPUTS) {
      topics.find(input);
      expectBoundedWork(topics);
      topics.complete(input);
      expectBoundedWork(topics);
    }
  });
});
