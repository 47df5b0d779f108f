/**
 * The hostile-input soak: the real bot (`src/main.ts`, as `npm start` runs it, SQLite in a temporary folder) in a
 * process of its own, against the fake Discord in this process enforcing Discord's 3-second window, with a
 * seeded stream of mixed interactions (`soak-traffic.ts`) sent at a fixed rate whatever the bot answers (an open
 * loop, so a stall shows as latency rather than as a slower sender). Measures the acknowledgement time at the
 * fake, the bot's own event-loop delay and memory (reported by `test/fixtures/report-loop-delay.ts` on
 * SIGUSR2), crashes, and what the fake found wrong with the bot's payloads.
 *
 * `npm run bench -- --only soak` runs it alone (`--interactions`, `--rate` change the load).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { DISCORD_INTERACTION_WINDOW_MS, FakeDiscord, type LateCallback, type RecordedRequest } from '../test/e2e/discord/fake-discord.ts';
import type { Origin } from '../test/e2e/discord/interaction-payloads.ts';
import { startBot, type BotReport, type LoopDelay } from './bot-process.ts';
import { SOAK_KINDS, SoakTraffic, type PlannedInteraction, type SoakKind } from './soak-traffic.ts';

export interface SoakMethod {
  /** Interactions sent in all. */
  interactions: number;
  /** Interactions sent per second, on a fixed schedule. */
  rate: number;
  /** Simulated people sending them. */
  users: number;
  /** Seed of the traffic's choices. */
  seed: number;
  /** How long to wait for outstanding answers after the last interaction, in milliseconds. */
  graceMs: number;
  /** How often the bot is asked for its event-loop delay and RSS, in milliseconds. */
  reportEveryMs: number;
}

/**
 * 30 interactions a second stays below discord.js's own budget of 50 requests a second even if every interaction
 * cost two requests (a deferred reply and its edit); in fact `@discordjs/rest` keeps interaction callbacks out of
 * that budget, and only edits and follow-ups count.
 */
export const SOAK_METHOD: SoakMethod = { interactions: 10_000, rate: 30, users: 50, seed: 9, graceMs: 15_000, reportEveryMs: 10_000 };

/** A periodic report whose longest event-loop delay exceeds this is listed, with when it happened. */
export const STALL_MS = 250;

/** One interaction as the soak followed it. */
interface Sent {
  kind: SoakKind;
  origin: Origin;
  sentAt: bigint;
  /** The flags of the message a button was pressed on: an in-place answer keeps them. */
  pressedFlags: number;
  group?: PlannedInteraction['group'];
  ackAt?: bigint;
  ackStatus?: number;
  /** Callback type 5 or 6: the answer comes later, by webhook. */
  deferredFlags?: number;
  answeredAt?: bigint;
  title?: string;
}

export interface SoakResult {
  method: SoakMethod;
  sent: number;
  /** Seconds from the first interaction to the last. */
  sendingSeconds: number;
  /** Milliseconds from dispatch to the first callback, per kind. */
  ackMs: Map<SoakKind, number[]>;
  /** When the acknowledgements over 1 s were sent, in seconds since the first interaction. */
  slowAcksSentAt: number[];
  /** The bot's periodic reports whose longest event-loop delay was over `STALL_MS`, with their end in seconds since the first interaction. */
  stalls: Array<{ atSeconds: number; maxMs: number }>;
  /** Interactions that never got a callback. */
  unanswered: number;
  /** Callbacks the fake refused because the window had passed. */
  late: LateCallback[];
  /** Milliseconds from dispatch to the complete answer, for the interactions acknowledged first. */
  deferredAnswerMs: number[];
  botLoop: LoopDelay | undefined;
  harnessLoop: LoopDelay;
  /** The bot's memory when the second half began, and at the end. */
  memoryHalf: BotReport | undefined;
  memoryEnd: BotReport | undefined;
  /** How the bot process ended before it was asked to, if it did. */
  crash: string | undefined;
  payloadProblems: string[];
  /** Answers the fake gave other than 2xx, late callbacks included, by status. */
  refusals: Map<number, number>;
  /** The first answer's embed title, counted. */
  titles: Map<string, number>;
  doublePresses: { pairs: number; countedOnce: number; limited: number; countedTwice: number };
  /** `rate limit … (global)` lines in the bot's log: waits in discord.js's own 50-a-second queue. */
  globalRateLimitWaits: number;
  botWarnings: Map<string, number>;
  botErrors: Map<string, number>;
  loadAverage: { start: number[]; end: number[] };
}

