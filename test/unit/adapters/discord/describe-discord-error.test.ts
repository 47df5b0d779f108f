import { DiscordAPIError } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { describeDiscordError, withoutTokens } from '../../../../src/adapters/discord/describe-discord-error.ts';

describe('errors and routes fit for a log', () => {
  test('GIVEN routes with interaction and webhook tokens THEN the tokens are cut out', () => {
    expect(withoutTokens('https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback?with_response=false')).toBe(
      '/interactions/123/:token/callback?with_response=false',
    );
    expect(withoutTokens('PATCH /webhooks/456/aW50ZXJhY3Rpb24/messages/@original')).toBe('PATCH /webhooks/456/:token/messages/@original');
  });

  test("GIVEN discord.js's own debug line about the token THEN none of it is kept", () => {
    expect(withoutTokens('Provided token: MTAwMDAw.GfAkEt.*****')).toBe('Provided token: [redacted]');
  });

  test("GIVEN a Discord API error THEN status, code, message and the route without its token", () => {
    const error = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      'https://discord.com/api/v10/interactions/123/c2VjcmV0/callback',
      { body: undefined, files: undefined },
    );
    expect(describeDiscordError(error)).toBe('Discord answered 404 (code 10062: Unknown interaction) to POST /interactions/123/:token/callback');
  });
});
