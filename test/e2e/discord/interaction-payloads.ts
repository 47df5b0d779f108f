import { randomBytes } from 'node:crypto';

/** Where an interaction comes from, and who sends it. */
export interface Origin {
  user: { id: string; username: string; global_name?: string | null };
  /** A server and channel, or a DM with the bot when absent. */
  guildId?: string;
  channelId: string;
  /** The member's permissions in the channel (a bitfield as a string); servers only. */
  permissions?: string;
  nick?: string | null;
  /** The bot's own permissions in the channel, as Discord reports them (`app_permissions`). Default: Embed Links and Attach Files. */
  appPermissions?: string;
}

export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1200000000000000002';
export const DM_CHANNEL_ID = '1200000000000000003';
/** Everything a plain member has, without Manage Server (1 << 5). */
export const MEMBER_PERMISSIONS = '2248473465835073';
/** A moderator's: the member's plus Manage Server. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));

export const user = (id: string, username: string, globalName: string | null = null): Origin['user'] => ({ id, username, global_name: globalName });
export const inServer = (who: Origin['user'], extra: Partial<Origin> = {}): Origin => ({
  user: who,
  guildId: GUILD_ID,
  channelId: CHANNEL_ID,
  permissions: MEMBER_PERMISSIONS,
  ...extra,
});
export const inDm = (who: Origin['user']): Origin => ({ user: who, channelId: DM_CHANNEL_ID });

let counter = 0n;
/** A snowflake: the time since Discord's epoch in the high bits, a counter in the low ones. */
export const snowflake = (): string => String(((BigInt(Date.now()) - 1_420_070_400_000n) << 22n) | (counter++ & 0x3fffffn));

export interface CommandOption {
  name: string;
  type: number;
  value: string | number | boolean;
  focused?: boolean;
  /** A role option's role, which Discord sends in the command's `resolved.roles`. */
  resolvedRole?: Record<string, unknown>;
}

/** A string option (type 3). */
export const text = (name: string, value: string, focused?: boolean): CommandOption => ({ name, type: 3, value, ...(focused ? { focused } : {}) });

/** A role option (type 8): its value is the role's id, and the role itself goes into `resolved.roles`. */
export const roleOption = (name: string, id: string, fields: { mentionable: boolean; name?: string }): CommandOption => ({
  name,
  type: 8,
  value: id,
  resolvedRole: { id, name: fields.name ?? 'Study pings', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 1, permissions: '0', managed: false, mentionable: fields.mentionable, flags: 0 },
});

/** A slash command, as Discord dispatches it in INTERACTION_CREATE. */
export function slashCommand(name: string, options: CommandOption[], origin: Origin, applicationId: string): Record<string, unknown> {
  const roles = Object.fromEntries(options.flatMap((o) => (o.resolvedRole ? [[String(o.value), o.resolvedRole]] : [])));
  const plain = options.map(({ resolvedRole: _role, ...option }) => option);
  return base(2, origin, applicationId, {
    id: snowflake(),
    name,
    type: 1,
    options: plain,
    ...(Object.keys(roles).length > 0 ? { resolved: { roles } } : {}),
    ...(origin.guildId ? { guild_id: origin.guildId } : {}),
  });
}

/** Typing into an option with autocomplete; the option being typed is `focused`. */
export function autocomplete(name: string, options: CommandOption[], origin: Origin, applicationId: string): Record<string, unknown> {
  return base(4, origin, applicationId, { id: snowflake(), name, type: 1, options, ...(origin.guildId ? { guild_id: origin.guildId } : {}) });
}

/** A press of the button `customId` on `message`. */
/** A submitted modal: its id and the value of each text input, by custom id. */
export function modalSubmit(customId: string, values: Record<string, string>, origin: Origin, applicationId: string): Record<string, unknown> {
  const components = Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] }));
  return base(5, origin, applicationId, { custom_id: customId, components });
}

/** A slash command with a file attached to its attachment option `option`, served from `url`. */
export function slashCommandWithFile(name: string, option: string, file: { url: string; size: number; filename: string }, origin: Origin, applicationId: string): Record<string, unknown> {
  const id = snowflake();
  const interaction = slashCommand(name, [{ name: option, type: 11, value: id }], origin, applicationId);
  const data = interaction['data'] as Record<string, unknown>;
  data['resolved'] = { attachments: { [id]: { id, filename: file.filename, size: file.size, url: file.url, proxy_url: file.url, content_type: 'text/plain; charset=utf-8' } } };
  return interaction;
}

export function buttonPress(customId: string, message: Record<string, unknown>, origin: Origin, applicationId: string): Record<string, unknown> {
  return { ...base(3, origin, applicationId, { custom_id: customId, component_type: 2 }), message };
}

/** A message the bot sent, as Discord returns it: the content, embeds, components and flags it was given. */
export function botMessage(data: Record<string, unknown>, fields: { id: string; type: number; channelId: string; applicationId: string }): Record<string, unknown> {
  return {
    id: fields.id,
    type: fields.type,
    channel_id: fields.channelId,
    author: { id: fields.applicationId, username: 'Stevedore', discriminator: '0000', avatar: null, bot: true },
    content: data['content'] ?? '',
    embeds: data['embeds'] ?? [],
    components: data['components'] ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: data['flags'] ?? 0,
    webhook_id: fields.applicationId,
  };
}

/** The message the bot posted, as Discord shows it on a later button interaction. */
export function postedMessage(data: Record<string, unknown>, origin: Origin, applicationId: string, interactionId: string): Record<string, unknown> {
  return {
    ...botMessage({ ...data, content: '' }, { id: snowflake(), type: 20, channelId: origin.channelId, applicationId }),
    application_id: applicationId,
    interaction_metadata: { id: interactionId, type: 2, user: origin.user, authorizing_integration_owners: {} },
  };
}

function base(type: number, origin: Origin, applicationId: string, data: Record<string, unknown>): Record<string, unknown> {
  const fullUser = { ...origin.user, discriminator: '0', avatar: null };
  const where = origin.guildId
    ? {
        guild_id: origin.guildId,
        guild: { id: origin.guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel: { id: origin.channelId, type: 0, guild_id: origin.guildId, name: 'study-hall' },
        member: {
          user: fullUser,
          roles: [],
          permissions: origin.permissions ?? MEMBER_PERMISSIONS,
          nick: origin.nick ?? null,
          avatar: null,
          joined_at: '2026-01-01T00:00:00.000Z',
          deaf: false,
          mute: false,
          flags: 0,
        },
        context: 0,
        authorizing_integration_owners: { '0': origin.guildId },
      }
    : {
        user: fullUser,
        channel: { id: origin.channelId, type: 1, recipients: [fullUser] },
        context: 1,
        authorizing_integration_owners: { '0': '0' },
      };
  return {
    id: snowflake(),
    application_id: applicationId,
    type,
    token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
    version: 1,
    data,
    channel_id: origin.channelId,
    app_permissions: origin.appPermissions ?? '49152',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...where,
  };
}
