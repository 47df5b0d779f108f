import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { createApp, type App } from '../../src/app.ts';
import { DIAGRAM_IDS } from '../../src/diagrams/index.ts';
import { decodeAction, handleAction, type CommandRequest, type Reply } from '../../src/core/index.ts';
import { NEW_CARDS_PER_DAY } from '../../src/core/study/flash-cards.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { replyLimitProblems } from '../fixtures/reply-limits.ts';
import { createTestApp } from '../fixtures/test-app.ts';

const T0 = new Date('2026-11-23T09:00:00Z');
const later = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

let app: App;
beforeEach(async () => {
  app = await createTestApp();
  return () => app.close();
});

function who(id: string, extra: Partial<CommandRequest> = {}): CommandRequest {
  return { platform: 'discord', user: { id, name: id }, serverId: 'guild-1', channelId: 'chan-1', now: T0, ...extra };
}
const ada = who('ada');

/** Runs a command and checks that its reply fits every platform. */
async function run(name: string, args: Record<string, unknown> = {}, request = ada): Promise<Reply> {
  return fits(await app.registry.execute(name, args, request, app.services));
}
async function press(reply: Reply, label: string | RegExp, request = ada): Promise<Reply> {
  const button = reply.actions?.flat().find((a) => (typeof label === 'string' ? a.label === label : label.test(a.label)));
  if (!button) throw new Error(`No button ${String(label)} in ${JSON.stringify(reply.actions)}`);
  return fits(await handleAction(button.id, request, app.services));
}
function fits(reply: Reply): Reply {
  expect(replyLimitProblems(reply)).toEqual([]);
  return reply;
}
const buttonId = (reply: Reply, label: RegExp) => reply.actions!.flat().find((a) => label.test(a.label))!.id;

