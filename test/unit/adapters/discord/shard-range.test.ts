import { describe, expect, test } from 'vitest';
import { formatShardRange, parseShardRange, shardIdsOf, shardOfGuild, shardRangesOverlap, type ShardRange } from '../../../../src/adapters/discord/shard-range.ts';

const range = (first: number, last: number, count: number): ShardRange => ({ first, last, count });

describe('DISCORD_SHARDS ranges', () => {
  test.each([
    ['0-3/8', range(0, 3, 8)],
    ['1/2', range(1, 1, 2)],
    [' 4 - 7 / 8 ', range(4, 7, 8)],
    ['0/1', range(0, 0, 1)],
  ])('GIVEN %j THEN it reads as a range, and writes back in the same form', (text, expected) => {
    expect(parseShardRange(text)).toEqual({ ok: true, range: expected });
    expect(parseShardRange(formatShardRange(expected))).toEqual({ ok: true, range: expected });
  });

  test.each([
    ['all', /must be a shard range such as 0-3\/8/],
    ['3', /must be a shard range/],
    ['0-3', /must be a shard range/],
    ['2/2', /names shard 2, but shards are numbered 0 to 1 when there are 2/],
    ['3-1/4', /runs backwards/],
    ['0/0', /shard count from 1 to/],
    ['0/200000', /shard count from 1 to/],
    [`${'1'.repeat(40)}/2`, /must be a shard range/],
  ])('GIVEN %j THEN it is refused with words that say why', (text, message) => {
    const parsed = parseShardRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  test('GIVEN a range THEN its ids are every shard from first to last', () => {
    expect(shardIdsOf(range(2, 5, 8))).toEqual([2, 3, 4, 5]);
  });

  test('GIVEN guild ids THEN the shard is (id >> 22) % count, computed on 64 bits', () => {
    expect(shardOfGuild('41771983423143937', 2)).toBe(Number((41771983423143937n >> 22n) % 2n));
    expect(shardOfGuild(String(5n << 22n), 4)).toBe(1);
    expect(shardOfGuild('18446744073709551615', 1000)).toBe(Number((18446744073709551615n >> 22n) % 1000n));
    expect(() => shardOfGuild('12a', 2)).toThrow(TypeError);
  });

  describe('overlap: some guild would be served by both', () => {
    test('GIVEN the same count THEN ranges overlap exactly when they share a shard', () => {
      expect(shardRangesOverlap(range(0, 0, 2), range(1, 1, 2))).toBe(false);
      expect(shardRangesOverlap(range(0, 3, 8), range(4, 7, 8))).toBe(false);
      expect(shardRangesOverlap(range(0, 4, 8), range(4, 7, 8))).toBe(true);
      expect(shardRangesOverlap(range(0, 7, 8), range(3, 3, 8))).toBe(true);
    });

    test('GIVEN any two ranges of up to 6 shards THEN the answer matches a search over shard keys', () => {
      const ranges: ShardRange[] = [];
      for (let count = 1; count <= 6; count++) for (let first = 0; first < count; first++) for (let last = first; last < count; last++) ranges.push(range(first, last, count));
      for (const a of ranges) {
        for (const b of ranges) {
          // Shard keys 0 .. a.count * b.count - 1 cover every pair of residues that any guild can have.
          let served = false;
          for (let key = 0; key < a.count * b.count && !served; key++) {
            const x = key % a.count;
            const y = key % b.count;
            served = x >= a.first && x <= a.last && y >= b.first && y <= b.last;
          }
          expect(shardRangesOverlap(a, b), `${formatShardRange(a)} and ${formatShardRange(b)}`).toBe(served);
        }
      }
    });
  });
});
