import { describe, expect, test } from 'vitest';
import { describeGatewayCloseCode } from '../../../../src/adapters/discord/gateway-close-code.ts';

describe('advice for the gateway close codes discord.js does not recover from', () => {
  test('GIVEN 4011 Sharding required THEN the advice names DISCORD_SHARDS and docs/scaling.md', () => {
    expect(describeGatewayCloseCode(4011)).toMatch(/Sharding required.*DISCORD_SHARDS.*docs\/scaling\.md/);
  });

  test('GIVEN 4010 Invalid shard and 4004 THEN the advice names the setting to fix', () => {
    expect(describeGatewayCloseCode(4010)).toMatch(/DISCORD_SHARDS/);
    expect(describeGatewayCloseCode(4004)).toMatch(/DISCORD_TOKEN/);
  });

  test('GIVEN a code without advice THEN there is none', () => {
    expect(describeGatewayCloseCode(1000)).toBeUndefined();
  });
});