describe('flash cards', () => {
  test('GIVEN /quiz on a topic THEN the front, then the answer with four timed grades, then the saved grade', async () => {
    const front = await run('quiz', { topic: 'volumes' });
    expect(front).toMatchObject({ title: 'Flash card · Volumes', footer: 'New card', ephemeral: true });
    expect(front.actions?.flat().map((a) => a.label)).toEqual(['Reveal answer']);
    const card = app.services.deck.cardsOf('volumes')[0]!;
    expect(front.text).toContain(card.front);
    expect(front.text).not.toContain(card.back);

    const back = await press(front, 'Reveal answer');
    expect(back.text).toContain(card.back);
    expect(back.actions?.[0]?.map((a) => a.label.split(' · ')[0])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    expect(back.actions?.[0]?.[0]?.label).toMatch(/^Again · \d+m$/);

    const graded = await press(back, /^Good/);
    expect(graded).toMatchObject({ tone: 'success', title: 'Good: saved' });
    const [progress] = await app.services.store.cardProgress('discord:ada');
    expect(progress).toMatchObject({ cardId: card.id, reps: 1 });
    expect(progress!.due.getTime()).toBeGreaterThan(T0.getTime());
  });

  test('GIVEN a card graded once THEN grading it again is refused and counts once', async () => {
    const back = await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer');
    const good = buttonId(back, /^Good/);
    const results = await Promise.all([handleAction(good, ada, app.services), handleAction(good, ada, app.services)]);
    expect(results.map((r) => r.title).sort()).toEqual(['Already graded', 'Good: saved']);
    expect((await app.services.store.learnerActivity('discord:ada')).reviews).toBe(1);
  });

  test("GIVEN someone else's card THEN revealing or grading it is refused and changes nothing", async () => {
    const front = await run('quiz', { topic: 'volumes' });
    const bob = who('bob');
    expect(await press(front, 'Reveal answer', bob)).toMatchObject({ tone: 'error', title: "That card is someone else's" });
    const back = await press(front, 'Reveal answer');
    expect(await press(back, /^Easy/, bob)).toMatchObject({ tone: 'error' });
    expect(await app.services.store.cardProgress('discord:bob')).toEqual([]);
    expect(await app.services.store.cardProgress('discord:ada')).toEqual([]);
  });

  test('GIVEN a grade pressed before the card was revealed THEN it is refused', async () => {
    const front = await run('quiz', { topic: 'volumes' });
    const sessionId = (decodeAction(front.actions![0]![0]!.id) as { sessionId: string }).sessionId;
    const reply = await handleAction(`v1:grade:${sessionId}:4`, ada, app.services);
    expect(reply).toMatchObject({ tone: 'error', title: 'Reveal the answer first' });
  });

  test('GIVEN a forged grade or session id THEN it is refused as invalid or expired', async () => {
    expect(await handleAction('v1:grade:id00000001:9', ada, app.services)).toMatchObject({ title: 'That button is not valid' });
    expect(await handleAction('v1:grade:id00000001:01', ada, app.services)).toMatchObject({ title: 'That button is not valid' });
    expect(await handleAction('v1:reveal:nosuchsession', ada, app.services)).toMatchObject({ title: 'That button has expired' });
  });

  test('GIVEN an unknown topic THEN /quiz names close matches', async () => {
    const reply = await run('quiz', { topic: 'volumez stuff' });
    expect(reply).toMatchObject({ tone: 'error', title: 'No such topic' });
    expect(reply.text).toContain('Volumes');
  });
});

describe('/review', () => {
  async function studyNewCard(request: CommandRequest, grade = /^Good/) {
    const front = await run('review', {}, request);
    expect(front.footer).toBe('New card');
    await press(await press(front, 'Reveal answer', request), grade, request);
  }

  test("GIVEN a day's new cards used up THEN it says so and when the next card is due, and practice serves no new card", async () => {
    for (let i = 0; i < NEW_CARDS_PER_DAY; i++) await studyNewCard(ada, /^Easy/);
    const reply = await run('review');
    expect(reply).toMatchObject({ title: 'All caught up', footer: "You have met today's new cards: more tomorrow." });
    expect(reply.text).toMatch(/next one is due \*\*in \d+ days?\*\*/);
    const practice = await press(reply, 'Practise ahead');
    expect(practice.footer).toMatch(/^Practice ahead: due in \d+ days?$/);
    expect((await press(practice, 'Reveal answer')).footer).toMatch(/^Practice: this card is due in \d+ days?, and grading it now does not change that\.$/);
  });

  test('GIVEN a grade THEN the next button says what it will serve, and the footer does not contradict it', async () => {
    const front = await run('review');
    const graded = await press(await press(front, 'Reveal answer'), /^Easy/);
    expect(graded.actions?.[0]?.map((a) => a.label)).toEqual([`Learn a new card (${NEW_CARDS_PER_DAY - 1} left today)`, expect.stringMatching(/^Another card on /)]);
    expect(graded.footer).toBe('Nothing else is due right now.');
    expect((await press(graded, /^Learn a new card/)).footer).toBe('New card');

    for (let i = 2; i < NEW_CARDS_PER_DAY; i++) await studyNewCard(ada, /^Easy/);
    const last = await press(await press(await run('review'), 'Reveal answer'), /^Easy/);
    expect(last.actions?.[0]?.[0]?.label).toBe('Practise ahead');
    expect(last.footer).toBe("Nothing else is due, and today's new cards are done: more tomorrow.");
    expect((await press(last, 'Practise ahead')).footer).toMatch(/^Practice ahead/);
  });

  test('GIVEN cards that fell due THEN the most overdue comes first, before new cards', async () => {
    await studyNewCard(ada, /^Again/); // due in about a minute
    await studyNewCard(ada, /^Hard/); // due a few minutes later
    const [first, second] = await app.services.store.cardProgress('discord:ada').then((p) => p.sort((a, b) => +a.due - +b.due));
    const front = await run('review', {}, who('ada', { now: later(2) }));
    expect(front.footer).toBe('Due for review · 2 due');
    expect(front.text).toContain(app.services.deck.card(first!.cardId)!.front);
    expect(second).toBeDefined();
  });

  test('GIVEN a new day in the learner\'s time zone THEN new cards are offered again', async () => {
    const tokyo = (now: Date) => who('ada', { now, timeZone: 'Asia/Tokyo' });
    for (let i = 0; i < NEW_CARDS_PER_DAY; i++) await studyNewCard(tokyo(T0), /^Easy/);
    // 09:00 UTC is 18:00 in Tokyo; 16:00 UTC is already the next day there, though not in UTC.
    expect((await run('review', {}, tokyo(later(7)))).footer).toBe('New card');
  });
});

describe('multiple choice', () => {
  test('GIVEN /quiz mcq THEN four lettered options, one of them right, and feedback with the explanation', async () => {
    const quiz = await run('quiz', { mode: 'mcq', topic: 'volumes' });
    expect(quiz.ephemeral).toBeUndefined();
    expect(quiz.actions?.[0]?.map((a) => a.label)).toEqual(['A', 'B', 'C', 'D']);
    const question = app.services.deck.questionsOf('volumes').find((q) => quiz.text.includes(q.question))!;
    const letter = /\*\*([A-D])\.\*\* (.*)/g;
    const shown = [...quiz.text.matchAll(letter)].map((m) => [m[1]!, m[2]!] as const);
    expect(shown.map(([, option]) => option).sort()).toEqual([question.answer, ...question.distractors].sort());
    const right = shown.find(([, option]) => option === question.answer)![0];
    const wrong = shown.find(([, option]) => option !== question.answer)![0];

    const feedback = await press(quiz, wrong);
    expect(feedback).toMatchObject({ title: 'Not quite', ephemeral: true });
    expect(feedback.text).toContain(`The answer is **${right}. ${question.answer}**`);
    expect(feedback.text).toContain(question.explanation);

    const again = await press(quiz, right);
    expect(again).toMatchObject({ title: 'You have answered this one' });
    expect(again.text).toContain(`You picked **${wrong}**, which was not right`);

    expect(await press(quiz, right, who('bob'))).toMatchObject({ title: 'Correct!' });
    expect(await app.services.store.learnerActivity('discord:ada')).toMatchObject({ quizAnswers: 1, quizCorrect: 0 });
  });

  test('GIVEN "Another question" pressed again and again THEN no question repeats until the topic is used up, nor twice in a row', async () => {
    const topic = app.services.deck.questionsOf('container-lifecycle');
    expect(topic.length).toBeGreaterThan(1);
    const questionOf = (quiz: Reply) => topic.find((q) => quiz.text.includes(q.question))!.id;
    let quiz = await run('quiz', { mode: 'mcq', topic: 'container-lifecycle' });
    const asked = [questionOf(quiz)];
    for (let i = 1; i < topic.length * 3; i++) {
      const feedback = await press(quiz, 'A');
      quiz = await press(feedback, 'Another question');
      asked.push(questionOf(quiz));
    }
    for (let round = 0; round < 3; round++) {
      expect(new Set(asked.slice(round * topic.length, (round + 1) * topic.length)).size).toBe(topic.length);
    }
    for (let i = 1; i < asked.length; i++) expect(asked[i]).not.toBe(asked[i - 1]);
    // Another learner's draws are their own.
    expect(topic.map((q) => q.id)).toContain(questionOf(await run('quiz', { mode: 'mcq', topic: 'container-lifecycle' }, who('bob'))));
  });

  test('GIVEN many quizzes THEN the right answer lands in every position', async () => {
    const positions = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const quiz = await run('quiz', { mode: 'mcq' });
      const question = app.services.deck.questions.find((q) => quiz.text.includes(q.question))!;
      const lines = quiz.text.split('\n').filter((l) => /^\*\*[A-D]\.\*\*/.test(l));
      positions.add(lines.findIndex((l) => l.endsWith(` ${question.answer}`)));
    }
    expect([...positions].sort()).toEqual([0, 1, 2, 3]);
  });

  test('GIVEN a forged option or quiz id THEN it is refused and nothing is recorded', async () => {
    const quiz = await run('quiz', { mode: 'mcq' });
    const quizId = (decodeAction(quiz.actions![0]![0]!.id) as { quizId: string }).quizId;
    expect(await handleAction(`v1:answer:${quizId}:4`, ada, app.services)).toMatchObject({ title: 'That button is not valid' });
    expect(await handleAction('v1:answer:unknownquiz:1', ada, app.services)).toMatchObject({ title: 'That button has expired' });
    expect((await app.services.store.learnerActivity('discord:ada')).quizAnswers).toBe(0);
  });
});

