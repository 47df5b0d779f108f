/**
 * The permissions the bot asks for when invited: none. Every answer goes through the interaction's own webhook,
 * which needs no channel permission, and Discord lets interaction answers embed links and attach files.
 */
export const BOT_PERMISSIONS = 0n;

/** The link that adds the bot to a server: the `bot` and `applications.commands` scopes, no permissions. */
export function inviteUrl(appId: string): string {
  const query = new URLSearchParams({ client_id: appId, scope: 'bot applications.commands', permissions: String(BOT_PERMISSIONS) });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
