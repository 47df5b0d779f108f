/**
 * `npm start`: loads the settings and the knowledge, then starts the front end that is configured: Discord
 * when DISCORD_TOKEN and DISCORD_APP_ID are set, otherwise the console chat.
 */
import { dirname, join } from 'node:path';
import { runConsole } from './adapters/console/run-console.ts';
import { DiscordStartError } from './adapters/discord/discord-start-error.ts';
import { createApp, type App } from './app.ts';
import { discordSettings, loadConfig, type DiscordSettings } from './config.ts';
import { KnowledgeLoadError } from './knowledge/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { SchemaTooNewError, StoreOpenError } from './store/index.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const discord = discordSettings(loaded.config);
// The token and each of its parts: discord.js's debug log shows the first two parts of a token.
const logger = createLogger({ level: loaded.config.LOG_LEVEL, secrets: discord ? [discord.token, ...discord.token.split('.')] : [] });

try {
  const app = await createApp(loaded.config);
  if (discord) {
    await serveDiscord(app, discord, logger);
  } else {
    console.error('No chat platform is configured, so this is the console chat. To connect to Discord, see README.md.');
    // Diagrams are saved beside the database, where the user's data already lives.
    const imageDir = join(dirname(loaded.config.DATABASE_PATH), 'diagrams');
    const { NO_COLOR: noColor, FORCE_COLOR: forceColor, TERM: term } = loaded.config;
    await runConsole(app, { input: process.stdin, output: process.stdout }, { imageDir, colorSettings: { noColor, forceColor, term } });
    await app.close();
  }
} catch (error) {
  if (
    error instanceof KnowledgeLoadError ||
    error instanceof SchemaTooNewError ||
    error instanceof StoreOpenError ||
    error instanceof DiscordStartError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

/** Connects to Discord and serves until SIGINT or SIGTERM, then disconnects and closes the store. */
async function serveDiscord(app: App, settings: DiscordSettings, log: Logger): Promise<void> {
  // discord.js takes most of a second to load: only a Discord start pays for it.
  const { startDiscord } = await import('./adapters/discord/start-discord.ts');
  let bot: Awaited<ReturnType<typeof startDiscord>> | undefined;
  let stopping = false;
  const shutDown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: disconnecting from Discord`);
    await bot?.stop();
    await app.close();
    process.exit(code);
  };

  try {
    bot = await startDiscord(app, {
      token: settings.token,
      appId: settings.appId,
      logger: log,
      ...(settings.apiUrl ? { rest: { api: settings.apiUrl } } : {}),
      // Without a session nothing arrives: exit, so a supervisor restarts the bot with a fresh one.
      onSessionLost: () => void shutDown('session lost', 1),
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  process.once('SIGINT', () => void shutDown('SIGINT', 0));
  process.once('SIGTERM', () => void shutDown('SIGTERM', 0));
  // One failed interaction must not end the bot; interaction handling catches its own errors, this is the net below.
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));
}
