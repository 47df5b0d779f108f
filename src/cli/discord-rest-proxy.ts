/**
 * `npm run discord-proxy` (in the image: `node dist/cli/discord-rest-proxy.js`): the Discord REST proxy that lets
 * several bot processes share one rate-limit budget (`src/adapters/discord/discord-rest-proxy.ts`). Listens on
 * DISCORD_PROXY_HOST:DISCORD_PROXY_PORT and forwards to DISCORD_PROXY_UPSTREAM (Discord by default); each bot
 * process sets DISCORD_API_URL=http://<proxy>:<port>/api. SIGINT or SIGTERM stops it after the requests under way.
 */
import { startDiscordRestProxy } from '../adapters/discord/discord-rest-proxy.ts';
import { secretsOf } from '../config.ts';
import { createLogger } from '../logger.ts';
import { orExit, settingsOrExit } from './settings-or-exit.ts';

const config = settingsOrExit();
const logger = createLogger({ level: config.LOG_LEVEL, ...(config.LOG_FORMAT ? { format: config.LOG_FORMAT } : {}), secrets: secretsOf(config) });
const proxy = await orExit(
  startDiscordRestProxy({
    port: config.DISCORD_PROXY_PORT,
    host: config.DISCORD_PROXY_HOST,
    logger,
    ...(config.DISCORD_PROXY_UPSTREAM ? { upstream: config.DISCORD_PROXY_UPSTREAM } : {}),
  }),
);
logger.info(`Discord REST proxy on ${proxy.url}, forwarding to ${config.DISCORD_PROXY_UPSTREAM ?? 'Discord'}; SIGINT or SIGTERM stops`);
const stop = (signal: string) => {
  logger.info(`${signal}: stopping the Discord REST proxy`);
  void proxy.close().then(() => process.exit(0));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
