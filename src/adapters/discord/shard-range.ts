/**
 * Discord shard ranges: which of a bot's gateway shards one process runs. Pure functions, no discord.js, so
 * `src/config.ts` can parse `DISCORD_SHARDS` and the start-up check can compare processes without the library.
 *
 * Discord sends a guild's events to shard `(guild_id >> 22) % shard_count`
 * (https://discord.com/developers/docs/events/gateway#sharding), so a process that runs shards `first..last` of
 * `count` receives the interactions of exactly the guilds whose shard falls in that range.
 */

/** Shards `first` to `last` (inclusive, 0-based) of `count` in all. */
export interface ShardRange {
  first: number;
  last: number;
  count: number;
}

/**
 * The largest shard count accepted. Discord's largest bots run tens of thousands of shards; this bound only
 * keeps a typo (an extra zero or three) from asking discord.js for millions of connections.
 */
export const MAX_SHARD_COUNT = 100_000;

/** Why a `DISCORD_SHARDS` value was refused: the words follow "Setting DISCORD_SHARDS …". */
export type ShardRangeProblem = { ok: false; message: string };

/**
 * Parses `first-last/count` (`0-3/8`: shards 0, 1, 2 and 3 of 8) or `id/count` (`1/2`: shard 1 of 2).
 * Bounded: the input is a setting of at most a few characters; anything longer than 32 is refused unread.
 */
export function parseShardRange(text: string): { ok: true; range: ShardRange } | ShardRangeProblem {
  const match = text.length <= 32 ? /^\s*(\d{1,6})(?:\s*-\s*(\d{1,6}))?\s*\/\s*(\d{1,6})\s*$/.exec(text) : null;
  if (!match) return { ok: false, message: 'must be a shard range such as 0-3/8 (shards 0 to 3 of 8) or 1/2 (shard 1 of 2)' };
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  const count = Number(match[3]);
  if (count < 1 || count > MAX_SHARD_COUNT) return { ok: false, message: `must have a shard count from 1 to ${MAX_SHARD_COUNT} after the slash` };
  if (first > last) return { ok: false, message: `must name its first shard before its last (${first}-${last} runs backwards)` };
  if (last >= count) return { ok: false, message: `names shard ${last}, but shards are numbered 0 to ${count - 1} when there are ${count}` };
  return { ok: true, range: { first, last, count } };
}

/** `0-3/8`, or `1/2` for a single shard: the form `parseShardRange` reads. */
export function formatShardRange({ first, last, count }: ShardRange): string {
  return `${first === last ? first : `${first}-${last}`}/${count}`;
}

/** The shard ids of a range, in order: what discord.js's `shards` option takes. */
export function shardIdsOf({ first, last }: ShardRange): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The shard that receives a guild's events: `(guild_id >> 22) % count`, on the snowflake as a 64-bit integer.
 * Throws on a `guildId` that is not a snowflake (digits only).
 */
export function shardOfGuild(guildId: string, count: number): number {
  if (!/^\d{1,20}$/.test(guildId)) throw new TypeError(`Not a Discord snowflake: ${guildId.slice(0, 40)}`);
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * Whether some guild would be served by both ranges, i.e. whose interactions two processes would both answer.
 * With equal counts that is an overlap of the ranges. With different counts (a misconfiguration, or a
 * resharding in progress) a guild with shard key `k = guild_id >> 22` lands on `k % a` and `k % b`; by the
 * Chinese remainder theorem some `k` gives shards `x` and `y` exactly when `x ≡ y (mod gcd(a, b))`.
 * Work is bounded by the smaller range's length, at most `MAX_SHARD_COUNT`.
 */
export function shardRangesOverlap(a: ShardRange, b: ShardRange): boolean {
  if (a.count === b.count) return a.first <= b.last && b.first <= a.last;
  const divisor = gcd(a.count, b.count);
  const [small, large] = a.last - a.first <= b.last - b.first ? [a, b] : [b, a];
  // The residues mod `divisor` the larger range covers: all of them once it is `divisor` long.
  const covers = (residue: number) =>
    large.last - large.first + 1 >= divisor || residuesBetween(large.first, large.last, divisor, residue);
  for (let shard = small.first; shard <= small.last && shard - small.first < divisor; shard++) {
    if (covers(shard % divisor)) return true;
  }
  return false;
}

/** Whether some `x` in `first..last` (shorter than `divisor`) has `x % divisor === residue`. */
function residuesBetween(first: number, last: number, divisor: number, residue: number): boolean {
  const start = first % divisor;
  const end = last % divisor;
  return start <= end ? residue >= start && residue <= end : residue >= start || residue <= end;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
