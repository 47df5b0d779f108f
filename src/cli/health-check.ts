/**
 * The container image's HEALTHCHECK until the health endpoint (`HEALTH_PORT`) exists: exits 0 when a process
 * running `dist/main.js` from the same working directory (the image's `/app`) is alive and neither stopped nor a
 * zombie, and 1 with one line otherwise. Reads Linux's `/proc`. A liveness check only: it cannot tell whether
 * Discord or Slack is connected or the store answers; the health endpoint will. See docs/deployment.md.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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

const running = processStates(BOT_SCRIPT, process.cwd()).filter((state) => !'TtZX'.includes(state));
if (running.length === 0) {
  console.error(`unhealthy: no running ${BOT_SCRIPT} in ${process.cwd()}`);
  process.exit(1);
}
