/**
 * The health report and where it is served: `GET /health` on `HEALTH_PORT` (node:http) and, in Slack's HTTP
 * mode, as a Bolt custom route on Slack's port. One handler for both. See docs/deployment.md, "Health".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A platform's state: serving; stopped by a shutdown; or stopped for good because its token stopped working. */
export type PlatformHealth = 'connected' | 'stopped' | 'token-revoked';

/** The platforms the process was started with. */
export type PlatformName = 'discord' | 'slack';

/** What the report is built from; each is read when a request comes. */
export interface HealthSources {
  /** A cheap read from the store; rejects when the store does not answer. */
  probeStore(): Promise<unknown>;
  /** The state of each platform this process was started with. */
  platforms(): Partial<Record<PlatformName, PlatformHealth>>;
  /** The daily-post scheduler's signs of life, or absent when no scheduler runs (undefined until it starts). */
  scheduler?: () => SchedulerActivity | undefined;
  /**
   * The clock the scheduler's age is measured with.
   *
   * @defaultValue the system clock
   */
  now?: () => Date;
}

/** What the health report reads from the daily-post scheduler. */
export interface SchedulerActivity {
  /** When its last tick finished; undefined before the first. */
  lastTick: Date | undefined;
  /** When it last made progress: started, claimed, finished a send, or finished a tick. */
  lastProgress: Date;
  /** Milliseconds without progress after which it counts as stuck (`DailyScheduler.staleAfterMs`). */
  staleAfterMs: number;
}

/** The JSON body of `GET /health`. */
export interface HealthReport {
  /** `ok` when the store answered, every platform is connected and the scheduler (if any) is not stale; `unhealthy` otherwise. */
  status: 'ok' | 'unhealthy';
  /** `ok`, or `unavailable` when the probe failed or took longer than the timeout. */
  store: 'ok' | 'unavailable';
  platforms: Partial<Record<PlatformName, PlatformHealth>>;
  /**
   * Present when a scheduler runs: the end of its last tick (ISO 8601), null before the first; and `stale` when it
   * has made no progress (no tick, no claim, no send finished) for `staleAfterMs`, which makes the report 503.
   */
  scheduler?: { lastTick: string | null; stale: boolean };
}

/** The health port cannot be listened on (taken, or not allowed): one line for the person starting the bot. */
export class HealthStartError extends Error {
  override name = 'HealthStartError';
}

/** The path the report is served on. */
export const HEALTH_PATH = '/health';

/** How long the store probe may take before the store counts as unavailable, in milliseconds. */
const STORE_PROBE_TIMEOUT_MS = 2_000;

/**
 * Builds the report and its HTTP status: 200 when `status` is `ok`, 503 otherwise. Never throws. The scheduler
 * is judged by progress rather than by finished ticks, because one tick of a large fan-out (10,000 posts at
 * Discord's 50 requests/s) lasts minutes while its batches keep finishing.
 */
export async function checkHealth(sources: HealthSources, probeTimeoutMs = STORE_PROBE_TIMEOUT_MS): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(resolve, probeTimeoutMs, false)));
  const storeAnswered = await Promise.race([
    Promise.resolve()
      .then(() => sources.probeStore())
      .then(
        () => true,
        () => false,
      ),
    timedOut,
  ]);
  clearTimeout(timer);
  const platforms = sources.platforms();
  const activity = sources.scheduler?.();
  const now = (sources.now ?? (() => new Date()))();
  const stale = activity !== undefined && now.getTime() - activity.lastProgress.getTime() > activity.staleAfterMs;
  const healthy = storeAnswered && !stale && Object.keys(platforms).length > 0 && Object.values(platforms).every((state) => state === 'connected');
  const report: HealthReport = { status: healthy ? 'ok' : 'unhealthy', store: storeAnswered ? 'ok' : 'unavailable', platforms };
  if (activity) report.scheduler = { lastTick: activity.lastTick?.toISOString() ?? null, stale };
  return { httpStatus: healthy ? 200 : 503, report };
}

/** Answers one request with the report as JSON (`Cache-Control: no-store`). For node:http and Bolt's custom routes alike. */
export function answerHealth(sources: HealthSources): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    void checkHealth(sources).then(({ httpStatus, report }) => {
      response.writeHead(httpStatus, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(report));
    });
  };
}

/**
 * Serves `GET /health` on `host`:`port` (0 picks a free port); any other path gets 404 and any other method 405.
 * Resolves once listening, with the server and its port; rejects with `HealthStartError` when it cannot listen.
 */
export async function serveHealth(sources: HealthSources, port: number, host: string): Promise<{ server: Server; port: number }> {
  const answer = answerHealth(sources);
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://health').pathname !== HEALTH_PATH) {
      response.writeHead(404).end();
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    } else {
      answer(request, response);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new HealthStartError(`The health endpoint cannot listen on ${host}:${port} (${error.code ?? error.message}): choose another HEALTH_PORT or HEALTH_HOST.`)));
    server.listen(port, host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
