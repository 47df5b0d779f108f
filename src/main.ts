/**
 * `npm start`: loads the settings and the knowledge, then starts the front ends that are configured: Discord
 * when DISCORD_TOKEN and DISCORD_APP_ID are set, Slack when SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode)
 * or SLACK_SIGNING_SECRET (HTTP mode) are set, both in one process when both are; otherwise the console chat,
 * or, with STEVEDORE_NO_CONSOLE=1 (the container image), one line and exit code 1.
 */
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { runConsole } from './adapters/console/run-console.ts';
import { DiscordStartError } from './adapters/discord/discord-start-error.ts';
import { SlackStartError } from './adapters/slack/slack-start-error.ts';
import { createApp, type App } from './app.ts';
import { discordSettings, loadConfig, secretsOf, slackSettings, type DiscordSettings, type SlackSettings } from './config.ts';
import { FlagInventoryLoadError } from './explain/index.ts';
import { KnowledgeLoadError } from './knowledge/index.ts';
import { answerHealth, HEALTH_PATH, HealthStartError, serveHealth, type HealthSources, type PlatformHealth, type PlatformName, type SchedulerActivity } from './health.ts';
import type { DailyScheduler } from './daily/index.ts';
import type { Logger, LogLevel } from './logger.ts';
import { SchemaTooNewError, StoreBusyError, StoreOpenError } from './store/index.ts';

/** The one line a start with no platform ends with where the console chat is off (the container image). */
const NO_PLATFORM_MESSAGE =
  'No chat platform is configured and the console chat is off (STEVEDORE_NO_CONSOLE=1): set DISCORD_TOKEN and DISCORD_APP_ID, or SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET. See docs/deployment.md.';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const discord = discordSettings(loaded.config);
const slack = slackSettings(loaded.config);

for (const notice of loaded.notices) console.error(notice);
if (!discord && !slack && loaded.config.STEVEDORE_NO_CONSOLE === '1') {
  console.error(NO_PLATFORM_MESSAGE);
  process.exit(1);
}

