/**
 * What the person running the bot should do about the gateway close codes discord.js does not recover from
 * (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes), or
 * undefined for a code without advice.
 */
export function describeGatewayCloseCode(code: number): string | undefined {
  switch (code) {
    case 4004:
      return 'Authentication failed: the token was reset or revoked; put the new one in DISCORD_TOKEN';
    case 4010:
      return 'Invalid shard: DISCORD_SHARDS names a shard Discord does not accept';
    case 4011:
      return 'Sharding required: the bot is in too many servers for this shard count; raise the count in DISCORD_SHARDS on every process, or leave it unset (docs/scaling.md)';
    case 4013:
    case 4014:
      return 'Invalid or disallowed intents: enable the intents the bot asks for in the Developer Portal';
    default:
      return undefined;
  }
}
