/** What Slack says about a person that the core uses: the name leaderboards show and the time zone days are counted in. */
export interface SlackPerson {
  name: string;
  /** An IANA time zone, `UTC` when Slack did not say. */
  timeZone: string;
}

export interface SlackPeopleOptions {
  /** Asks Slack (`users.info`); may throw, for a missing `users:read` scope say. */
  lookup: (userId: string) => Promise<{ name?: string; timeZone?: string }>;
  now: () => Date;
  /**
   * How long an answer is kept.
   *
   * @defaultValue a day
   */
  ttlMs?: number;
  /**
   * How long a failed look-up's UTC fallback is kept before Slack is asked again.
   *
   * @defaultValue an hour
   */
  failureTtlMs?: number;
  /**
   * The most people kept; the oldest entry goes first.
   *
   * @defaultValue 10,000
   */
  maxEntries?: number;
}

/**
 * Names and time zones from Slack profiles, cached so each person costs one `users.info` call a day. A
 * failed call (no `users:read`, a network problem) gives the user id as the name and UTC, and is retried
 * after `failureTtlMs`. Concurrent look-ups of one person share one call.
 */
export class SlackPeople {
  readonly #options: Required<SlackPeopleOptions>;
  readonly #cache = new Map<string, { person: Promise<SlackPerson>; expiresAt: number }>();

  constructor(options: SlackPeopleOptions) {
    this.#options = { ttlMs: 86_400_000, failureTtlMs: 3_600_000, maxEntries: 10_000, ...options };
  }

  person(userId: string): Promise<SlackPerson> {
    const now = this.#options.now().getTime();
    const cached = this.#cache.get(userId);
    if (cached && cached.expiresAt > now) return cached.person;
    this.#cache.delete(userId);
    while (this.#cache.size >= this.#options.maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
    const entry = { person: Promise.resolve({ name: userId, timeZone: 'UTC' }), expiresAt: now + this.#options.ttlMs };
    entry.person = this.#options.lookup(userId).then(
      (found) => ({ name: found.name?.trim() || userId, timeZone: validTimeZone(found.timeZone) ?? 'UTC' }),
      () => {
        entry.expiresAt = now + this.#options.failureTtlMs;
        return { name: userId, timeZone: 'UTC' };
      },
    );
    this.#cache.set(userId, entry);
    return entry.person;
  }
}

function validTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}
