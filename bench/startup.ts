/**
 * Section: start-up. How long `npm start` takes to show the console chat's first prompt (no platform tokens,
 * SQLite), and a one-shot `npm run -s ask -- "what is an image"` to print its answer and exit, each started as a
 * user starts it (npm, then its script in package.json: `node scripts/launch.mjs`, which runs the compiled dist/,
 * or `node --import tsx` in a checkout from before the launcher), with the knowledge cache warm (as after a first
 * start) and turned off (`CACHE_DIR=off`: YAML parsed and validated on every start). The variants are interleaved
 * run by run, so a burst of load elsewhere falls on all of them; each run records the load average it started at.
 *
 * A probe (`bench/startup-probe.ts`, one fresh process per reading) breaks one start into its phases.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './measure.ts';

export const STARTUP_METHOD = { runs: 10, timeoutMs: 60_000 } as const;

/** One way of starting, timed from spawning npm to its first prompt (console) or its exit (ask). */
interface Variant {
  name: string;
  /** The checkout it runs in. */
  root: string;
  args: string[];
  env: Record<string, string>;
  /** `prompt`: until the console's `› ` prompt is on stdout; `exit`: until the process has ended. */
  until: 'prompt' | 'exit';
}

export interface StartupTiming {
  name: string;
  runs: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
  /**
   * CPU time (user + system) of npm and every process under it, for the whole run (the console's until it has
   * exited after `exit`), median: less sensitive to other work on the machine than wall time. Undefined without
   * GNU time (`/usr/bin/time`).
   */
  cpuMedianMs: number | undefined;
  /** The one-minute load average when each run started: the lowest and highest. */
  loadMin: number;
  loadMax: number;
}

