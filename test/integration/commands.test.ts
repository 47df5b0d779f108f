import { describe, expect, test } from 'vitest';
import { createTestApp } from '../fixtures/test-app.ts';
import { encodeAction, handleAction, type CommandRequest } from '../../src/core/index.ts';

const app = await createTestApp();
const { registry, services } = app;
const request: CommandRequest = { platform: 'console', user: { id: 'u1', name: 'alice' }, now: new Date('2026-11-23T09:00:00Z') };
const run = (name: string, args: Record<string, unknown> = {}) => registry.execute(name, args, request, services);

describe('/ask', () => {
  test('GIVEN a Docker question THEN the reply is the topic with its commands and related topics as buttons', async () => {
    const reply = await run('ask', { question: 'what is the difference between an image and a container' });
    expect(reply).toMatchObject({ tone: 'answer', title: 'Image vs container' });
    expect(reply.fields?.[0]).toMatchObject({ name: 'Commands' });
    expect(reply.actions?.flat().map((a) => a.id)).toContain('v1:explain:container');
  });

  test('GIVEN an off-topic question THEN it abstains and says what it covers', async () => {
    const reply = await run('ask', { question: 'best pizza toppings' });
    expect(reply.tone).toBe('unsure');
    expect(reply.text).toMatch(/I only cover Docker concepts/);
  });

  test('GIVEN no question THEN the problem says what is missing and how to use the command', async () => {
    const reply = await run('ask', {});
    expect(reply).toMatchObject({ tone: 'error', ephemeral: true });
    expect(reply.text).toContain('`/ask <question>`');
  });
});

describe('/explain', () => {
  test.each([['volumes'], ['Volumes'], ['stop-vs-kill'], ['Stop vs kill'], ['volumse'], ['how do volumes work']])('GIVEN the name %s THEN the topic is shown', async (name) => {
    const reply = await run('explain', { topic: name });
    expect(reply.tone).toBe('answer');
  });

  test('GIVEN a name that is no topic THEN close matches are offered, as buttons that open them', async () => {
    const reply = await run('explain', { topic: 'mounts' });
    expect(reply).toMatchObject({ tone: 'error', title: 'No such topic' });
    expect(reply.text).toMatch(/Close matches: .*\*\*Bind mounts\*\*/);
    expect(reply.actions?.flat().map((a) => a.id)).toContain('v1:explain:bind-mounts');
  });

  test.each([
    ['images', 'Docker image'],
    ['containers', 'Container'],
    ['volume', 'Volumes'],
    ['registry', 'Registries'],
    ['imgs', 'Docker image'],
    ['docker contexts', 'docker context and remote daemons'],
    ['regsitry', 'Registries'],
    ['multi stage biulds', 'Multi-stage builds'],
  ])('GIVEN %j, a plural, stem, slang or one slip of a name THEN %s is shown', async (name, title) => {
    expect(await run('explain', { topic: name })).toMatchObject({ tone: 'answer', title });
  });

  test.each(['test', 'love', 'redis'])('GIVEN %j, a word inside a title or no name at all THEN no topic opens', async (name) => {
    expect(await run('explain', { topic: name })).toMatchObject({ tone: 'error', title: 'No such topic' });
  });

  test('GIVEN a name over 100 characters THEN it is refused with the limit', async () => {
    const reply = await run('explain', { topic: 'x'.repeat(101) });
    expect(reply.text).toMatch(/too long \(at most 100 characters\)/);
  });
});

describe('/topics and /help', () => {
  test('GIVEN /topics THEN every topic title is listed', async () => {
    const reply = await run('topics');
    for (const topic of services.knowledge.topics) expect(reply.text).toContain(topic.title);
  });

  test('GIVEN /help in the console THEN every command but the server-only ones is listed with its usage', async () => {
    const reply = await run('help');
    for (const entry of registry.list()) {
      if (entry.command.needsServer) expect(reply.text).not.toContain(entry.usage);
      else expect(reply.text).toContain(entry.usage);
    }
  });

  test('GIVEN /help ask THEN its argument and examples are shown', async () => {
    const reply = await run('help', { command: 'ask' });
    expect(reply.title).toBe('/ask <question>');
    expect(reply.fields?.map((f) => f.name)).toEqual(['question', 'Examples']);
  });
});

describe('buttons', () => {
  test('GIVEN an explain button THEN its topic is shown', async () => {
    const reply = await handleAction(encodeAction({ action: 'explain', topicId: 'volumes' }), request, services);
    expect(reply.title).toBe(services.knowledge.get('volumes')!.title);
  });

  test.each([
    ['forged', 'v1:delete:everything'],
    ['malformed', '::::'],
    ['from a future version', 'v9:explain:volumes'],
    ['oversized', `v1:explain:${'a'.repeat(200)}`],
    ['with a path in it', 'v1:explain:../../etc/passwd'],
  ])('GIVEN a %s button id THEN it is refused', async (_kind, id) => {
    expect(await handleAction(id, request, services)).toMatchObject({ tone: 'error', title: 'That button is not valid' });
  });

  test('GIVEN a button for a topic that no longer exists THEN it is called expired', async () => {
    const reply = await handleAction('v1:explain:removed-topic', request, services);
    expect(reply).toMatchObject({ tone: 'error', title: 'That button has expired' });
  });
});
