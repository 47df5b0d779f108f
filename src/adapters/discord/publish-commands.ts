import { DiscordAPIError, REST, Routes, type RESTOptions } from 'discord.js';
import type { CommandRegistry } from '../../core/index.ts';
import { commandsJson, guildCommandJson } from './command-json.ts';
import { describeDiscordError } from './describe-discord-error.ts';

export interface PublishOptions {
  token: string;
  appId: string;
  /** One server to publish to (updates at once, for development); otherwise every server (global commands). */
  guildId?: string;
  /**
   * discord.js REST options; tests point `api` at a fake Discord.
   *
   * @defaultValue Discord's API
   */
  rest?: Partial<RESTOptions>;
}

export type PublishResult = { ok: true; names: string[] } | { ok: false; message: string };

/**
 * Publishes the registry's commands as Discord slash commands. It replaces the whole set in one request
 * (Discord's bulk overwrite), so running it again with the same commands changes nothing, and a command
 * removed from the registry disappears from Discord.
 */
export async function publishCommands(registry: CommandRegistry, options: PublishOptions): Promise<PublishResult> {
  const rest = new REST(options.rest ?? {}).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  const body = options.guildId ? commandsJson(registry).map(guildCommandJson) : commandsJson(registry);
  try {
    const published = (await rest.put(route, { body })) as Array<{ name: string }>;
    return { ok: true, names: published.map((c) => c.name) };
  } catch (error) {
    return { ok: false, message: publishProblem(error, options) };
  }
}

function publishProblem(error: unknown, options: PublishOptions): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (your application, Bot, Reset Token).';
    if (options.guildId && (error.status === 403 || error.code === 10004)) {
      return `The bot cannot publish commands to server ${options.guildId}: invite it there first (the link is in docs/discord.md), or check the server id.`;
    }
    if (error.status === 403 || error.status === 404 || error.code === 10002) {
      return 'DISCORD_APP_ID does not match DISCORD_TOKEN: use the application id from the same application (General Information).';
    }
  }
  return `Publishing the commands failed: ${describeDiscordError(error)}`;
}
