/** The bot (`src/main.ts`, as `npm start` runs it) in a process of its own, for the soak. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from '../test/e2e/discord/fake-discord.ts';

/** Shaped like a bot token (three dot-separated parts), but not one. */
const SOAK_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.GsOaKs.soak-token-for-the-benchmark-not-real-0123';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}
/** A line of `test/fixtures/report-loop-delay.ts`. */
export interface BotReport extends LoopDelay {
  rssBytes: number;
  heapUsedBytes: number;
  sinceFirst?: LoopDelay;
}

/** The bot in its own process, with what it logs and a way to ask it for its event-loop delay and memory. */
export function startBot(fake: FakeDiscord, folder: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--import', './test/fixtures/report-loop-delay.ts', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      DATABASE_PATH: join(folder, 'bot.db'),
      DISCORD_TOKEN: SOAK_TOKEN,
      DISCORD_APP_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Record<'warn' | 'error', string[]> = { warn: [], error: [] };
  const recent: string[] = [];
  const waiting: Array<(report: BotReport) => void> = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const report = /^loop-delay (\{.*\})$/.exec(line);
    if (report) return waiting.shift()?.(JSON.parse(report[1]!) as BotReport);
    recent.push(line);
    if (recent.length > 5) recent.shift();
    const level = /^\S+ (warn|error) /.exec(line)?.[1] as 'warn' | 'error' | undefined;
    if (level) lines[level].push(line.replace(/^\S+ \w+\s+/, ''));
  });
  // One report at a time: two signals sent close together can arrive as one.
  let previous: Promise<BotReport | undefined> = Promise.resolve(undefined);
  const report = (): Promise<BotReport | undefined> =>
    (previous = previous.then(() => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const next = new Promise<BotReport>((resolve) => waiting.push(resolve));
      child.kill('SIGUSR2');
      return Promise.race([next, sleep(30_000).then(() => undefined)]);
    }));
  return { process: child, report, logLines: (level: 'warn' | 'error') => lines[level], lastLines: () => [...recent] };
}
