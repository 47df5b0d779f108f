import type { CommandRequest } from './command.ts';
import { learnerOf } from './learner.ts';
import type { Problem } from './problem.ts';

/** One kind of request a person makes, each with its own bucket. */
export type RateLimitKind = 'command' | 'action';

export interface RateLimitRule {
  /** How many requests may come at once, after a quiet spell. */
  burst: number;
  /** How many milliseconds it takes to earn one more request. */
  refillMs: number;
}

export interface RateLimiterOptions {
  /**
   * The rule per kind of request.
   *
   * @defaultValue commands (questions, mentions, anything that may post publicly): a burst of 8, then one every
   * 4 s (15 a minute); buttons: a burst of 20, then one a second (a fast flash-card review is about one a second).
   */
  rules?: Partial<Record<RateLimitKind, RateLimitRule>>;
  /**
   * The most people tracked at once; past it, the longest-quiet bucket is forgotten (it would be full anyway,
   * or nearly). Bounds memory whatever the traffic.
   *
   * @defaultValue 50000
   */
  maxTracked?: number;
}

export const RATE_LIMITER_DEFAULTS = {
  rules: { command: { burst: 8, refillMs: 4_000 }, action: { burst: 20, refillMs: 1_000 } },
  maxTracked: 50_000,
} as const satisfies { rules: Record<RateLimitKind, RateLimitRule>; maxTracked: number };

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-person token buckets, in memory, so that one person cannot flood a channel or grow the stored answers
 * without bound. Each process keeps its own buckets: with several bot processes a person's allowance is
 * multiplied by the number of processes that see their requests (Discord routes one server's interactions to
 * one shard, so on Discord that is one process per server). O(1) per request; memory bounded by `maxTracked`.
 */
export class RateLimiter {
  readonly #rules: Record<RateLimitKind, RateLimitRule>;
  readonly #maxTracked: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimiterOptions = {}) {
    this.#rules = { ...RATE_LIMITER_DEFAULTS.rules, ...options.rules };
    this.#maxTracked = options.maxTracked ?? RATE_LIMITER_DEFAULTS.maxTracked;
  }

  /**
   * Takes one request of `kind` from `who`'s bucket at `nowMs` (milliseconds since the epoch, from the request's
   * clock). Refused requests take nothing, and say how long until the next one would be allowed.
   */
  take(who: string, kind: RateLimitKind, nowMs: number): RateLimitDecision {
    const rule = this.#rules[kind];
    const key = `${kind}\u0000${who}`;
    const bucket = this.#buckets.get(key);
    // A clock that steps back (requests stamped out of order) earns nothing and costs nothing extra.
    const elapsed = bucket ? Math.max(0, nowMs - bucket.updatedAt) : 0;
    const tokens = bucket ? Math.min(rule.burst, bucket.tokens + elapsed / rule.refillMs) : rule.burst;
    const updatedAt = bucket ? Math.max(nowMs, bucket.updatedAt) : nowMs;
    // Re-inserted on every touch, so the Map's first key is always the one quiet for longest.
    this.#buckets.delete(key);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, updatedAt });
      return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * rule.refillMs) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, updatedAt });
    if (this.#buckets.size > this.#maxTracked) this.#buckets.delete(this.#buckets.keys().next().value!);
    return { allowed: true };
  }
}

/** The problem to answer with when `request` is over its limit, or undefined when it may go ahead. */
export function rateLimitProblem(limiter: RateLimiter, request: CommandRequest, kind: RateLimitKind): Problem | undefined {
  if (request.platform === 'console') return undefined;
  const decision = limiter.take(learnerOf(request).key, kind, request.now.getTime());
  return decision.allowed ? undefined : { code: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) };
}
