/**
 * Section "daily": claim-and-dispatch of N channels due in the same minute. Real bot processes (`src/main.ts`, as
 * `npm start` runs them) post against the fake Discord with Discord's rate limits enforced (50 requests a second
 * per bot, per-channel buckets; `test/e2e/discord/fake-rate-limits.ts`): on SQLite, on PostgreSQL, and two
 * processes sharing PostgreSQL and one REST proxy (`npm run discord-proxy`). The fake runs in this process and
 * records when each message was created.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { saveDailySchedule } from '../src/daily/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { FakeDiscord } from '../test/e2e/discord/fake-discord.ts';
import { freePort } from '../test/fixtures/free-port.ts';
import { launchScript, stderrShows, type Run } from '../test/fixtures/launch-script.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.GbEnCh.daily-bench-token-not-a-real-one-0123';
/** Discord's global limit, which the fake enforces. */
export const GLOBAL_LIMIT_PER_SECOND = 50;

export interface DailyBenchMethod {
  channels: number;
  /** The bots' DAILY_TICK_SECONDS: how soon they notice the work. */
  tickSeconds: number;
  /** How long one configuration may take before it is stopped and reported as far as it got. */
  budgetMs: number;
}

export const DAILY_METHOD: DailyBenchMethod = { channels: 10_000, tickSeconds: 1, budgetMs: 15 * 60_000 };

export interface DailyBenchResult {
  name: string;
  processes: number;
  channels: number;
  posted: number;
  /** From the moment every schedule became due to the last message created, in milliseconds. */
  totalMs: number;
  /** From the first message created to the last: the steady rate's window. */
  spanMs: number;
  /** Messages created per second over `spanMs`. */
  rate: number;
  duplicates: number;
  nonceReplays: number;
  global429: number;
  route429: number;
  /** CPU time the bot processes (and the proxy) used from "all due" to the last post, per post, in milliseconds (Linux's /proc). */
  botCpuMsPerPost?: number;
  /** The same for this process, where the fake Discord runs. */
  fakeCpuMsPerPost: number;
  note?: string;
}

/** User + system CPU time of a process so far, in milliseconds, from /proc (undefined where there is none). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the state; in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Runs the three configurations (PostgreSQL ones only when `databaseUrl` answers). */
export async function benchmarkDaily(method: DailyBenchMethod, databaseUrl: string | undefined, log: (line: string) => void): Promise<DailyBenchResult[]> {
  const results: DailyBenchResult[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-bench-daily-'));
  try {
    log(`daily: SQLite, one process, ${method.channels} channels…`);
    results.push(await runConfiguration('SQLite, 1 process', { DATABASE_PATH: join(folder, 'bench.db') }, 1, false, method, log));
    const admin = databaseUrl ? new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 }) : undefined;
    const postgres = admin ? await admin.connect().then(() => true, () => false) : false;
    if (!postgres || !admin || !databaseUrl) {
      log('daily: no PostgreSQL answered; the PostgreSQL configurations are left out');
      return results;
    }
    try {
      for (const [name, processes, proxy] of [
        ['PostgreSQL, 1 process', 1, false],
        ['PostgreSQL, 2 processes, one REST proxy', 2, true],
      ] as const) {
        const schema = `stevedore_bench_${randomBytes(6).toString('hex')}`;
        await admin.query(`CREATE SCHEMA ${schema}`);
        try {
          const scoped = new URL(databaseUrl);
          scoped.searchParams.set('options', `-c search_path=${schema}`);
          log(`daily: ${name}, ${method.channels} channels…`);
          results.push(await runConfiguration(name, { DATABASE_URL: scoped.toString() }, processes, proxy, method, log));
        } finally {
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        }
      }
    } finally {
      await admin.end();
    }
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function runConfiguration(
  name: string,
  database: Record<string, string>,
  processes: number,
  proxy: boolean,
  method: DailyBenchMethod,
  log: (line: string) => void,
): Promise<DailyBenchResult> {
  const createdAt: number[] = [];
  const fake = await FakeDiscord.start({ rateLimits: {}, keepRequests: false });
  const store = await openStore(database);
  const runs: Run[] = [];
  try {
    await saveSchedules(store, method.channels);
    let apiUrl = fake.apiUrl;
    if (proxy) {
      const port = await freePort();
      const run = launchScript(join(ROOT, 'src/cli/discord-rest-proxy.ts'), [], { DISCORD_PROXY_PORT: String(port), DISCORD_PROXY_UPSTREAM: fake.apiUrl, LOG_FORMAT: 'pretty' });
      runs.push(run);
      await stderrShows(run, /Discord REST proxy on/);
      apiUrl = `http://127.0.0.1:${port}/api`;
    }
    for (let i = 0; i < processes; i++) {
      const run = launchScript(join(ROOT, 'src/main.ts'), [], {
        ...database,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: fake.applicationId,
        DISCORD_API_URL: apiUrl,
        DAILY_TICK_SECONDS: String(method.tickSeconds),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'pretty',
      });
      runs.push(run);
    }
    await Promise.all(runs.slice(proxy ? 1 : 0).map((run) => stderrShows(run, /connected to Discord as/)));

    // Every schedule due at one instant, a minute ago: the clock reaching their shared time.
    const startedAt = Date.now();
    const due = new Date(startedAt - 60_000);
    due.setUTCSeconds(0, 0);
    await makeDue(database, due);
    const cpuAtStart = runs.map((run) => cpuMsOf(run.child.pid));
    const fakeCpuAtStart = process.cpuUsage();
    const seen = new Set<string>();
    const track = () => {
      for (const message of fake.channelMessages.values()) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        createdAt.push(message.createdAt);
      }
    };
    let note: string | undefined;
    while (fake.channelMessages.size < method.channels) {
      track();
      if (Date.now() - startedAt > method.budgetMs) {
        note = `stopped after ${Math.round(method.budgetMs / 60_000)} minutes with ${fake.channelMessages.size} of ${method.channels} posted`;
        break;
      }
      if (runs.some((run) => run.child.exitCode !== null)) {
        note = `a process ended: ${runs.find((run) => run.child.exitCode !== null)!.output.stderr.split('\n').slice(-5).join(' | ')}`;
        break;
      }
      await sleep(250);
    }
    track();
    const cpuAtEnd = runs.map((run) => cpuMsOf(run.child.pid));
    const fakeCpu = process.cpuUsage(fakeCpuAtStart);
    const botCpuMs = cpuAtEnd.every((v, i) => v !== undefined && cpuAtStart[i] !== undefined)
      ? cpuAtEnd.reduce((sum, v, i) => sum! + v! - cpuAtStart[i]!, 0)
      : undefined;
    createdAt.sort((a, b) => a - b);
    const first = createdAt[0] ?? startedAt;
    const last = createdAt.at(-1) ?? startedAt;
    const channels = new Set([...fake.channelMessages.values()].map((m) => m.channelId));
    const spanMs = Math.max(1, last - first);
    log(`daily: ${name}: ${fake.channelMessages.size} posted in ${((last - startedAt) / 1000).toFixed(1)} s`);
    return {
      name,
      processes,
      channels: method.channels,
      posted: channels.size,
      totalMs: last - startedAt,
      spanMs,
      rate: createdAt.length > 1 ? ((createdAt.length - 1) * 1000) / spanMs : 0,
      duplicates: fake.channelMessages.size - channels.size,
      nonceReplays: fake.nonceReplays,
      global429: fake.rateLimits!.counts.global429,
      route429: fake.rateLimits!.counts.route429,
      ...(botCpuMs !== undefined && channels.size > 0 ? { botCpuMsPerPost: botCpuMs / channels.size } : {}),
      fakeCpuMsPerPost: channels.size > 0 ? (fakeCpu.user + fakeCpu.system) / 1000 / channels.size : 0,
      ...(note ? { note } : {}),
    };
  } finally {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGTERM');
    await Promise.all(runs.map((run) => Promise.race([run.exit, sleep(20_000).then(() => run.child.kill('SIGKILL'))])));
    await store.close();
    await fake.close();
  }
}

