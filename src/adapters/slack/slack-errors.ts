/**
 * Slack's Web API answers errors as `{ ok: false, error: '<code>' }`, which @slack/web-api throws as an
 * error with `data.error`; a rate limit that outlasts the client's retries ends in an error of its own.
 * These helpers read the code and word a log line, with no token in it.
 */

/** The error codes that mean the bot token no longer works: the Slack front end cannot go on. */
export const TOKEN_LOST_ERRORS: ReadonlySet<string> = new Set(['invalid_auth', 'account_inactive', 'token_revoked', 'token_expired', 'not_authed']);

/** The bot may not post or upload there: not a member, the channel is gone, or a scope is missing. */
export const NO_ACCESS_ERRORS: ReadonlySet<string> = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'is_archived', 'restricted_action']);

/** Slack's error code for an error from the Web API client, `ratelimited` for a rate limit that outlasted the retries. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown }).code;
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  // After its last retry the client throws its own "A rate limit was exceeded", wrapped as a request error.
  if (error instanceof Error && error.message.startsWith('A rate limit was exceeded')) return 'ratelimited';
  const original = (error as { original?: unknown }).original;
  return original === undefined || original === error ? undefined : slackErrorCode(original);
}

/** One line about an error from Slack or the Web API client, fit for a log (the logger redacts tokens too). */
export function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) {
    const needed = (error as { data?: { needed?: unknown } }).data?.needed;
    return `Slack answered ${code}${typeof needed === 'string' ? ` (needs the ${needed} scope)` : ''}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message.replace(/xox[abpe]-[\w-]+|xapp-[\w-]+/g, '[redacted]')}`;
  return String(error);
}
