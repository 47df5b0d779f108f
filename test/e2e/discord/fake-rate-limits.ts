import { createHash } from 'node:crypto';

/**
 * Discord's REST rate limits as the fake enforces them (https://discord.com/developers/docs/topics/rate-limits):
 * a global limit per bot token across every route but the interaction endpoints, and per-route buckets, here for
 * the routes the daily posts use (create and edit a channel message, one bucket per channel and method).
 */
export interface FakeRateLimitOptions {
  /**
   * Requests per second per bot token. Discord's is 50. Enforced as a token bucket holding at most this many
   * requests and refilled at this rate: Discord does not document its algorithm, and a bucket is the strictest
   * reading of "50 per second" that does not depend on where a one-second window happens to start.
   *
   * @defaultValue 50
   */
  globalPerSecond?: number;
  /**
   * Requests per channel and method to `/channels/:id/messages` (and `/:message_id`) in one window. Discord
   * answers 5 per 5 seconds for message creation in a channel.
   *
   * @defaultValue 5
   */
  routeLimit?: number;
  /** @defaultValue 5000 */
  routeWindowMs?: number;
}

/** A refusal (429) or the headers of an allowed request. */
export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; body: { message: string; retry_after: number; global: boolean } };

interface RouteBucket {
  remaining: number;
  resetAt: number;
}

/** What the fake refused, for tests and the benchmark. */
export interface RateLimitCounts {
  global429: number;
  route429: number;
}

/**
 * The fake's rate limiter: `check` is called once per request, in arrival order, with the clock in milliseconds.
 * Headers follow Discord's: `X-RateLimit-Limit`, `-Remaining`, `-Reset` (epoch seconds), `-Reset-After` (seconds),
 * `-Bucket`, and on a 429 `Retry-After` (whole seconds, rounded up, as Discord sends it), `X-RateLimit-Scope`,
 * `X-RateLimit-Global` for the global limit, and a JSON body with the exact `retry_after` in seconds.
 */
export class FakeRateLimits {
  readonly counts: RateLimitCounts = { global429: 0, route429: 0 };
  readonly #perSecond: number;
  readonly #routeLimit: number;
  readonly #routeWindowMs: number;
  readonly #global = new Map<string, { level: number; at: number }>();
  readonly #routes = new Map<string, RouteBucket>();

  constructor(options: FakeRateLimitOptions = {}) {
    this.#perSecond = options.globalPerSecond ?? 50;
    this.#routeLimit = options.routeLimit ?? 5;
    this.#routeWindowMs = options.routeWindowMs ?? 5_000;
  }

  /**
   * Decides one request. `token` is the bot token of its `Authorization` header (undefined for the interaction
   * endpoints, which Discord leaves out of the global limit); `route` the channel-message route it hits, if any.
   */
  check(now: number, token: string | undefined, route: { method: string; channelId: string } | undefined): RateDecision {
    const bucket = route && this.#routeBucket(now, route);
    if (bucket && bucket.remaining <= 0) {
      this.counts.route429++;
      return this.#refuse((bucket.resetAt - now) / 1000, false, this.#routeHeaders(now, route!, bucket));
    }
    if (token !== undefined) {
      const waitS = this.#takeGlobal(now, token);
      if (waitS > 0) {
        this.counts.global429++;
        return this.#refuse(waitS, true, {});
      }
    }
    if (!bucket) return { allowed: true, headers: {} };
    bucket.remaining--;
    return { allowed: true, headers: this.#routeHeaders(now, route!, bucket) };
  }

  /** Takes one request from the token's bucket; answers 0, or the seconds until one is there. */
  #takeGlobal(now: number, token: string): number {
    const state = this.#global.get(token) ?? { level: this.#perSecond, at: now };
    state.level = Math.min(this.#perSecond, state.level + ((now - state.at) / 1000) * this.#perSecond);
    state.at = now;
    this.#global.set(token, state);
    if (state.level >= 1) {
      state.level -= 1;
      return 0;
    }
    return (1 - state.level) / this.#perSecond;
  }

  #routeBucket(now: number, route: { method: string; channelId: string }): RouteBucket {
    const key = `${route.method} ${route.channelId}`;
    let bucket = this.#routes.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { remaining: this.#routeLimit, resetAt: now + this.#routeWindowMs };
      this.#routes.set(key, bucket);
    }
    return bucket;
  }

  #routeHeaders(now: number, route: { method: string }, bucket: RouteBucket): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.#routeLimit),
      'x-ratelimit-remaining': String(Math.max(0, bucket.remaining)),
      'x-ratelimit-reset': (bucket.resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': ((bucket.resetAt - now) / 1000).toFixed(3),
      // The bucket's hash names the route, not the channel: the channel is the major parameter.
      'x-ratelimit-bucket': createHash('sha1').update(`${route.method} /channels/:id/messages`).digest('hex').slice(0, 16),
    };
  }

  #refuse(retryAfterS: number, global: boolean, headers: Record<string, string>): RateDecision {
    return {
      allowed: false,
      headers: {
        ...headers,
        'retry-after': String(Math.max(1, Math.ceil(retryAfterS))),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: { message: 'You are being rate limited.', retry_after: Number(retryAfterS.toFixed(3)), global },
    };
  }
}
