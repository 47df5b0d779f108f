import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConsoleChat } from '../../src/adapters/console/console-chat.ts';
import { createTestApp } from '../fixtures/test-app.ts';
import { couldPing, HOSTILE_INPUTS } from '../fixtures/hostile-inputs.ts';

const app = await createTestApp();
const { engine } = app.services;

describe('the answer engine, given hostile input', () => {
  test.each(HOSTILE_INPUTS)('GIVEN %s THEN it answers or abstains with a message, without echoing a ping', (_name, input) => {
    const answer = engine.answer(input);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.confidence).toBeGreaterThanOrEqual(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(couldPing(answer.text)).toBe(false);
    expect(answer.question.length).toBeLessThanOrEqual(input.length);
  });

  test('GIVEN an empty question THEN it abstains and says what to ask', () => {
    expect(engine.answer('   ')).toMatchObject({ answered: false, topic: null, confidence: 0, suggestions: [] });
    expect(engine.answer('').text).toMatch(/Ask me a Docker question/);
  });
});

describe('the console chat, given hostile input', () => {
  // Diagrams a line happens to name are saved in a scratch folder, never in the project.
  const chat = new ConsoleChat(app, { imageDir: mkdtempSync(join(tmpdir(), 'stevedore-bad-input-')) });
  const lines = HOSTILE_INPUTS.flatMap(([name, input]) => [
    [`${name} as a question`, input],
    [`${name} to /explain`, `/explain ${input}`],
    [`${name} to /help`, `/help ${input}`],
    [`${name} to /quiz`, `/quiz ${input}`],
    [`${name} to /quiz mcq`, `/quiz mcq ${input}`],
    [`${name} to /diagram`, `/diagram ${input}`],
    [`${name} to /leaderboard`, `/leaderboard ${input}`],
    [`${name} to /explain-command`, `/explain-command ${input}`],
    [`${name} in a docker command`, `/explain-command docker run --name ${input} alpine:3.20 echo ${input}`],
    [`${name} to /explain-dockerfile`, `/explain-dockerfile ${input}`],
    [`${name} in a Dockerfile`, `/explain-dockerfile FROM alpine:3.20\nRUN echo ${input}\nLABEL note="${input}"`],
    [`${name} as a command name`, `/${input}`],
  ]);

  test.each(lines)('GIVEN %s THEN it replies without a crash or a ping', async (_name, line) => {
    const output = await chat.handleLine(line);
    expect(output.length).toBeGreaterThan(0);
    expect(couldPing(output)).toBe(false);
  });

  test('GIVEN button numbers that do not exist THEN it says which numbers do', async () => {
    await chat.handleLine('/diagram');
    expect(await chat.handleLine('99')).toMatch(/Type a number from 1 to 5 to press one of the buttons above/);
    expect(await chat.handleLine('0')).toMatch(/from 1 to 5/);
  });

  test('GIVEN /explain with a mention and Markdown THEN the echo is defused, and the terminal shows the text as typed', async () => {
    const output = await chat.handleLine('/explain @everyone **boom** <@&123>');
    expect(output).toMatch(/No such topic/);
    expect(output).toContain('"@\u200Beveryone **boom** ‹@\u200B&123>"');
    expect(output).not.toContain('\\');
  });
});
