/**
 * Discord latency: from the moment the fake gateway writes an INTERACTION_CREATE to the moment the fake REST
 * receives the bot's first response (the interaction callback), through the real discord.js client, the
 * interaction router and the core, on loopback. Also the time until the complete answer arrived, which for a
 * deferred reply is the edit that carries it.
 *
 * `npm run bench` includes it; `npm run bench -- --only discord` prints this section alone.
 */
import { startDiscord } from '../src/adapters/discord/start-discord.ts';
import { createLogger } from '../src/logger.ts';
import { FakeDiscord, type RecordedRequest } from '../test/e2e/discord/fake-discord.ts';
import { buttonPress, inServer, postedMessage, slashCommand, text, user } from '../test/e2e/discord/interaction-payloads.ts';
import { createTestApp } from '../test/fixtures/test-app.ts';
import { percentile } from './measure.ts';

export interface DiscordLatencyMethod {
  /** Interactions timed per kind, one at a time. */
  interactions: number;
  /** Untimed interactions first, per kind (JIT, caches, the first SQLite statements). */
  warmUp: number;
}

export const DISCORD_LATENCY_METHOD: DiscordLatencyMethod = { interactions: 300, warmUp: 20 };

export interface DiscordLatencyResult {
  kind: string;
  /** What the first response was. */
  firstResponse: string;
  /** Milliseconds from dispatch to the first response. */
  firstMs: number[];
  /** Milliseconds from dispatch to the complete answer (the same request when not deferred). */
  answerMs: number[];
  /** Size of the attachment, for the image kind. */
  pngBytes?: number;
}

const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;

export async function benchmarkDiscordLatency(method: DiscordLatencyMethod, log: (line: string) => void): Promise<DiscordLatencyResult[]> {
  const app = await createTestApp();
  // The warm-up interactions include the diagram's first render; the timed ones get it from the renderer's cache.
  const png = await app.services.diagrams.renderPng('image-vs-container');
  const fake = await FakeDiscord.start();
  const bot = await startDiscord(app, { token: 'MTAwMDAwMDAwMDAwMDAwMDAy.GbEnCh.benchmark-token-not-a-real-one-0123', appId: fake.applicationId, logger: createLogger({ write: () => undefined }), rest: { api: fake.apiUrl } });

  const appId = fake.applicationId;
  const questions = app.services.knowledge.topics.flatMap((t) => t.questions.slice(0, 3));
  let userCounter = 0n;
  const someone = () => inServer(user(String(1_500_000_000_000_000_000n + userCounter++), 'learner'));

  /** Dispatches one interaction; resolves with the dispatch time, its callback and its complete answer. */
  const send = async (interaction: Record<string, unknown>, deferred: boolean): Promise<{ sentAt: bigint; first: RecordedRequest; answer: RecordedRequest }> => {
    const token = String(interaction['token']);
    const first = fake.waitForRequest((r) => r.path.endsWith(`/${token}/callback`), 10_000);
    const answer = deferred ? fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${token}/`), 10_000) : first;
    const sentAt = fake.dispatch('INTERACTION_CREATE', interaction);
    return { sentAt, first: await first, answer: await answer };
  };

  const time = async (kind: string, firstResponse: string, make: (i: number) => Promise<Record<string, unknown>>, deferred = false): Promise<DiscordLatencyResult> => {
    log(`discord: ${kind}…`);
    const result: DiscordLatencyResult = { kind, firstResponse, firstMs: [], answerMs: [] };
    for (let i = 0; i < method.warmUp + method.interactions; i++) {
      const { sentAt, first, answer } = await send(await make(i), deferred);
      if (i < method.warmUp) continue;
      result.firstMs.push(ms(sentAt, first.receivedAt));
      result.answerMs.push(ms(sentAt, answer.receivedAt));
    }
    return result;
  };

  // A public multiple-choice question, answered by a different learner each time (each answer is a store write).
  const quiz = slashCommand('quiz', [text('mode', 'mcq'), text('topic', 'volumes')], someone(), appId);
  const posted = await send(quiz, false);
  const question = postedMessage((posted.first.body as { data: Record<string, unknown> }).data, someone(), appId, String(quiz['id']));
  const firstOption = ((question['components'] as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components[0]!).custom_id;

  const results = [
    await time('`/ask` (a question from the knowledge base)', 'reply (type 4)', async (i) =>
      slashCommand('ask', [text('question', questions[i % questions.length]!)], someone(), appId),
    ),
    await time('button: answering a public multiple-choice question', 'ephemeral reply (type 4)', async () => buttonPress(firstOption, question, someone(), appId)),
    {
      ...(await time('`/diagram image vs container` (slow: acknowledged first)', 'defer (type 5), then the edit with the PNG', async () =>
        slashCommand('diagram', [text('name', 'image vs container')], someone(), appId), true)),
      pngBytes: png.length,
    },
  ];
  await bot.stop();
  await fake.close();
  await app.close();
  return results;
}

/**
 * Why `/diagram`'s complete-answer p99 is high: the benchmark sends interactions faster than discord.js lets a
 * bot send requests, so the edits wait in discord.js's own queue.
 */
export const DIAGRAM_P99_FOOTNOTE =
  "[^diagram-p99]: `/diagram`'s complete-answer p99 is discord.js's own global limit of 50 requests a second " +
  "(`@discordjs/rest`), reached by the benchmark's send rate: the edit carrying the PNG waits in discord.js's queue " +
  'behind the requests before it. It is not the bot: the first response (the defer) and the render itself take a few ' +
  'milliseconds (see "Diagram rendering").';

export function renderDiscordLatency(results: readonly DiscordLatencyResult[], method: DiscordLatencyMethod): string[] {
  const f = (n: number) => n.toFixed(2);
  return [
    '### Discord: interaction to reply',
    '',
    'The real discord.js 14 client connected to the fake Discord of the end-to-end tests (`test/e2e/discord/`) on ' +
      `127.0.0.1, in one process. Each kind of interaction is sent ${method.interactions} times, one at a time, after ` +
      `${method.warmUp} untimed ones. "First response" is from the fake gateway writing INTERACTION_CREATE to the fake ` +
      'REST receiving the interaction callback: the time Discord gives a bot 3 seconds for. "Complete answer" is until ' +
      'the request carrying the whole answer arrived (for the image, the edit with the PNG, multipart). Milliseconds.',
    '',
    '| interaction | first response | first response p50 | p99 | complete answer p50 | p99 |',
    '|---|---|--:|--:|--:|--:|',
    ...results.map((r) =>
      `| ${r.kind}${r.pngBytes ? ` (${Math.round(r.pngBytes / 1024)} KB PNG)` : ''} | ${r.firstResponse} | ${f(percentile(r.firstMs, 50))} | ${f(percentile(r.firstMs, 99))} | ${f(percentile(r.answerMs, 50))} | ${f(percentile(r.answerMs, 99))}${r.pngBytes ? ' [^diagram-p99]' : ''} |`,
    ),
    '',
    DIAGRAM_P99_FOOTNOTE,
  ];
}
