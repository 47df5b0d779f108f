import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, type Harness, type Shown } from './discord-harness.ts';
import { inServer, text, user } from './interaction-payloads.ts';

const EPHEMERAL = 64;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
afterEach(() => expect(harness.fake.payloadProblems).toEqual([]));

const ada = inServer(user('1300000000000000011', 'ada'));
const bob = inServer(user('1300000000000000012', 'bob'));

type Embed = { title?: string; description?: string };
const titleOf = (shown: Shown) => (shown.data['embeds'] as Embed[])[0]!.title;
const labelsOf = (shown: Shown) =>
  (shown.data['components'] as Array<{ components: Array<{ label: string }> }>).map((row) => row.components.map((b) => b.label));
const callbackType = (exchange: { callback: { body: unknown } }) => (exchange.callback.body as { type: number }).type;

describe('flash card buttons', () => {
  test('GIVEN a card THEN Reveal replaces it with the answer and grades, and a grade replaces that with the saved result', async () => {
    const card = await (await harness.command('quiz', [text('topic', 'volumes')], ada)).answer();
    expect(card.flags).toBe(EPHEMERAL);

    const reveal = await harness.press(card, 'Reveal answer', ada);
    expect(callbackType(reveal)).toBe(7);
    const back = await reveal.answer();
    expect(titleOf(back)).toBe('Flash card · Volumes');
    expect(labelsOf(back)[0]!.map((l) => l.split(' · ')[0])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    expect(back.data['flags']).toBeUndefined();

    const grade = await harness.press(back, /^Good · /, ada);
    expect(callbackType(grade)).toBe(7);
    const graded = await grade.answer();
    expect(titleOf(graded)).toBe('Good: saved');
    expect(await harness.app.services.store.learnerActivity('discord:1300000000000000011')).toMatchObject({ reviews: 1 });

    // The same grade again: refused, and the refusal comes as a message of its own, never over the card.
    const again = await harness.press(back, /^Good · /, ada);
    expect(again.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'Already graded' }] } });
    expect(await harness.app.services.store.learnerActivity('discord:1300000000000000011')).toMatchObject({ reviews: 1 });
  });

  test('GIVEN a graded card THEN Next card brings a new personal card without touching the graded one', async () => {
    const card = await (await harness.command('quiz', [text('topic', 'image layers')], bob)).answer();
    const back = await (await harness.press(card, 'Reveal answer', bob)).answer();
    const graded = await (await harness.press(back, /^Easy · /, bob)).answer();
    const next = await harness.press(graded, /^Learn a new card|^Review due cards/, bob);
    expect(next.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(titleOf(await next.answer())).toMatch(/^Flash card · /);
  });
});

describe('a public multiple-choice question', () => {
  test('GIVEN an answer from someone else THEN the feedback is theirs alone and the public question is untouched', async () => {
    const posted = await harness.command('quiz', [text('mode', 'mcq'), text('topic', 'volumes')], ada);
    const question = await posted.answer();
    expect(question.flags).toBe(0);
    const requestsBefore = posted.requests().length;

    const quiz = harness.app.services.deck.questionsOf('volumes').find((q) => JSON.stringify(question.data).includes(q.question))!;
    const description = (question.data['embeds'] as Embed[])[0]!.description!;
    const right = [...description.matchAll(/\*\*([A-D])\.\*\* (.*)/g)].find((m) => m[2] === quiz.answer)![1]!;

    const answer = await harness.press(question, right, bob);
    expect(answer.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'Correct!' }] } });
    expect(answer.requests()).toHaveLength(1);
    const again = await harness.press(question, right, bob);
    expect(again.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'You have answered this one' }] } });

    // Nothing edited or followed up the question itself.
    expect(posted.requests()).toHaveLength(requestsBefore);
    expect(harness.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(String(posted.interaction['token'])))).toEqual([]);
  });
});

describe('buttons on a public answer', () => {
  test('GIVEN a vote THEN a thank-you only the voter sees, and the vote is stored', async () => {
    const answer = await (await harness.command('ask', [text('question', 'what is a volume')], ada)).answer();
    const vote = await harness.press(answer, '👎 Not helpful', bob);
    expect(vote.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'Thanks for the feedback' }] } });
    const gaps = await harness.app.services.store.knowledgeGaps(0.7);
    expect(gaps.find((g) => g.question === 'what is a volume')).toMatchObject({ downVotes: 1 });
  });

  test('GIVEN Quiz me on this THEN a personal card, as a new message', async () => {
    const answer = await (await harness.command('ask', [text('question', 'image vs container?')], ada)).answer();
    const quiz = await harness.press(answer, 'Quiz me on this', bob);
    expect(quiz.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'Flash card · Image vs container' }] } });
  });

  test('GIVEN a related topic THEN it opens for the presser alone', async () => {
    const answer = await (await harness.command('ask', [text('question', 'image vs container?')], ada)).answer();
    const related = labelsOf(answer)[1]![0]!;
    const opened = await harness.press(answer, related, bob);
    expect(opened.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: related }] } });
  });

  test('GIVEN Show diagram THEN the press is acknowledged at once (a render may be slow), then the diagram, for the presser', async () => {
    const answer = await (await harness.command('ask', [text('question', 'image vs container?')], ada)).answer();
    const diagram = await harness.press(answer, 'Show diagram', bob);
    expect(diagram.callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const shown = await diagram.answer();
    expect(shown.via.method).toBe('PATCH');
    expect(shown.files.map((f) => f.name)).toEqual(['image-vs-container.png']);
    expect(shown.data).toMatchObject({ embeds: [{ title: 'Image vs container', image: { url: 'attachment://image-vs-container.png' } }] });
  });

  test('GIVEN a forged button id THEN a clear ephemeral refusal', async () => {
    const answer = await (await harness.command('ask', [text('question', 'what is a volume')], ada)).answer();
    const forged = { ...answer, data: { ...answer.data, components: [{ type: 1, components: [{ type: 2, custom_id: 'v1:grade:nosuchsession:9', label: 'Forged', style: 1 }] }] } };
    const press = await harness.press(forged, 'Forged', bob);
    expect(press.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'That button is not valid' }] } });
  });
});