export interface StartupPhases {
  /** Each phase of one start, in milliseconds, the median over fresh processes. */
  phases: Array<{ phase: string; ms: number }>;
  /** Loading the cached topics alone, and parsing them from the files, each the median over fresh processes. */
  cachedKnowledgeMs: number;
  parsedKnowledgeMs: number;
  topics: number;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** GNU time reports the CPU time of a command and everything it waited for; `%U %S` in seconds, on its last line. */
const GNU_TIME = '/usr/bin/time';

/** Spawns one variant and resolves the milliseconds until its first prompt or its exit, and the CPU time it used. */
function timeOnce(variant: Variant, root: string, env: Record<string, string>, timeoutMs: number): Promise<{ ms: number; cpuMs: number | undefined }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const timed = existsSync(GNU_TIME);
    const [file, args] = timed ? [GNU_TIME, ['-f', 'cpu %U %S', 'npm', ...variant.args]] : ['npm', variant.args];
    const child = spawn(file, args, { cwd: root, env: { ...process.env, ...env, ...variant.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let prompted: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (variant.until === 'prompt' && prompted === undefined && stdout.includes('› ')) {
        prompted = elapsed();
        child.stdin.end('exit\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (variant.until === 'exit') child.stdin.end();
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = variant.until === 'prompt' ? prompted : elapsed();
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      if (code !== 0 || ms === undefined) reject(new Error(`${variant.name} failed (exit ${String(code)}):\n${stdout}\n${stderr}`));
      else resolve({ ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined });
    });
  });
}

/** The variants, each timed `runs` times after one untimed run that builds dist/ (or warms tsx's cache) and the knowledge's. */
export async function benchmarkStartup(
  options: { runs: number; timeoutMs: number; roots?: ReadonlyArray<{ label: string; dir: string }> } = STARTUP_METHOD,
  log: (line: string) => void = () => undefined,
): Promise<StartupTiming[]> {
  const roots = options.roots ?? [{ label: '', dir: ROOT }];
  const scratch = mkdtempSync(join(tmpdir(), 'stevedore-startup-bench-'));
  const env = { DATABASE_PATH: join(scratch, 'stevedore.db'), DISCORD_TOKEN: '', DISCORD_APP_ID: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DATABASE_URL: '', NO_COLOR: '1' };
  const ask = ['run', '-s', 'ask', '--', 'what is an image'];
  const variants: Variant[] = roots.flatMap(({ label, dir: root }): Variant[] => [
    { name: `${label}\`npm start\`: first prompt of the console chat, cache warm`, root, args: ['start'], env: {}, until: 'prompt' },
    { name: `${label}\`npm start\`: first prompt, cache off (\`CACHE_DIR=off\`)`, root, args: ['start'], env: { CACHE_DIR: 'off' }, until: 'prompt' },
    { name: `${label}\`npm run -s ask -- "what is an image"\`: answer printed, exited, cache warm`, root, args: ask, env: {}, until: 'exit' },
    { name: `${label}\`npm run -s ask -- "what is an image"\`, cache off`, root, args: ask, env: { CACHE_DIR: 'off' }, until: 'exit' },
  ]);
  const samples = variants.map(() => ({ ms: [] as number[], cpu: [] as number[], load: [] as number[] }));
  try {
    for (const variant of variants) await timeOnce(variant, variant.root, env, options.timeoutMs);
    for (let run = 0; run < options.runs; run++) {
      log(`start-up: run ${run + 1} of ${options.runs} (load ${loadavg()[0]!.toFixed(2)})`);
      for (const [i, variant] of variants.entries()) {
        samples[i]!.load.push(loadavg()[0]!);
        const { ms, cpuMs } = await timeOnce(variant, variant.root, env, options.timeoutMs);
        samples[i]!.ms.push(ms);
        if (cpuMs !== undefined) samples[i]!.cpu.push(cpuMs);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return variants.map((variant, i) => {
    const { ms, cpu, load } = samples[i]!;
    return {
      name: variant.name,
      runs: ms.length,
      minMs: Math.min(...ms),
      medianMs: median(ms),
      maxMs: percentile(ms, 100),
      cpuMedianMs: cpu.length > 0 ? median(cpu) : undefined,
      loadMin: Math.min(...load),
      loadMax: Math.max(...load),
    };
  });
}

/** Runs `bench/startup-probe.ts` in `runs` fresh processes per mode and takes the median of each figure. */
export async function benchmarkStartupPhases(runs = 7): Promise<StartupPhases> {
  const probe = async (mode: string): Promise<Record<string, number>> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/startup-probe.ts', mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`probe ${mode} failed: ${out}`))));
    });
  await probe('warm');
  const readings: Record<string, Array<Record<string, number>>> = { phases: [], cached: [], parsed: [] };
  for (let run = 0; run < runs; run++) for (const mode of Object.keys(readings)) readings[mode]!.push(await probe(mode));
  const medianOf = (mode: string, key: string) => median(readings[mode]!.map((r) => r[key]!));
  const phaseNames = Object.keys(readings['phases']![0]!).filter((k) => k !== 'topics');
  return {
    phases: phaseNames.map((phase) => ({ phase, ms: medianOf('phases', phase) })),
    cachedKnowledgeMs: medianOf('cached', 'ms'),
    parsedKnowledgeMs: medianOf('parsed', 'ms'),
    topics: readings['cached']![0]!['topics']!,
  };
}

const fixed = (ms: number) => ms.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const oneDecimal = (ms: number) => ms.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function renderStartup(timings: readonly StartupTiming[], phases: StartupPhases, method: { runs: number }): string[] {
  return [
    '### Start-up',
    '',
    `Each command started as a user starts it, from npm, ${method.runs} times after one untimed run, the four interleaved run by run; a fresh SQLite file, no platform tokens. "Cache warm" is every start after the first (\`CACHE_DIR\`'s parsed knowledge and answer engine index are current); "cache off" parses the YAML and builds the index on every start. Milliseconds, from spawning npm to the console's first prompt, or to \`ask\` having printed its answer and exited. The CPU column is the user and system time of npm and every process under it (GNU time), for the whole run: the console's includes answering \`exit\` and closing the store. The load column is the one-minute load average on the machine's 2 CPUs as the runs started.`,
    '',
    '| start | min (ms) | median (ms) | max (ms) | CPU, median (ms) | load average |',
    '|---|--:|--:|--:|--:|--:|',
    ...timings.map((t) => `| ${t.name} | ${fixed(t.minMs)} | ${fixed(t.medianMs)} | ${fixed(t.maxMs)} | ${t.cpuMedianMs === undefined ? '–' : fixed(t.cpuMedianMs)} | ${t.loadMin.toFixed(1)}–${t.loadMax.toFixed(1)} |`),
    '',
    `Where one start's time goes (\`bench/startup-probe.ts\`, the TypeScript through \`node --import tsx\` without npm, so its first phase is tsx's, which \`npm start\` no longer pays; cache warm; the median of fresh processes, in milliseconds; npm itself adds about 0.2 s before node starts):`,
    '',
    '| phase | ms |',
    '|---|--:|',
    ...phases.phases.map((p) => `| ${p.phase} | ${oneDecimal(p.ms)} |`),
    '',
    `Loading the ${phases.topics} topics from the cache takes ${oneDecimal(phases.cachedKnowledgeMs)} ms (reading and hashing the topic files, reading and checking the JSON); parsing and validating them from the files takes ${fixed(phases.parsedKnowledgeMs)} ms (each in a fresh process, modules already imported).`,
  ];
}

// Run on its own (`node --import tsx bench/startup.ts [--runs N] [--root DIR]…`): other checkouts too, interleaved with each
// other run by run, for a fair before and after (a checkout from before CACHE_DIR ignores it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--root' ? [arg] : []));
  const roots = dirs.map((dir) => ({ label: `${dir}: `, dir }));
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : STARTUP_METHOD.runs;
  const timings = await benchmarkStartup({ ...STARTUP_METHOD, runs, ...(roots.length > 0 ? { roots } : {}) }, (line) => process.stderr.write(`${line}\n`));
  for (const t of timings) {
    const cpu = t.cpuMedianMs === undefined ? '' : `, CPU median ${fixed(t.cpuMedianMs)} ms`;
    process.stdout.write(`${t.name}: min ${fixed(t.minMs)} ms, median ${fixed(t.medianMs)} ms, max ${fixed(t.maxMs)} ms${cpu}, load ${t.loadMin.toFixed(1)}–${t.loadMax.toFixed(1)}\n`);
  }
}
