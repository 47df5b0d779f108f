/**
 * Slack latency: from the moment a correctly signed request is sent to the bot (HTTP mode) to the moment the
 * fake Slack receives the answer (`chat.postMessage` for a mention, the `response_url` POST for `/docker ask`
 * and a button), through the real Bolt app, the listeners and the core, on loopback. Also the time until the
 * bot's HTTP response, its acknowledgement, which Slack wants within 3 seconds.
 *
 * `npm run bench` includes it; `npm run bench -- --only slack` prints this section alone.
 */
import { hrtime } from 'node:process';
import { startSlack } from '../src/adapters/slack/start-slack.ts';
import { createLogger } from '../src/logger.ts';
import { FakeSlack, type SlackCall } from '../test/e2e/slack/fake-slack.ts';
import { blockAction, eventCallback, mention, sign, SIGNING_SECRET, slashCommand } from '../test/e2e/slack/slack-payloads.ts';
import { buttonsOf } from '../test/e2e/slack/slack-views.ts';
import { createTestApp } from '../test/fixtures/test-app.ts';
import { percentile } from './measure.ts';

export interface SlackLatencyMethod {
  /** Requests timed per kind, one at a time. */
  requests: number;
  /** Untimed requests first, per kind (JIT, caches, the first SQLite statements, each learner's `users.info`). */
  warmUp: number;
  /** How many learners take turns: each one's profile is fetched once, then cached, as for people who come back. */
  learners: number;
}

export const SLACK_LATENCY_METHOD: SlackLatencyMethod = { requests: 300, warmUp: 20, learners: 10 };

export interface SlackLatencyResult {
  kind: string;
  /** What carries the answer to the fake. */
  answer: string;
  /** Milliseconds from sending the request to the bot's HTTP response (the acknowledgement). */
  ackMs: number[];
  /** Milliseconds from sending the request to the answer arriving at the fake. */
  answerMs: number[];
}

const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;

export async function benchmarkSlackLatency(method: SlackLatencyMethod, log: (line: string) => void): Promise<SlackLatencyResult[]> {
  const app = await createTestApp();
  const fake = await FakeSlack.start();
  const bot = await startSlack(app, {
    botToken: 'xoxb-1000000000-2000000000-benchmarktokennotreal',
    connection: { mode: 'http', signingSecret: SIGNING_SECRET, port: 0 },
    host: '127.0.0.1',
    logger: createLogger({ write: () => undefined }),
    apiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    // A learner answers many questions in the benchmark; each press is a new one.
    pressWindowMs: 1,
  });
  const url = `http://127.0.0.1:${bot.port}/slack/events`;
  const questions = app.services.knowledge.topics.flatMap((t) => t.questions.slice(0, 3));
  const learner = (i: number) => `ULEARNER${i % method.learners}`;
  let responses = 0;

  /** POSTs a signed body; resolves with the send time, the HTTP response time and the answer at the fake. */
  const send = async (body: string, contentType: string, answered: (call: SlackCall) => boolean) => {
    const before = fake.calls.length;
    const answer = fake.waitFor((c) => fake.calls.indexOf(c) >= before && answered(c), 10_000);
    const sentAt = hrtime.bigint();
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType, ...sign(body) } });
    const ackAt = hrtime.bigint();
    if (response.status !== 200) throw new Error(`the bot answered ${response.status}`);
    await response.arrayBuffer();
    return { sentAt, ackAt, answer: await answer };
  };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  const time = async (kind: string, answer: string, request: (i: number) => Promise<{ sentAt: bigint; ackAt: bigint; answer: SlackCall }>): Promise<SlackLatencyResult> => {
    log(`slack: ${kind}…`);
    const result: SlackLatencyResult = { kind, answer, ackMs: [], answerMs: [] };
    for (let i = 0; i < method.warmUp + method.requests; i++) {
      const { sentAt, ackAt, answer: call } = await request(i);
      if (i < method.warmUp) continue;
      result.ackMs.push(ms(sentAt, ackAt));
      result.answerMs.push(ms(sentAt, call.receivedAt));
    }
    return result;
  };
  const respondTo = (id: string) => (c: SlackCall) => c.method === 'respond' && c.params['responseId'] === id;

  // A public multiple-choice question, answered by learners in turn (each new answer is a store write).
  const posted = await send(form(slashCommand('quiz mcq volumes', fake.responseUrl('quiz'))), 'application/x-www-form-urlencoded', respondTo('quiz'));
  const firstOption = buttonsOf(posted.answer)[0]!.actionId;

  const results = [
    await time('mention in a channel (a question from the knowledge base)', '`chat.postMessage` in the thread', (i) =>
      send(JSON.stringify(eventCallback(mention(questions[i % questions.length]!, { user: learner(i) }))), 'application/json', (c) => c.method === 'chat.postMessage'),
    ),
    await time('`/docker ask`', '`response_url` POST, `in_channel`', (i) => {
      const id = `ask-${++responses}`;
      return send(form(slashCommand(`ask ${questions[i % questions.length]!}`, fake.responseUrl(id), { user: learner(i) })), 'application/x-www-form-urlencoded', respondTo(id));
    }),
    await time('button: answering a public multiple-choice question', '`response_url` POST, ephemeral', (i) => {
      const id = `press-${++responses}`;
      const payload = blockAction(firstOption, { kind: 'message', channel: 'CGENERAL', ts: '1800000000.000100' }, fake.responseUrl(id), { user: learner(i) });
      return send(form({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', respondTo(id));
    }),
  ];
  if (fake.problems.length > 0) throw new Error(`the fake found problems: ${fake.problems.join('; ')}`);
  await bot.stop();
  await fake.close();
  await app.close();
  return results;
}

export function renderSlackLatency(results: readonly SlackLatencyResult[], method: SlackLatencyMethod): string[] {
  const f = (n: number) => n.toFixed(2);
  return [
    '### Slack: signed request to answer',
    '',
    'The real Bolt 5 app in HTTP mode, with the fake Slack Web API of the end-to-end tests (`test/e2e/slack/`) on ' +
      `127.0.0.1, in one process. Each kind of request is signed as Slack signs it and sent ${method.requests} times, one ` +
      `at a time, after ${method.warmUp} untimed ones, by ${method.learners} learners in turn (so each profile is fetched ` +
      'once, then cached). "Ack" is until the bot\'s HTTP response: the time Slack gives an app 3 seconds for. "Answer" is ' +
      'until the fake received the request carrying the answer. Milliseconds.',
    '',
    '| request | answer arrives as | ack p50 | p99 | answer p50 | p99 |',
    '|---|---|--:|--:|--:|--:|',
    ...results.map(
      (r) => `| ${r.kind} | ${r.answer} | ${f(percentile(r.ackMs, 50))} | ${f(percentile(r.ackMs, 99))} | ${f(percentile(r.answerMs, 50))} | ${f(percentile(r.answerMs, 99))} |`,
    ),
  ];
}