describe('/stats and /leaderboard', () => {
  test('GIVEN no activity THEN /stats says how to start', async () => {
    const reply = await run('stats');
    expect(reply.text).toContain('Nothing yet');
    expect(reply.ephemeral).toBe(true);
  });

  test('GIVEN reviews and answers on two days THEN /stats shows cards, accuracy and the streak', async () => {
    const back = await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer');
    await press(back, /^Good/);
    const tomorrow = who('ada', { now: later(24) });
    const quiz = await run('quiz', { mode: 'mcq', topic: 'volumes' }, tomorrow);
    const question = app.services.deck.questionsOf('volumes').find((q) => quiz.text.includes(q.question))!;
    const right = /\*\*([A-D])\.\*\* (.*)/g;
    const letter = [...quiz.text.matchAll(right)].find((m) => m[2] === question.answer)![1]!;
    await press(quiz, letter, tomorrow);

    const stats = await run('stats', {}, tomorrow);
    const field = (name: string) => stats.fields?.find((f) => f.name === name)?.value;
    expect(field('Cards')).toBe(`0 learned · 1 in progress · ${app.services.deck.cards.length - 1} new`);
    expect(field('Multiple choice')).toBe('100% right of 1 answer');
    expect(field('Recall')).toBe('100% of 1 review');
    expect(field('Streak')).toBe('2 days (best 2)');
  });

  test('GIVEN cards due and not THEN /stats says how many are due now and when the next one is', async () => {
    await press(await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer'), /^Easy/);
    const due = (stats: Reply) => stats.fields?.find((f) => f.name === 'Due now')?.value;
    expect(due(await run('stats'))).toMatch(/^0 · next in \d+ days$/);
    await press(await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer'), /^Again/);
    expect(due(await run('stats', {}, who('ada', { now: later(1) })))).toMatch(/^1 · then next in \d+ days$/);
  });

  test('GIVEN a display name with mentions, Markdown or direction overrides THEN /stats shows it as plain text', async () => {
    const reply = await run('stats', {}, who('eve', { user: { id: 'eve', name: '@everyone <@123> **bold** \u202Eevil' } }));
    expect(reply.title).toBe('Progress for @\u200Beveryone ‹@\u200B123\\> \\*\\*bold\\*\\* evil');
  });

  test('GIVEN learners in a server THEN the leaderboard ranks them, and names cannot ping or format', async () => {
    const sneaky = { platform: 'discord' as const, user: { id: 'eve', name: '@everyone **boss**' }, serverId: 'guild-1', now: T0 };
    for (const request of [ada, sneaky, sneaky]) {
      const quiz = await run('quiz', { mode: 'mcq', topic: 'volumes' }, request);
      const question = app.services.deck.questionsOf('volumes').find((q) => quiz.text.includes(q.question))!;
      const letter = [...quiz.text.matchAll(/\*\*([A-D])\.\*\* (.*)/g)].find((m) => m[2] === question.answer)![1]!;
      await press(quiz, letter, request);
    }
    const board = await run('leaderboard');
    const lines = board.text.split('\n');
    expect(lines[0]).toMatch(/^🥇 \*\*@\u200Beveryone \\\*\\\*boss\\\*\\\*\*\*: 2 points$/);
    expect(lines[1]).toBe('🥈 **ada**: 1 point');
    expect(await run('leaderboard', {}, who('ada', { serverId: 'guild-2' }))).toMatchObject({ text: expect.stringContaining('No points yet') });
    expect(await run('leaderboard', {}, who('ada', { serverId: undefined }))).toMatchObject({ title: 'Only in a server' });
  });
});

describe('/help', () => {
  test('GIVEN an unknown command with Markdown characters THEN it is named in a code span without visible backslashes', async () => {
    expect((await run('help', { command: 'my_cmd' })).text).toContain('There is no command `/my_cmd`.');
  });
});

describe('leaderboard ties', () => {
  async function answerRight(request: CommandRequest) {
    const quiz = await run('quiz', { mode: 'mcq', topic: 'volumes' }, request);
    const question = app.services.deck.questionsOf('volumes').find((q) => quiz.text.includes(q.question))!;
    await press(quiz, [...quiz.text.matchAll(/\*\*([A-D])\.\*\* (.*)/g)].find((m) => m[2] === question.answer)![1]!, request);
  }

  test('GIVEN two learners with equal points THEN they share the rank, and the next rank skips their places', async () => {
    for (const name of ['zoe', 'ada', 'zoe', 'ada', 'bob']) await answerRight(who(name));
    const board = await run('leaderboard');
    expect(board.text.split('\n')).toEqual(['🥇 **ada**: 2 points', '🥇 **zoe**: 2 points', '🥉 **bob**: 1 point']);
    expect(board.footer).toContain('Equal points share a rank, listed by name.');
  });
});

describe('answers, votes and knowledge gaps', () => {
  test('GIVEN an answer THEN it offers a quiz, its diagram and votes; a vote is stored and can be changed', async () => {
    const answer = await run('ask', { question: 'image vs container?' });
    expect(answer.actions?.[0]?.map((a) => a.label)).toEqual(['Quiz me on this', 'Show diagram', '👍 Helpful', '👎 Not helpful']);
    expect(await press(answer, '👎 Not helpful')).toMatchObject({ title: 'Thanks for the feedback' });
    expect((await press(answer, '👍 Helpful')).text).toBe('Glad it helped. This replaces your earlier vote.');
    expect((await press(answer, '👍 Helpful')).text).toBe('Glad it helped. Your vote was already counted: it counts once.');
    const quiz = await press(answer, 'Quiz me on this');
    expect(quiz.title).toBe('Flash card · Image vs container');
  });

  test('GIVEN an abstention and a down-voted answer THEN both are kept as gaps, without user ids', async () => {
    await run('ask', { question: 'best pizza toppings' });
    const answer = await run('ask', { question: 'what is a volume' });
    await press(answer, '👎 Not helpful', who('bob'));
    const gaps = await app.services.store.knowledgeGaps(0.7);
    expect(gaps.map((g) => [g.question, g.answered, g.downVotes])).toEqual([
      ['best pizza toppings', false, 0],
      ['what is a volume', true, 1],
    ]);
    expect(JSON.stringify(gaps)).not.toContain('ada');
  });
});

describe('diagrams', () => {
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  test('GIVEN /diagram with no name THEN every diagram is listed with a button each', async () => {
    const reply = await run('diagram');
    expect(reply.actions?.[0]).toHaveLength(5);
    for (const button of reply.actions![0]!) expect((await press(reply, button.label)).image?.png.slice(0, 8)).toEqual(Uint8Array.from(PNG_SIGNATURE));
  });

  test('GIVEN /diagram lifecycle THEN the PNG comes with alt text, a text version and its topic first', async () => {
    const reply = await run('diagram', { name: 'lifecycle' });
    expect(reply).toMatchObject({ title: 'Container lifecycle', image: { name: 'container-lifecycle.png' } });
    expect(reply.image!.alt.length).toBeGreaterThan(100);
    expect(reply.image!.fallbackText).toContain('docker rm -f');
    expect(reply.actions?.[0]?.[0]?.label).toBe('Read: Container lifecycle');
  });

  test('GIVEN an unknown or ambiguous diagram name THEN close matches are named', async () => {
    expect(await run('diagram', { name: 'pizza' })).toMatchObject({ title: 'No such diagram' });
    const ambiguous = await run('diagram', { name: 'image' });
    expect(ambiguous.text).toContain('**Image vs container**, **Image layers**');
    expect((await press(ambiguous, 'Image layers')).image?.name).toBe('image-layers.png');
  });

  test('GIVEN the diagram names /help diagram lists THEN /diagram accepts every one, and every diagram is named', async () => {
    const description = app.registry.get('diagram')!.command.description;
    const names = description.slice(description.indexOf(':') + 1).split(',').map((n) => n.trim());
    const found = await Promise.all(names.map(async (name) => (await run('diagram', { name })).image?.name));
    expect(found).toEqual(expect.not.arrayContaining([undefined]));
    expect(new Set(found).size).toBe(DIAGRAM_IDS.length);
  });

  test('GIVEN a topic with a diagram THEN its Show diagram button draws it', async () => {
    const answer = await run('explain', { topic: 'vm vs container' });
    expect((await press(answer, 'Show diagram')).image?.name).toBe('vm-vs-container.png');
  });
});

describe('/settings', () => {
  test('GIVEN a daily new-card limit THEN /review keeps to it, and /settings shows it', async () => {
    expect(await run('settings', { 'new-cards': 2 })).toMatchObject({ title: 'Settings saved', ephemeral: true });
    for (let i = 0; i < 2; i++) await press(await press(await run('review'), 'Reveal answer'), /^Easy/);
    expect(await run('review')).toMatchObject({ title: 'All caught up' });
    const shown = await run('settings');
    expect(shown.fields?.map((f) => f.value)).toEqual(['UTC (not set)', '2 (yours)', 'Off (the default). `/settings reminders:on` sends a direct message on days cards are due.']);
  });

  test('GIVEN a time zone of their own on Discord THEN their days follow it', async () => {
    await run('settings', { 'time-zone': 'Asia/Tokyo' });
    expect((await run('stats')).footer).toBe('Days are counted in Asia/Tokyo.');
    await run('settings', { 'new-cards': 1 });
    await press(await press(await run('review'), 'Reveal answer'), /^Easy/);
    expect((await run('review')).title).toBe('All caught up');
    // 09:00 UTC is 18:00 in Tokyo; 16:00 UTC is the next day there.
    expect((await run('review', {}, who('ada', { now: later(7) }))).footer).toBe('New card');
  });

  test('GIVEN a time zone that is not IANA, or a limit out of range THEN it is refused and nothing changes', async () => {
    expect(await run('settings', { 'time-zone': 'Mars/Olympus' })).toMatchObject({ tone: 'error' });
    expect(await run('settings', { 'time-zone': '+02:00' })).toMatchObject({ tone: 'error' });
    expect(await run('settings', { 'new-cards': 101 })).toMatchObject({ tone: 'error' });
    expect(await app.services.store.learnerSettings('discord:ada')).toEqual({});
  });
});

describe('/undo', () => {
  test('GIVEN a grade THEN /undo asks first, and once confirmed the card is back where it was, once only', async () => {
    const front = await run('quiz', { topic: 'volumes' });
    await press(await press(front, 'Reveal answer'), /^Good/);
    const [first] = await app.services.store.cardProgress('discord:ada');
    const second = who('ada', { now: first!.due });
    await press(await press(await run('quiz', { topic: 'volumes' }, second), 'Reveal answer', second), /^Easy/, second);
    expect((await app.services.store.cardProgress('discord:ada'))[0]?.reps).toBe(2);

    const confirm = await run('undo', {}, second);
    expect(confirm).toMatchObject({ title: 'Undo Easy?', ephemeral: true });
    expect((await app.services.store.cardProgress('discord:ada'))[0]?.reps).toBe(2);
    expect(await press(confirm, 'Yes, undo it', second)).toMatchObject({ title: 'Grade undone' });
    expect(await app.services.store.cardProgress('discord:ada')).toEqual([first]);
    expect((await app.services.store.learnerActivity('discord:ada')).reviews).toBe(1);
    expect(await press(confirm, 'Yes, undo it', second)).toMatchObject({ title: 'That grade can no longer be undone' });
  });

  test('GIVEN a new card graded and undone THEN it is new again; and a grade older than the window cannot be undone', async () => {
    await press(await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer'), /^Good/);
    const confirm = await run('undo');
    expect(await run('undo', {}, who('ada', { now: later(1) }))).toMatchObject({ title: 'Nothing to undo' });
    expect(await press(confirm, 'Yes, undo it', who('ada', { now: later(1) }))).toMatchObject({ title: 'That grade can no longer be undone' });
    expect(await press(confirm, 'Yes, undo it')).toMatchObject({ title: 'Grade undone' });
    expect(await app.services.store.cardProgress('discord:ada')).toEqual([]);
    expect((await run('quiz', { topic: 'volumes' })).footer).toBe('New card');
  });
});

describe('/reset', () => {
  test("GIVEN a topic studied THEN /reset asks first, and once confirmed its cards are new again, other topics untouched", async () => {
    await press(await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer'), /^Easy/);
    await press(await press(await run('quiz', { topic: 'image layers' }), 'Reveal answer'), /^Easy/);
    const confirm = await run('reset', { topic: 'volumes' });
    expect(confirm).toMatchObject({ title: 'Start Volumes over?', ephemeral: true });
    expect(await app.services.store.cardProgress('discord:ada')).toHaveLength(2);
    expect(await press(confirm, 'Yes, reset Volumes', who('ada', { now: later(1) }))).toMatchObject({ title: 'That button has expired' });
    expect(await press(confirm, 'Yes, reset Volumes')).toMatchObject({ title: 'Volumes starts afresh', text: expect.stringContaining('1 card is new again') });
    const left = await app.services.store.cardProgress('discord:ada');
    expect(left.map((p) => app.services.deck.card(p.cardId)?.topic.id)).toEqual(['image-layers']);
    expect((await run('quiz', { topic: 'volumes' })).footer).toBe('New card');
    expect(await run('reset', { topic: 'volumes' })).toMatchObject({ title: 'Nothing to reset in Volumes' });
  });
});

describe('your data', () => {
  test('GIVEN /forget-me THEN nothing is deleted until confirmed, and then everything about the person goes', async () => {
    await press(await press(await run('quiz', { topic: 'volumes' }), 'Reveal answer'), /^Good/);
    await run('ask', { question: 'best pizza toppings' });
    await press(await press(await run('quiz', { topic: 'volumes' }, who('bob')), 'Reveal answer', who('bob')), /^Good/, who('bob'));

    const confirm = await run('forget-me');
    expect(confirm).toMatchObject({ title: 'Delete everything about you?', ephemeral: true });
    expect(await app.services.store.cardProgress('discord:ada')).toHaveLength(1);
    expect(await press(confirm, 'Yes, delete everything', who('ada', { now: later(1) }))).toMatchObject({ title: 'That button has expired' });

    expect(await press(confirm, 'Yes, delete everything')).toMatchObject({ title: 'Everything about you is deleted' });
    expect(await app.services.store.cardProgress('discord:ada')).toEqual([]);
    expect(await app.services.store.knowledgeGaps(0.7)).toEqual([]);
    expect(await app.services.store.cardProgress('discord:bob')).toHaveLength(1);
  });
});

describe('persistence', () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-learning-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('GIVEN questions older than the retention period THEN they are deleted as the bot starts, in the background', async () => {
    const settings = { DATABASE_PATH: join(folder, 'retention.db') };
    const first = await createApp(settings);
    const old = new Date(Date.now() - 91 * 86_400_000);
    await first.registry.execute('ask', { question: 'best pizza toppings' }, who('ada', { now: old }), first.services);
    await first.registry.execute('ask', { question: 'best pasta shapes' }, who('ada', { now: new Date() }), first.services);
    await first.close();
    const second = await createApp({ ...settings, ANSWER_RETENTION_DAYS: 90 });
    await expect.poll(async () => (await second.services.store.knowledgeGaps(0.7)).map((g) => g.question)).toEqual(['best pasta shapes']);
    await second.close();
  });

  test('GIVEN progress made and the bot restarted THEN the progress is still there', async () => {
    const settings = { DATABASE_PATH: join(folder, 'bot.db') };
    const first = await createApp(settings);
    const front = await first.registry.execute('quiz', { topic: 'image layers' }, ada, first.services);
    const back = await handleAction(front.actions![0]![0]!.id, ada, first.services);
    await handleAction(back.actions![0]![2]!.id, ada, first.services);
    await first.close();

    const second = await createApp(settings);
    const stats = await second.registry.execute('stats', {}, ada, second.services);
    expect(stats.fields?.find((f) => f.name === 'Recall')?.value).toBe('100% of 1 review');
    await second.close();
  });

  test('GIVEN a topic edited after grading (a card inserted first, the rest reordered) THEN progress and open cards stay on their cards', async () => {
    const knowledge = join(folder, 'knowledge');
    cpSync(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
    const settings = { KNOWLEDGE_DIR: knowledge, DATABASE_PATH: join(folder, 'edited.db') };
    const first = await createApp(settings);
    const shownCard = (reply: Reply) => first.services.deck.cardsOf('volumes').find((c) => reply.text.includes(c.front))!;
    const gradedFront = await first.registry.execute('quiz', { topic: 'volumes' }, ada, first.services);
    const graded = shownCard(gradedFront);
    const back = await handleAction(gradedFront.actions![0]![0]!.id, ada, first.services);
    await handleAction(back.actions![0]![2]!.id, ada, first.services);
    const openFront = await first.registry.execute('quiz', { topic: 'volumes' }, ada, first.services);
    const open = shownCard(openFront);
    expect(open.id).not.toBe(graded.id);
    const [before] = await first.services.store.cardProgress('discord:ada');
    await first.close();

    const file = join(knowledge, 'volumes.md');
    const [, frontMatter, body] = readFileSync(file, 'utf8').split(/^---$/m);
    const topic = YAML.parse(frontMatter!) as { cards: { id: string; front: string; back: string }[] };
    const newCard = { id: 'volume-driver-option', front: 'What does `--volume-driver` choose?', back: 'The plugin that provides a volume.' };
    const moved = topic.cards.find((c) => c.id === graded.id.split('/')[1])!;
    topic.cards = [newCard, ...topic.cards.filter((c) => c !== moved).reverse(), moved];
    writeFileSync(file, `---\n${YAML.stringify(topic)}---${body}`);

    const second = await createApp(settings);
    expect(second.services.deck.cardsOf('volumes').map((c) => c.id)).toEqual([
      'volumes/volume-driver-option',
      ...topic.cards.slice(1).map((c) => `volumes/${c.id}`),
    ]);
    expect(second.services.deck.cardsOf('volumes').at(-1)!.id).toBe(graded.id);
    expect(await second.services.store.cardProgress('discord:ada')).toEqual([before]);
    expect(second.services.deck.card(before!.cardId)?.front).toBe(graded.front);
    const revealed = await handleAction(openFront.actions![0]![0]!.id, ada, second.services);
    expect(revealed.text).toContain(open.back);
    await second.close();
  });

  test('GIVEN a database from before cards had ids THEN buttons already posted still work, and unknown cards answer clearly', async () => {
    const path = join(folder, 'version-1.db');
    const db = new Database(path);
    for (const statement of MIGRATIONS[0]!.statements) db.exec(statement);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, 0)').run(MIGRATIONS[0]!.name);
    const session = db.prepare('INSERT INTO card_sessions (id, learner_key, card_id, created_at) VALUES (?, ?, ?, 0)');
    session.run('posted-card', 'discord:ada', 'volumes/c2');
    session.run('removed-card', 'discord:ada', 'no-such-topic/c1');
    db.prepare("INSERT INTO quizzes (id, question_id, option_order, created_at) VALUES ('posted-quiz', 'volumes/q2', '1,0,2,3', 0)").run();
    db.close();

    const app = await createApp({ DATABASE_PATH: path });
    const reveal = await handleAction('v1:reveal:posted-card', ada, app.services);
    expect(reveal.text).toContain(app.services.deck.card('volumes/anonymous-volume')!.back);
    const answer = await handleAction('v1:answer:posted-quiz:1', ada, app.services);
    expect(answer.text).toContain(app.services.deck.question('volumes/docker-volume-prune-remove-default')!.explanation);
    expect(await app.services.store.quizAnswer('posted-quiz', 'discord:ada')).toMatchObject({ correct: true });
    expect(await handleAction('v1:reveal:removed-card', ada, app.services)).toMatchObject({ title: 'That button has expired' });
    await app.close();
  });
});