export async function benchmarkSoak(method: SoakMethod, log: (line: string) => void): Promise<SoakResult> {
  const knowledge = await loadKnowledge();
  const folder = mkdtempSync(join(os.tmpdir(), 'stevedore-soak-'));
  const records = new Map<string, Sent>();
  const byToken = new Map<string, string>();
  const applicationId = '1000000000000000001';
  const questions = knowledge.topics.flatMap((t) => t.questions);
  const topicNames = knowledge.topics.flatMap((t) => [t.title, t.id]);
  const traffic = new SoakTraffic({ seed: method.seed, users: method.users, applicationId, questions, topicNames });
  const fake = await FakeDiscord.start({
    applicationId,
    interactionWindowMs: DISCORD_INTERACTION_WINDOW_MS,
    keepRequests: false,
    onRequest: (request) => follow(request),
  });

  /** Follows the bot's requests back to the interactions they answer, and feeds shown buttons to the traffic. */
  const follow = (request: RecordedRequest): void => {
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(request.path);
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(request.path);
    const id = callback?.[1] ?? (webhook ? byToken.get(webhook[1]!) : undefined);
    const sent = id === undefined ? undefined : records.get(id);
    if (!sent || !id) return;
    const body = (request.body ?? {}) as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    if (callback) {
      if (sent.ackAt !== undefined) return;
      sent.ackAt = request.receivedAt;
      sent.ackStatus = request.status;
      if (request.status >= 300) return;
      if (body.type === 5 || body.type === 6) sent.deferredFlags = body.type === 6 ? sent.pressedFlags : Number(body.data?.['flags'] ?? 0);
      else answered(sent, id, request, body.data ?? {}, body.type === 7 ? sent.pressedFlags : Number(body.data?.['flags'] ?? 0));
      return;
    }
    if (sent.answeredAt === undefined && request.status < 300 && (request.method === 'PATCH' || request.method === 'POST')) {
      answered(sent, id, request, body, request.method === 'POST' ? Number(body['flags'] ?? 0) : (sent.deferredFlags ?? 0));
    }
  };
  const answered = (sent: Sent, id: string, request: RecordedRequest, data: Record<string, unknown>, flags: number): void => {
    sent.answeredAt = request.receivedAt;
    sent.title = (data['embeds'] as Array<{ title?: string }> | undefined)?.[0]?.title;
    traffic.observe({ data, flags, owner: sent.origin, interactionId: id });
  };

  log(`soak: starting the bot (data in ${folder})…`);
  const bot = startBot(fake, folder);
  let stopping = false;
  let crash: string | undefined;
  bot.process.on('exit', (code, signal) => {
    if (!stopping) crash = `the bot process exited (code ${code}, signal ${signal}) after ${records.size} interactions; its last log lines: ${bot.lastLines().join(' | ')}`;
  });
  const exited = new Promise<void>((resolve) => bot.process.once('exit', () => resolve()));
  await Promise.race([fake.waitUntilConnected(), exited, sleep(120_000)]);
  if (!fake.connected) {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`The bot did not connect to the fake Discord: ${crash ?? 'no READY within 2 minutes'}`);
  }

  const harness = monitorEventLoopDelay({ resolution: 5 });
  const loadStart = os.loadavg();
  await bot.report();
  harness.enable();

  log(`soak: sending ${method.interactions} interactions at ${method.rate}/s from ${method.users} people…`);
  const startedAt = performance.now();
  let half: BotReport | undefined;
  let halfAsked = false;
  const stalls: SoakResult['stalls'] = [];
  /** Asks the bot for a report, noting a stall in it. */
  const report = () =>
    bot.report().then((r) => {
      if (r && r.max > STALL_MS) stalls.push({ atSeconds: (performance.now() - startedAt) / 1_000, maxMs: r.max });
      return r;
    });
  const periodic = setInterval(() => void report(), method.reportEveryMs);
  let sent = 0;
  while (sent < method.interactions && crash === undefined) {
    const wait = startedAt + (sent / method.rate) * 1_000 - performance.now();
    if (wait > 0) await sleep(wait);
    if (!halfAsked && sent >= method.interactions / 2) {
      halfAsked = true;
      void report().then((r) => (half = r));
      log(`soak: half way (${sent} sent)…`);
    }
    for (const planned of traffic.next().slice(0, method.interactions - sent)) {
      const { payload } = planned;
      const id = String(payload['id']);
      const pressed = payload['message'] as { flags?: number } | undefined;
      records.set(id, { kind: planned.kind, origin: planned.origin, pressedFlags: pressed?.flags ?? 0, ...(planned.group ? { group: planned.group } : {}), sentAt: 0n });
      byToken.set(String(payload['token']), id);
      if (!fake.connected) break;
      records.get(id)!.sentAt = fake.dispatch('INTERACTION_CREATE', payload);
      sent++;
    }
  }
  const sendingSeconds = (performance.now() - startedAt) / 1_000;
  clearInterval(periodic);

  log('soak: waiting for the last answers…');
  const pending = () => [...records.values()].filter((r) => r.sentAt > 0n && (r.ackAt === undefined || (r.deferredFlags !== undefined && r.answeredAt === undefined)));
  for (const giveUpAt = performance.now() + method.graceMs; pending().length > 0 && performance.now() < giveUpAt && crash === undefined; ) await sleep(100);
  harness.disable();
  const end = crash === undefined ? await report() : undefined;
  const loadEnd = os.loadavg();
  // Read before the bot is stopped: discord.js reports its own clean disconnection as "reconnecting".
  const warnings = [...bot.logLines('warn')];
  const errors = [...bot.logLines('error')];

  stopping = true;
  bot.process.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (bot.process.exitCode === null && bot.process.signalCode === null) bot.process.kill('SIGKILL');
  await fake.close();
  rmSync(folder, { recursive: true, force: true });

  const dispatched = [...records.values()].filter((r) => r.sentAt > 0n);
  const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
  const firstSentAt = dispatched[0]?.sentAt ?? 0n;
  const ackMs = new Map(SOAK_KINDS.map((kind) => [kind, dispatched.filter((r) => r.kind === kind && r.ackAt !== undefined).map((r) => ms(r.sentAt, r.ackAt!))]));
  const titles = countBy(dispatched.flatMap((r) => (r.title ? [r.title] : [])));
  const loopOf = (h: typeof harness): LoopDelay => ({ p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 });
  return {
    method,
    sent,
    sendingSeconds,
    ackMs,
    slowAcksSentAt: dispatched.filter((r) => r.ackAt !== undefined && ms(r.sentAt, r.ackAt) > 1_000).map((r) => ms(firstSentAt, r.sentAt) / 1_000),
    stalls,
    unanswered: dispatched.filter((r) => r.ackAt === undefined).length,
    late: fake.lateCallbacks,
    deferredAnswerMs: dispatched.filter((r) => r.deferredFlags !== undefined && r.answeredAt !== undefined).map((r) => ms(r.sentAt, r.answeredAt!)),
    botLoop: end?.sinceFirst,
    harnessLoop: loopOf(harness),
    memoryHalf: half,
    memoryEnd: end,
    crash,
    payloadProblems: fake.payloadProblems,
    refusals: countBy(dispatched.flatMap((r) => (r.ackStatus !== undefined && r.ackStatus >= 300 ? [r.ackStatus] : []))),
    titles,
    doublePresses: checkDoublePresses(dispatched),
    globalRateLimitWaits: warnings.filter((line) => /rate limit on .*\(global\)/.test(line)).length,
    botWarnings: countBy(warnings.map(pattern)),
    botErrors: countBy(errors.map(pattern)),
    loadAverage: { start: loadStart, end: loadEnd },
  };
}

/**
 * One person pressing the same answer twice at once must be counted once: one press gets the feedback, the other
 * "You have answered this one" (both get the latter when they had answered before).
 */
function checkDoublePresses(records: readonly Sent[]): SoakResult['doublePresses'] {
  const feedback = new Set(['Correct!', 'Not quite']);
  const result = { pairs: 0, countedOnce: 0, limited: 0, countedTwice: 0 };
  for (const repeat of records.filter((r) => r.group?.repeat)) {
    const first = records.find((r) => r.group?.id === repeat.group!.id && !r.group.repeat && r.origin.user.id === repeat.origin.user.id);
    if (!first) continue;
    result.pairs++;
    const titles = [first.title, repeat.title];
    if (titles.every((t) => t !== undefined && feedback.has(t))) result.countedTwice++;
    else if (titles.some((t) => t === undefined || !/^(Correct!|Not quite|You have answered this one)$/.test(t))) result.limited++;
    else result.countedOnce++;
  }
  return result;
}

/** A log line with its numbers and ids blanked, so lines that differ only in them count as one. */
const pattern = (line: string): string => line.replace(/\d+(\.\d+)?/g, 'N').replace(/\/[A-Za-z0-9_-]{20,}/g, '/…');

function countBy<T>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

