import { PermissionFlagsBits } from 'discord.js';

/**
 * The permissions the bot asks for when invited: View Channel, Send Messages and Embed Links (19456), for the
 * daily quiz posts, which are channel messages with no interaction to answer. Every other answer goes through
 * the interaction's own webhook, which needs no channel permission. Daily posts attach no files.
 */
export const BOT_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

/** The link that adds the bot to a server: the `bot` and `applications.commands` scopes, `BOT_PERMISSIONS`. */
export function inviteUrl(appId: string): string {
  const query = new URLSearchParams({ client_id: appId, scope: 'bot applications.commands', permissions: String(BOT_PERMISSIONS) });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
