import type { ChatInputCommandInteraction } from 'discord.js';

/**
 * A slash command's options as raw arguments for the registry, which validates them with the command's own
 * schema: Discord's checks happen in the client and cannot be trusted.
 */
export function commandArguments(interaction: ChatInputCommandInteraction): Record<string, unknown> {
  return Object.fromEntries(interaction.options.data.filter((o) => o.value !== undefined).map((o) => [o.name, o.value]));
}
