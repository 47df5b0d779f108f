/**
 * Section f: autocomplete and `/explain`'s topic lookup, at any input length and any number of topics. Each
 * input goes through what the bot runs for it: Discord's autocomplete for `/ask`'s question and `/explain`'s
 * topic (`autocompleteChoices`, which reads a bounded prefix), and `TopicFinder.find` for `/explain <name>`.
 * Inputs: short prefixes as typed key by key, a topic name, a typo of one, a short question and a
 * 6,000-character paste. On the shipped knowledge and synthetic bases (see {@link LOOKUP_METHOD}). The bar
 * (issue 10 §4): under 5 ms p99 for any input.
 */
import { cpuUsage, hrtime } from 'node:process';
import { autocompleteChoices } from '../src/adapters/discord/autocomplete-choices.ts';
import type { CompletionContext } from '../src/core/index.ts';
import { KnowledgeBase, loadKnowledge } from '../src/knowledge/index.ts';
import { TopicFinder } from '../src/search/index.ts';
import { consume, microsSince, percentile } from './measure.ts';
import { generateTopics } from './synthetic-topics.ts';

/**
 * The shipped knowledge and synthetic bases of 500, 5,000 and 50,000 topics (`synthetic-topics.ts`, seed 42).
 * Autocomplete and lookup need no answer engine, so the 50,000-topic base costs only its generation and its
 * `TopicFinder` (about a minute together on a busy 2-CPU machine).
 */
export const LOOKUP_METHOD = { repetitions: 200, sizes: ['shipped', 500, 5_000, 50_000] as ReadonlyArray<'shipped' | number> } as const;

export interface LookupTiming {
  base: string;
  what: string;
  input: string;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU time, p99: the work itself, which a busy machine's run queue does not inflate as it does wall time. */
  cpuP99Ms: number;
}

/** A paste of about 6,000 characters: a long Docker question repeated. */
const PASTE = 'how do i make my docker image smaller when the build context is huge and npm install runs every time '.repeat(60);

const INPUTS: ReadonlyArray<[string, string]> = [
  ['"d", "do", "doc", "dock" (typed key by key)', 'd|do|doc|dock'],
  ['a name', 'volumes'],
  ['a typo of a name', 'volumse'],
  ['a short question', 'how do i shrink my image'],
  ['a 6,000-character paste', PASTE],
];

/** Wall time and CPU time (user and system, the whole process) of each call, in milliseconds. */
function sample(work: () => unknown, repetitions: number): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < 5; i++) consume(work());
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const cpuBefore = cpuUsage();
    const start = hrtime.bigint();
    consume(work());
    wall.push(microsSince(start) / 1_000);
    const used = cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1_000);
  }
  return { wall, cpu };
}

export async function benchmarkLookup(options = LOOKUP_METHOD, log: (line: string) => void = () => {}): Promise<LookupTiming[]> {
  const shipped = await loadKnowledge();
  const rows: LookupTiming[] = [];
  for (const size of options.sizes) {
    log(`lookup: ${size === 'shipped' ? 'shipped knowledge' : `${size.toLocaleString('en-US')} topics`}…`);
    const knowledge = size === 'shipped' ? shipped : new KnowledgeBase(generateTopics(size, shipped.topics));
    const started = hrtime.bigint();
    const topics = new TopicFinder(knowledge);
    // The registry is read only for command names, which these sources never ask for.
    const context: CompletionContext = { registry: undefined as never, services: { knowledge, topics }, now: new Date() };
    // The question index is built on the first `/ask` keystroke; built here, it is part of the build time.
    autocompleteChoices('question', 'a', context);
    log(`lookup: TopicFinder and question index built in ${(microsSince(started) / 1_000_000).toFixed(1)} s`);
    const base = size === 'shipped' ? `shipped (${knowledge.size} topics)` : `${size.toLocaleString('en-US')} synthetic topics`;
    for (const [label, input] of INPUTS) {
      // A different input each call for prefixes typed key by key; the caches then see what they would.
      const variants = input.split('|');
      let i = 0;
      const next = () => variants[i++ % variants.length]!;
      const cases: Array<[string, () => unknown]> = [
        ['`/ask` autocomplete', () => autocompleteChoices('question', next(), context)],
        ['`/explain` autocomplete', () => autocompleteChoices('topic', next(), context)],
        ['`/explain <name>` lookup', () => topics.find(next())],
      ];
      for (const [what, work] of cases) {
        const { wall, cpu } = sample(work, options.repetitions);
        rows.push({ base, what, input: label, p50Ms: percentile(wall, 50), p99Ms: percentile(wall, 99), maxMs: Math.max(...wall), cpuP99Ms: percentile(cpu, 99) });
      }
    }
  }
  return rows;
}

export function renderLookup(rows: readonly LookupTiming[], options = LOOKUP_METHOD): string[] {
  const f = (n: number) => n.toFixed(2);
  return [
    '### Autocomplete and topic lookup',
    '',
    `What the bot runs for Discord's autocomplete of \`/ask\`'s question and \`/explain\`'s topic (\`autocompleteChoices\`, which reads a bounded prefix of what was typed) and for \`/explain <name>\` (\`TopicFinder.find\`), ${options.repetitions} calls per input after 5 untimed ones (\`bench/lookup.ts\`). Milliseconds: wall time (p50, p99, max) and the process's CPU time (p99). The bar is 5 ms p99 for any input (issue 10 §4).`,
    '',
    '| knowledge | call | input | p50 | p99 | max | CPU p99 |',
    '|---|---|---|--:|--:|--:|--:|',
    ...rows.map((r) => `| ${r.base} | ${r.what} | ${r.input} | ${f(r.p50Ms)} | ${f(r.p99Ms)} | ${f(r.maxMs)} | ${f(r.cpuP99Ms)} |`),
  ];
}
