/**
 * `npm run register [-- --guild <server id>]`: publishes the slash commands, derived from the command
 * registry, to Discord: to every server (global commands, which may take up to an hour to show), or to one
 * server with --guild, where they update at once. Safe to run again: the set is replaced, never added to.
 */
import { parseArgs } from 'node:util';
import { publishCommands } from '../adapters/discord/publish-commands.ts';
import { discordSettings, loadConfig } from '../config.ts';
import { createCommandRegistry } from '../core/index.ts';

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

function guildOption(): string | undefined {
  let guild: string | undefined;
  try {
    guild = parseArgs({ options: { guild: { type: 'string' } } }).values.guild;
  } catch {
    fail('Usage: npm run register [-- --guild <server id>]');
  }
  if (guild !== undefined && !/^\d{17,20}$/.test(guild)) {
    fail('--guild wants a server id, a number of 17 to 20 digits (in Discord: right-click the server, Copy Server ID).');
  }
  return guild;
}

async function main(): Promise<void> {
  const guildId = guildOption();
  const loaded = loadConfig();
  if (!loaded.ok) fail(loaded.message);
  const discord = discordSettings(loaded.config);
  if (!discord) fail('Set DISCORD_TOKEN and DISCORD_APP_ID (see .env.example) to publish the slash commands.');

  const result = await publishCommands(createCommandRegistry(), {
    token: discord.token,
    appId: discord.appId,
    ...(guildId ? { guildId } : {}),
    ...(discord.apiUrl ? { rest: { api: discord.apiUrl } } : {}),
  });
  if (!result.ok) fail(result.message);
  const where = guildId ? `to server ${guildId}, where they show at once` : 'globally (Discord may take up to an hour to show changes everywhere)';
  console.log(`Published ${result.names.length} slash commands ${where}: ${result.names.map((n) => `/${n}`).join(' ')}`);
}

await main();
