/** Renders the hostile-input soak's results as Markdown. */
import { DISCORD_INTERACTION_WINDOW_MS } from '../test/e2e/discord/fake-discord.ts';
import type { LoopDelay } from './bot-process.ts';
import { percentile } from './measure.ts';
import { STALL_MS, type SoakResult } from './soak.ts';
import { SOAK_KINDS } from './soak-traffic.ts';

export function renderSoak(result: SoakResult): string[] {
  const { method } = result;
  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  const all = [...result.ackMs.values()].flat();
  const over = (samples: readonly number[], ms: number) => samples.filter((s) => s > ms).length;
  const row = (label: string, samples: readonly number[]) =>
    `| ${label} | ${samples.length} | ${f(percentile(samples, 50))} | ${f(percentile(samples, 99))} | ${f(percentile(samples, 100))} | ${over(samples, 1_000)} | ${over(samples, 3_000)} |`;
  const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 1024 / 1024)} MB`);
  const { memoryHalf: half, memoryEnd: end } = result;
  const growth = half && end ? (end.rssBytes / half.rssBytes - 1) * 100 : undefined;
  const loop = (l: LoopDelay | undefined) => (l ? `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms` : 'not reported');
  const title = (t: string) => result.titles.get(t) ?? 0;
  const list = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([line, n]) => `  - ${n} × \`${line.slice(0, 200)}\``);
  const p99 = percentile(all, 99);
  const { doublePresses: d } = result;
  return [
    '### Hostile-input soak',
    '',
    `The real bot (\`src/main.ts\`, SQLite in a temporary folder, the default per-person limits) in its own process; ` +
      `the fake Discord in the benchmark's process, refusing any callback later than ${DISCORD_INTERACTION_WINDOW_MS / 1000} s ` +
      `with 404 Unknown interaction (10062) as Discord does. ${result.sent.toLocaleString('en-US')} interactions from ` +
      `${method.users} simulated people (seed ${method.seed}) were sent at ${method.rate} a second on a fixed schedule ` +
      `(${(result.sent / result.sendingSeconds).toFixed(1)} a second achieved, over ${Math.round(result.sendingSeconds)} s), ` +
      'whatever the bot answered: normal commands (`/ask` with the knowledge base\'s questions, `/explain`, `/topics`, ' +
      '`/quiz` in both modes, `/review`, `/stats`, `/diagram`, `/help`, `/leaderboard`), every hostile input of ' +
      '`test/fixtures/hostile-inputs.ts` in every string option, typing into autocomplete, 6,000-character pastes into ' +
      'autocomplete, real buttons from earlier replies, forged and malformed button ids (and other people\'s flash ' +
      'cards), and groups of three to five people pressing the same answer of one public question at once, one of them ' +
      'twice (`bench/soak-traffic.ts`). Acknowledgement is from the fake writing INTERACTION_CREATE to the bot\'s first ' +
      'callback arriving, in milliseconds.',
    '',
    '| interactions | sent | ack p50 | p99 | max | over 1 s | over 3 s |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...SOAK_KINDS.map((kind) => row(kind, result.ackMs.get(kind) ?? [])),
    row('**all**', all),
    '',
    `- **Targets** (issue 9): acknowledgement p99 under 500 ms: ${p99 < 500 ? 'met' : '**missed**'} (${f(p99)} ms); none over 1 s: ` +
      `${over(all, 1_000) === 0 ? 'met' : `**missed** (${over(all, 1_000)})`}. Refused as past the window: ${result.late.length}. ` +
      `Never acknowledged: ${result.unanswered}.`,
    ...(result.slowAcksSentAt.length > 0
      ? [`- The acknowledgements over 1 s were for interactions sent between ${Math.min(...result.slowAcksSentAt).toFixed(1)} s and ${Math.max(...result.slowAcksSentAt).toFixed(1)} s into the run.`]
      : []),
    `- **Crashes**: ${result.crash === undefined ? '0' : `1: ${result.crash}`}.`,
    `- **The bot's event-loop delay** over the run (its own \`monitorEventLoopDelay\`): ${loop(result.botLoop)}. ` +
      `The benchmark's own (the fake and the sender, which time-stamp everything): ${loop(result.harnessLoop)}. ` +
      `Reports (every ${method.reportEveryMs / 1_000} s) in which the bot's loop was held over ${STALL_MS} ms: ` +
      `${result.stalls.length === 0 ? 'none' : result.stalls.map((s) => `${s.maxMs.toFixed(0)} ms in the one ending ${s.atSeconds.toFixed(0)} s in`).join(', ')}.`,
    `- **The bot's RSS**: ${mb(half?.rssBytes)} at the start of the second half, ${mb(end?.rssBytes)} at the end` +
      `${growth === undefined ? '' : ` (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%; target under 10%: ${growth < 10 ? 'met' : '**missed**'})`}; ` +
      `JavaScript heap in use ${mb(half?.heapUsedBytes)} and ${mb(end?.heapUsedBytes)} (not collected first).`,
    `- **Payload problems** the fake found (Discord's limits, pings, control characters): ${result.payloadProblems.length}` +
      `${result.payloadProblems.length > 0 ? `: ${[...new Set(result.payloadProblems)].slice(0, 5).join('; ')}` : ''}.`,
    `- **Other refusals** by the fake: ${result.refusals.size === 0 ? 'none' : [...result.refusals].map(([status, n]) => `${n} × ${status}`).join(', ')}.`,
    `- **Double presses** (one person pressing the same answer twice at once): ${d.pairs}; counted once ${d.countedOnce}, ` +
      `counted twice ${d.countedTwice}, refused by the per-person limit or otherwise answered ${d.limited}.`,
    `- **Answers**: ${title('Slow down a little')} "Slow down a little" (the per-person limits), ${title('That button is not valid')} ` +
      `"That button is not valid", ${title('That button has expired')} "That button has expired", ` +
      `${title("That card is someone else's")} "That card is someone else's", ${title('Busy right now')} "Busy right now", ` +
      `${title('Something went wrong')} "Something went wrong", ${title('I could not send that answer')} "I could not send that answer".`,
    `- **Acknowledged first, answered later** (\`/diagram\`, and anything not ready after 1.5 s): ${result.deferredAnswerMs.length}; ` +
      `complete answer p50 ${f(percentile(result.deferredAnswerMs, 50))} ms, p99 ${f(percentile(result.deferredAnswerMs, 99))} ms.`,
    `- **discord.js's own queue**: interaction callbacks bypass its global 50-a-second limit (\`@discordjs/rest\` sends them ` +
      'through its `BurstHandler`, which neither counts nor waits on it, as Discord exempts interaction endpoints from the ' +
      'global limit), so no queue wait is part of the acknowledgement times above. Edits and follow-ups do count: the bot ' +
      `logged ${result.globalRateLimitWaits} waits on the global limit.`,
    `- **The bot's log**: ${[...result.botWarnings.values()].reduce((a, b) => a + b, 0)} warnings, ${[...result.botErrors.values()].reduce((a, b) => a + b, 0)} errors` +
      `${result.botWarnings.size + result.botErrors.size > 0 ? ':' : '.'}`,
    ...list(result.botErrors),
    ...list(result.botWarnings),
    `- Load average (1, 5, 15 min) at the start: ${result.loadAverage.start.map((n) => n.toFixed(2)).join(', ')}; at the end: ` +
      `${result.loadAverage.end.map((n) => n.toFixed(2)).join(', ')}.`,
  ];
}
