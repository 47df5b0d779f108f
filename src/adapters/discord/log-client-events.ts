import { RESTEvents, Events, type Client } from 'discord.js';
import type { Logger } from '../../logger.ts';
import { describeDiscordError, withoutTokens } from './describe-discord-error.ts';
import { describeGatewayCloseCode } from './gateway-close-code.ts';

/**
 * Reports what happens to the connection: discord.js reconnects and resumes on its own, and retries after
 * Discord's 429s and 5xx, so these are logs, not actions. `onSessionLost` runs when Discord closes the
 * connection with a code discord.js does not recover from (a reset token, say). `stopping` says whether the bot
 * is disconnecting on purpose: discord.js reports its own clean close as "reconnecting" too.
 */
export function logClientEvents(client: Client, logger: Logger, onSessionLost: () => void, stopping: () => boolean = () => false): void {
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping()) logger.warn(`gateway connection ${shard} lost: reconnecting`);
  });
  client.on(Events.ShardResume, (shard) => logger.info(`gateway connection ${shard} resumed`));
  client.on(Events.ShardError, (error, shard) => logger.warn(`gateway connection ${shard}: ${describeDiscordError(error)}`));
  // discord.js emits this only for close codes it will not reconnect after.
  client.on(Events.ShardDisconnect, (event, shard) => {
    const advice = describeGatewayCloseCode(event.code);
    logger.error(`Discord closed gateway connection ${shard} for good (code ${event.code}); no more interactions will arrive${advice ? `. ${advice}` : ''}`);
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
