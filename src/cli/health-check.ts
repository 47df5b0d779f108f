/**
 * The container image's HEALTHCHECK. With `HEALTH_PORT` set, it asks the bot's health endpoint
 * (`GET /health`, `src/health.ts`): exit 0 on 200, else 1 with one line giving the report. Without it, a
 * liveness check: exits 0 when a process running `dist/main.js` from the same working directory (the image's
 * `/app`) is alive and neither stopped nor a zombie, and 1 with one line otherwise (Linux's `/proc`); that cannot
 * tell whether Discord or Slack is connected or the store answers. See docs/deployment.md, "Health".
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { settingsOrExit } from './settings-or-exit.ts';

/** The bot's entry point as the image's CMD names it, relative to the working directory. */
const BOT_SCRIPT = 'dist/main.js';

/**
 * The state letters (`R`, `S`, `D`, `T`, `Z`, …; `man 5 proc`) of every node process with an argument `script`
 * and the working directory `cwd`. Processes that end while being read are left out.
 */
function processStates(script: string, cwd: string): string[] {
  const states: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // Node's own process, not tini's (whose arguments name the script too).
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!/(^|\/)node$/.test(args[0] ?? '') || !args.includes(script)) continue;
      if (readlinkSync(`/proc/${pid}/cwd`) !== cwd) continue;
      // `pid (comm) S …`: the state follows the last ')', since the command name may itself hold one.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      states.push(stat.charAt(stat.lastIndexOf(')') + 2));
    } catch {
      // The process ended while being read, or belongs to another user.
    }
  }
  return states;
}

/** How long the endpoint may take, in milliseconds: under the image's HEALTHCHECK timeout of 5 s. */
const ENDPOINT_TIMEOUT_MS = 4_000;

/** Asks the health endpoint; exits 1 with one line unless it answers 200. */
async function checkEndpoint(port: number, host: string): Promise<void> {
  // An endpoint listening on every address is reached on loopback.
  const address = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  try {
    const response = await fetch(`http://${address}:${port}/health`, { signal: AbortSignal.timeout(ENDPOINT_TIMEOUT_MS) });
    if (response.status === 200) return;
    console.error(`unhealthy: ${response.status} ${(await response.text()).slice(0, 500)}`);
  } catch (error) {
    console.error(`unhealthy: the health endpoint on ${address}:${port} did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  process.exit(1);
}

const { HEALTH_PORT: healthPort, HEALTH_HOST: healthHost } = settingsOrExit();
if (healthPort) {
  await checkEndpoint(healthPort, healthHost);
} else {
  const running = processStates(BOT_SCRIPT, process.cwd()).filter((state) => !'TtZX'.includes(state));
  if (running.length === 0) {
    console.error(`unhealthy: no running ${BOT_SCRIPT} in ${process.cwd()}`);
    process.exit(1);
  }
}
