import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/**
 * One line about an error from discord.js, fit for a log: Discord's status and code, and the route with every
 * interaction and webhook token taken out (they grant posting as the bot for 15 minutes).
 */
export function describeDiscordError(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    return `Discord answered ${error.status} (code ${String(error.code)}: ${error.message}) to ${error.method.toUpperCase()} ${withoutTokens(error.url)}`;
  }
  if (error instanceof HTTPError) {
    return `Discord answered ${error.status} ${error.message} to ${error.method.toUpperCase()} ${withoutTokens(error.url)}`;
  }
  if (error instanceof RateLimitError) {
    return `rate limited on ${error.route} for ${error.retryAfter} ms`;
  }
  if (error instanceof Error) return `${error.name}: ${withoutTokens(error.message)}`;
  return String(error);
}

/** A URL or message with interaction and webhook tokens replaced by `:token`, and no part of the bot token. */
export function withoutTokens(text: string): string {
  return text
    .replace(/(Provided token: )\S+/g, '$1[redacted]')
    .replace(/(\/interactions\/\d+\/)[^/?\s]+/g, '$1:token')
    .replace(/(\/webhooks\/\d+\/)[^/?\s]+/g, '$1:token')
    .replace(/^https?:\/\/[^/]+\/api(\/v\d+)?/, '');
}
