import { RESTEvents, Events, type Client } from 'discord.js';
import type { Logger } from '../../logger.ts';
import { describeDiscordError, withoutTokens } from './describe-discord-error.ts';

/**
 * Reports what happens to the connection: discord.js reconnects and resumes on its own, and retries after
 * Discord's 429s, so these are logs, not actions. `onSessionLost` runs when Discord ends the session for good.
 */
export function logClientEvents(client: Client, logger: Logger, onSessionLost: () => void): void {
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn(`gateway connection ${shard} closed (code ${event.code}); discord.js will reconnect`));
  client.on(Events.ShardReconnecting, (shard) => logger.info(`gateway connection ${shard} reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) => logger.info(`gateway connection ${shard} resumed (${replayed} events replayed)`));
  client.on(Events.ShardError, (error, shard) => logger.warn(`gateway connection ${shard}: ${describeDiscordError(error)}`));
  client.on(Events.Invalidated, () => {
    logger.error('Discord ended the session and it cannot be resumed');
    onSessionLost();
  });
  client.on(Events.Error, (error) => logger.error(`discord.js: ${describeDiscordError(error)}`));
  client.on(Events.Warn, (message) => logger.warn(`discord.js: ${withoutTokens(message)}`));
  client.on(Events.Debug, (message) => logger.debug(`discord.js: ${withoutTokens(message)}`));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(`rate limit on ${info.method.toUpperCase()} ${withoutTokens(info.route)}: waiting ${info.retryAfter} ms${info.global ? ' (global)' : ''}`),
  );
  // An unexpected 429 or a 5xx is retried by discord.js without an event of its own: the response says so.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429 && response.status < 500) return;
    const retryAfter = response.headers.get('retry-after');
    logger.warn(
      `Discord answered ${response.status} to ${request.method.toUpperCase()} ${withoutTokens(request.route)}` +
        (response.status === 429 && retryAfter ? `: rate limited, retrying after ${retryAfter} s` : ''),
    );
  });
}
