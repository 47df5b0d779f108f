import { Temporal } from 'temporal-polyfill';
import { RENAMED_TIME_ZONES } from './renamed-time-zones.ts';

/** A zone as suggestions know it: its current IANA name and the older names it is also found by. */
export interface KnownTimeZone {
  zone: string;
  /** Lowercased search keys: the name and any older name. */
  keys: readonly string[];
}

/**
 * Every IANA time zone the runtime knows (about 420), under its current name (see `RENAMED_TIME_ZONES`), plus
 * `UTC`, which Node's list leaves out. Computed once.
 */
export const KNOWN_TIME_ZONES: readonly KnownTimeZone[] = (() => {
  const byZone = new Map<string, Set<string>>([['UTC', new Set(['utc'])]]);
  for (const listed of Intl.supportedValuesOf('timeZone')) {
    const zone = RENAMED_TIME_ZONES.get(listed) ?? listed;
    const keys = byZone.get(zone) ?? new Set<string>();
    keys.add(zone.toLowerCase()).add(listed.toLowerCase());
    byZone.set(zone, keys);
  }
  return [...byZone].map(([zone, keys]) => ({ zone, keys: [...keys] })).sort((a, b) => a.zone.localeCompare(b.zone));
})();

/** `+05:30`, `-03:00`, `+00:00`: a zone's UTC offset at an instant, as Temporal writes it. */
export type UtcOffset = string;

/** Zones handled per slice when the table is built or refreshed: each slice takes at most a few milliseconds. */
const SLICE = 12;
const HOUR_MS = 3_600_000;

/**
 * Every zone's current UTC offset, for suggesting zones by offset (`+05:30`, `UTC+2`). The first computation
 * is slow (temporal-polyfill builds one `Intl.DateTimeFormat` per zone: about 0.4 s for all of them on a busy
 * machine), so it runs in slices of `SLICE` zones between other work, never blocking the event loop for long,
 * and again, the same way, when the hour changes (offsets change at daylight-saving transitions, which happen on
 * the hour or half hour in every zone; a suggestion may lag a transition by up to an hour). Until a refresh is
 * done, `current` answers the previous (or a partial) table.
 */
export class TimeZoneOffsets {
  #offsets = new Map<string, UtcOffset>();
  #hour = Number.NaN;
  #refreshing: Promise<void> | undefined;

  /** The table as it stands, starting a sliced refresh if it is not for `now`'s hour. */
  current(now: Date): ReadonlyMap<string, UtcOffset> {
    void this.ready(now);
    return this.#offsets;
  }

  /** Resolves when the table is complete for `now`'s hour (tests, and a warm-up at start). */
  ready(now: Date): Promise<void> {
    const hour = Math.floor(now.getTime() / HOUR_MS);
    if (hour === this.#hour) return Promise.resolve();
    this.#refreshing ??= this.#refresh(hour).finally(() => (this.#refreshing = undefined));
    return this.#refreshing.then(() => (hour === this.#hour ? undefined : this.ready(now)));
  }

  async #refresh(hour: number): Promise<void> {
    const instant = Temporal.Instant.fromEpochMilliseconds(hour * HOUR_MS);
    const next = new Map<string, UtcOffset>(this.#offsets);
    for (let i = 0; i < KNOWN_TIME_ZONES.length; i += SLICE) {
      for (const { zone } of KNOWN_TIME_ZONES.slice(i, i + SLICE)) next.set(zone, offsetAt(instant, zone));
      // The first build is published as it grows; a refresh replaces the old table only when complete.
      if (this.#offsets.size < KNOWN_TIME_ZONES.length) this.#offsets = new Map(next);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#offsets = next;
    this.#hour = hour;
  }
}

/** A zone's offset at an instant, `+00:00` for a zone Temporal does not know. */
export function offsetAt(instant: Temporal.Instant, zone: string): UtcOffset {
  try {
    return instant.toZonedDateTimeISO(zone).offset;
  } catch {
    return '+00:00';
  }
}

/** The process's table, shared by every front end's suggestions. */
export const timeZoneOffsets = new TimeZoneOffsets();