try {
  const app = await createApp(loaded.config);
  if (discord || slack) {
    // The logger (pino) serves the chat platforms; the console chat writes to the terminal and does not load it.
    const { createLogger } = await import('./logger.ts');
    const logger = createLogger({ level: loaded.config.LOG_LEVEL, ...(loaded.config.LOG_FORMAT ? { format: loaded.config.LOG_FORMAT } : {}), secrets: secretsOf(loaded.config) });
    const { HEALTH_PORT: port, HEALTH_HOST: host } = loaded.config;
    await serveChat(app, { discord, slack, ...(port ? { health: { port, host } } : {}) }, logger, loaded.config.LOG_LEVEL);
  } else {
    console.error('No chat platform is configured, so this is the console chat. To connect to Discord or Slack, see README.md.');
    // Diagrams and attached reports are saved beside the database, where the user's data already lives.
    const imageDir = join(dirname(loaded.config.DATABASE_PATH), 'diagrams');
    const fileDir = join(dirname(loaded.config.DATABASE_PATH), 'reports');
    const { NO_COLOR: noColor, FORCE_COLOR: forceColor, TERM: term } = loaded.config;
    await runConsole(app, { input: process.stdin, output: process.stdout }, { imageDir, fileDir, colorSettings: { noColor, forceColor, term } });
    await app.close();
  }
} catch (error) {
  if (
    error instanceof KnowledgeLoadError ||
    error instanceof FlagInventoryLoadError ||
    error instanceof SchemaTooNewError ||
    error instanceof StoreOpenError ||
    error instanceof StoreBusyError ||
    error instanceof DiscordStartError ||
    error instanceof SlackStartError ||
    error instanceof HealthStartError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

interface Platforms {
  discord: DiscordSettings | undefined;
  slack: SlackSettings | undefined;
  /** Where `GET /health` is served, when HEALTH_PORT is set. */
  health?: { port: number; host: string };
}

/**
 * Connects to every configured platform and serves until SIGINT or SIGTERM, then disconnects from all of them
 * and closes the store. A platform whose session ends for good (a revoked token) stops alone; the process
 * exits with code 1, for a supervisor to restart it, only when no platform is left. The health report
 * (`src/health.ts`) is served on HEALTH_PORT once every platform is up, and on Slack's port in HTTP mode.
 */
async function serveChat(app: App, platforms: Platforms, log: Logger, logLevel: LogLevel): Promise<void> {
  const running = new Map<string, { stop(): Promise<void> }>();
  const states: Partial<Record<PlatformName, PlatformHealth>> = {};
  // One daily scheduler per platform served; the health report shows the one that lags most, the one that matters.
  const schedulers: DailyScheduler[] = [];
  const health: HealthSources = {
    probeStore: () => app.services.store.learnerSettings('health:probe'),
    platforms: () => ({ ...states }),
    scheduler: () => laggingActivity(schedulers),
  };
  let healthServer: Server | undefined;
  let stopping = false;
  const shutDown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    for (const name of Object.keys(states) as PlatformName[]) if (states[name] === 'connected') states[name] = 'stopped';
    log.info(`${why}: disconnecting${running.size > 0 ? ` from ${[...running.keys()].join(' and ')}` : ''}`);
    healthServer?.close();
    await Promise.all([...running.values()].map((bot) => bot.stop()));
    await app.close();
    process.exit(code);
  };
  const lost = (name: string) => {
    states[name === 'Discord' ? 'discord' : 'slack'] = 'token-revoked';
    const bot = running.get(name);
    running.delete(name);
    void bot?.stop();
    if (running.size === 0) void shutDown(`${name} session lost, and no platform is left`, 1);
    else log.warn(`${name} stopped; still serving ${[...running.keys()].join(' and ')}`);
  };

  // Set before connecting, so a signal during start-up stops what has started and closes the store.
  process.once('SIGINT', () => void shutDown('SIGINT', 0));
  process.once('SIGTERM', () => void shutDown('SIGTERM', 0));
  try {
    if (platforms.discord) {
      // discord.js and Bolt take most of a second each to load: only a start that uses one pays for it.
      const { startDiscord } = await import('./adapters/discord/start-discord.ts');
      const { token, appId, apiUrl, dailyGraceMinutes, dailyLeaseMs, dailyTickMs, shards } = platforms.discord;
      const bot = await startDiscord(app, {
        token,
        appId,
        logger: log,
        ...(shards ? { shards } : {}),
        ...(apiUrl ? { rest: { api: apiUrl } } : {}),
        daily: { graceMinutes: dailyGraceMinutes, leaseMs: dailyLeaseMs, tickMs: dailyTickMs },
        onSessionLost: () => lost('Discord'),
      });
      running.set('Discord', bot);
      states.discord = 'connected';
      if (bot.daily) schedulers.push(bot.daily);
    }
    if (platforms.slack) {
      const { startSlack } = await import('./adapters/slack/start-slack.ts');
      const { botToken, connection, apiUrl, dailyGraceMinutes, dailyLeaseMs, dailyTickMs } = platforms.slack;
      // In HTTP mode the report is also a Bolt custom route on Slack's port (Socket Mode listens on no port).
      const customRoutes = [{ path: HEALTH_PATH, method: ['GET', 'HEAD'], handler: answerHealth(health) }];
      const bot = await startSlack(app, {
        botToken,
        connection,
        logger: log,
        logLevel,
        customRoutes,
        ...(apiUrl ? { apiUrl } : {}),
        daily: { graceMinutes: dailyGraceMinutes, leaseMs: dailyLeaseMs, tickMs: dailyTickMs },
        onSessionLost: () => lost('Slack'),
      });
      running.set('Slack', bot);
      if (bot.daily) schedulers.push(bot.daily);
      states.slack = 'connected';
    }
    if (platforms.health) {
      const { server, port } = await serveHealth(health, platforms.health.port, platforms.health.host);
      healthServer = server;
      log.info(`health report on http://${platforms.health.host}:${port}${HEALTH_PATH}`);
    }
  } catch (error) {
    await Promise.all([...running.values()].map((bot) => bot.stop()));
    await app.close();
    throw error;
  }
  log.info(`serving ${[...running.keys()].join(' and ')}; SIGINT or SIGTERM stops`);
  // One failed request must not end the bot; handlers catch their own errors, this is the net below.
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));
}

/**
 * The schedulers' activity as one: the earliest last tick (undefined while any has not ticked) and the earliest
 * progress, so one stuck scheduler makes the report stale. Undefined until every scheduler has started.
 */
function laggingActivity(schedulers: readonly DailyScheduler[]): SchedulerActivity | undefined {
  if (schedulers.length === 0 || schedulers.some((s) => !s.lastProgressAt)) return undefined;
  const lagging = schedulers.reduce((a, b) => (b.lastProgressAt! < a.lastProgressAt! ? b : a));
  const ticks = schedulers.map((s) => s.lastTickAt?.getTime());
  const lastTick = ticks.every((t) => t !== undefined) ? new Date(Math.min(...ticks)) : undefined;
  return { lastTick, lastProgress: lagging.lastProgressAt!, staleAfterMs: lagging.staleAfterMs };
}
