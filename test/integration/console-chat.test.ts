import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { ConsoleChat } from '../../src/adapters/console/console-chat.ts';
import type { App } from '../../src/app.ts';
import { createTestApp } from '../fixtures/test-app.ts';

let app: App;
let chat: ConsoleChat;
beforeEach(async () => {
  app = await createTestApp();
  chat = new ConsoleChat(app, { imageDir: mkdtempSync(join(tmpdir(), 'stevedore-console-chat-')), now: () => new Date('2026-11-23T09:00:00Z') });
  return () => app.close();
});

describe('the console chat reads messages as a person means them', () => {
  test('GIVEN a multiple-choice question THEN a letter, in either case, answers it', async () => {
    expect(await chat.handleLine('/quiz mcq volumes')).toContain('Pick a letter');
    expect(await chat.handleLine('b')).toMatch(/^(Correct!|Not quite)/);
    await chat.handleLine('/quiz mcq volumes');
    expect(await chat.handleLine('C')).toMatch(/^(Correct!|Not quite)/);
  });

  test('GIVEN a reply without buttons THEN a small number says there is nothing to press, and a large one is a question', async () => {
    await chat.handleLine('thanks');
    expect(await chat.handleLine('2')).toMatch(/^No buttons to press/);
    expect(await chat.handleLine('137')).not.toMatch(/^No button/);
  });

  test('GIVEN buttons THEN a number outside their range names the numbers that exist, and the buttons stay', async () => {
    await chat.handleLine('/diagram');
    expect(await chat.handleLine('7')).toMatch(/Type a number from 1 to 5/);
    expect(await chat.handleLine('2')).toContain('Image layers');
  });

  test.each([
    ['help', /^Stevedore: your Docker study companion/],
    ['quiz', /^Flash card · /],
    ['Topics', /topics/i],
    ['review', /^(Flash card|All caught up)/],
    ['stats.', /^Progress for you/],
  ])('GIVEN the lone word %s THEN it runs that command', async (word, expected) => {
    expect(await chat.handleLine(word)).toMatch(expected);
  });

  test.each([
    ['hi', /^Hello!/],
    ['Hello there!', /^Hello!/],
    ['thanks', /^You're welcome!/],
    ['thank you so much', /^You're welcome!/],
    ['what can you do?', /^What I can do/],
  ])('GIVEN small talk (%s) THEN it answers as a person would', async (said, expected) => {
    const output = await chat.handleLine(said);
    expect(output).toMatch(expected);
    expect(output).not.toContain("I don't have an answer");
  });

  test('GIVEN a greeting THEN it is not kept as a knowledge gap', async () => {
    await chat.handleLine('hi');
    expect(await app.services.store.knowledgeGaps(0.7)).toEqual([]);
  });

  test('GIVEN /help in the console THEN it lists no server-only command such as /leaderboard', async () => {
    const help = await chat.handleLine('/help');
    expect(help).toContain('/stats');
    expect(help).toContain('I speak English');
    expect(help).not.toContain('/leaderboard');
  });

  test('GIVEN a zero-width character inside a command THEN the command runs', async () => {
    expect(await chat.handleLine('/expl\u200Bain volumes')).toMatch(/^Volumes/);
  });
});