/** N schedules whose next post is tomorrow, saved 50 at a time. */
async function saveSchedules(store: Store, count: number): Promise<void> {
  const now = new Date();
  const time = `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
  for (let first = 0; first < count; first += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - first) }, (_, k) =>
        saveDailySchedule(
          store,
          { platform: 'discord', channelId: String(1_800_000_000_000_000_000n + BigInt(first + k)), serverId: '1', time, timeZone: 'UTC', weekdays: [], topics: [], revealAfterMinutes: 720, setBy: 'discord:1' },
          now,
        ),
      ),
    );
  }
}

/** Makes every schedule due at `due`, in one statement. */
async function makeDue(database: Record<string, string>, due: Date): Promise<void> {
  const date = due.toISOString().slice(0, 10);
  if (database['DATABASE_URL']) {
    const client = new pg.Client({ connectionString: database['DATABASE_URL'] });
    await client.connect();
    try {
      await client.query('UPDATE daily_schedules SET next_due_at = $1, next_local_date = $2', [due.getTime(), date]);
    } finally {
      await client.end();
    }
    return;
  }
  // SQLite: a connection of its own beside the store's and the bots' (WAL), waiting its turn for the write lock.
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(database['DATABASE_PATH']!, { timeout: 10_000 });
  try {
    db.prepare('UPDATE daily_schedules SET next_due_at = ?, next_local_date = ?').run(due.getTime(), date);
  } finally {
    db.close();
  }
}

export function renderDaily(results: readonly DailyBenchResult[], method: DailyBenchMethod): string[] {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return [
    '### Daily posts: claim and dispatch',
    '',
    `${method.channels.toLocaleString('en-US')} channels due in the same minute, posted by real bot processes (\`src/main.ts\`, ` +
      `DAILY_TICK_SECONDS=${method.tickSeconds}) through discord.js against the fake Discord enforcing ${GLOBAL_LIMIT_PER_SECOND} requests a second per bot ` +
      'and per-channel buckets. Total: from the moment all became due to the last message created; rate: messages ' +
      `created per second from the first to the last, and as a fraction of ${GLOBAL_LIMIT_PER_SECOND}/s. Duplicates: messages beyond one per channel.`,
    '',
    '| configuration | posted | total (s) | rate (/s) | of the limit | duplicates | nonce replays | 429s (global / route) | bot CPU per post (ms) | fake CPU per post (ms) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.posted.toLocaleString('en-US')} | ${seconds(r.totalMs)} | ${r.rate.toFixed(1)} | ${((r.rate / GLOBAL_LIMIT_PER_SECOND) * 100).toFixed(0)}% | ${r.duplicates} | ${r.nonceReplays} | ${r.global429} / ${r.route429} | ${r.botCpuMsPerPost?.toFixed(1) ?? '–'} | ${r.fakeCpuMsPerPost.toFixed(1)} |`,
    ),
    '',
    'CPU per post: user and system time of the bot processes (and the proxy) from "all due" to the last post, over the ' +
      `posts (Linux's /proc); of the benchmark's own process, which runs the fake Discord. With both CPUs free, 1,000 ms ` +
      'of CPU a second divided by the bot CPU per post is the rate the bot could sustain if the rate limit did not bind.',
    '',
    ...results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}.`),
  ];
}
