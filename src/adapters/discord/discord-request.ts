import { PermissionFlagsBits, type BaseInteraction, type CommandInteractionOption } from 'discord.js';
import type { CommandRequest } from '../../core/index.ts';

/** Who is asking and where, from any interaction: the core's view of a Discord request. */
export function commandRequestOf(interaction: BaseInteraction, now: Date): CommandRequest {
  return {
    platform: 'discord',
    user: { id: interaction.user.id, name: displayNameOf(interaction) },
    ...(interaction.guildId ? { serverId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    now,
    // Discord computes the member's permissions in the channel, overwrites included; absent in DMs.
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    ...(interaction.inGuild() ? { missingPostPermissions: POST_PERMISSIONS.filter(([flag]) => !interaction.appPermissions.has(flag)).map(([, name]) => name) } : {}),
    ...(interaction.inGuild() ? { botMayMentionAnyRole: interaction.appPermissions.has(PermissionFlagsBits.MentionEveryone) } : {}),
    ...(interaction.isChatInputCommand() ? rolesOf(interaction.options.data) : {}),
  };
}

/** The roles picked in a command's role options, as Discord resolved them (a `Role`, or its API object). */
function rolesOf(options: readonly CommandInteractionOption[]): Pick<CommandRequest, 'roles'> {
  const roles = Object.fromEntries(options.flatMap((o) => (o.role ? [[o.role.id, { mentionable: o.role.mentionable === true }]] : [])));
  return Object.keys(roles).length > 0 ? { roles } : {};
}

/** What a daily post needs in its channel (the invite asks for exactly these), with the names Discord shows. */
const POST_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** The name people see: the server nickname, else the global display name, else the user name. */
function displayNameOf(interaction: BaseInteraction): string {
  const member = interaction.member;
  if (member && 'displayName' in member) return member.displayName;
  if (member && 'nick' in member && member.nick) return member.nick;
  return interaction.user.displayName;
}
