import {
  AttachmentBuilder,
  ButtonStyle,
  Colors,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Reply, ReplyAction, ReplyTone } from '../../core/index.ts';
import { cutText, DISCORD_LIMITS as LIMIT } from './discord-limits.ts';

/** A reply as discord.js sends it: one embed, rows of buttons, attached files, and no pings, ever. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  files: AttachmentBuilder[];
  /** `MessageFlags.Ephemeral` for a reply only its asker sees. */
  flags?: MessageFlags.Ephemeral;
  allowedMentions: { parse: [] };
}

/** Discord's own palette: blurple for answers, greyple for information, yellow, red and green for the rest. */
export const TONE_COLOURS: Record<ReplyTone, number> = {
  answer: Colors.Blurple,
  info: Colors.Greyple,
  unsure: Colors.Yellow,
  error: Colors.Red,
  success: Colors.Green,
};

const BUTTON_STYLES: Record<ReplyAction['style'], ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/** Translates a core reply into a Discord message, cut to fit Discord's limits. */
export function renderReply(reply: Reply): DiscordMessage {
  const embed = renderEmbed(reply);
  const files: AttachmentBuilder[] = [];
  if (reply.image) {
    const name = attachmentName(reply.image.name);
    files.push(new AttachmentBuilder(Buffer.from(reply.image.png), { name, description: cutText(reply.image.alt, LIMIT.attachmentDescription) }));
    embed.image = { url: `attachment://${name}` };
  }
  if (reply.file) {
    const name = reply.file.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'report.txt';
    files.push(new AttachmentBuilder(Buffer.from(reply.file.data), { name, description: cutText(reply.file.description, LIMIT.attachmentDescription) }));
  }
  return {
    embeds: [embed],
    components: renderButtons(reply.actions ?? []),
    files,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
    allowedMentions: { parse: [] },
  };
}

function renderEmbed(reply: Reply): APIEmbed {
  const title = reply.title ? cutText(reply.title, LIMIT.embedTitle) : undefined;
  const footer = reply.footer ? cutText(reply.footer, LIMIT.embedFooter) : undefined;
  const fields: APIEmbedField[] = (reply.fields ?? [])
    .filter((f) => f.name.trim() && f.value.trim())
    .slice(0, LIMIT.embedFields)
    .map((f) => ({ name: cutText(f.name, LIMIT.embedFieldName), value: cutText(f.value, LIMIT.embedFieldValue), ...(f.inline ? { inline: true } : {}) }));

  // The description gives way first when the whole embed would pass 6,000 characters, then the last fields.
  const fixed = () => (title?.length ?? 0) + (footer?.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (fields.length > 0 && fixed() > LIMIT.embedTotal) fields.pop();
  const room = Math.min(LIMIT.embedDescription, LIMIT.embedTotal - fixed());
  const description = reply.text.trim() ? cutText(reply.text, room) : undefined;

  return {
    color: TONE_COLOURS[reply.tone],
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
}

function renderButtons(rows: readonly ReplyAction[][]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  return rows
    .map((row) =>
      row
        // An id Discord would refuse cannot be shortened without breaking it: such a button is left out.
        .filter((action) => action.id.length <= LIMIT.customId && action.label.trim())
        .slice(0, LIMIT.buttonsPerRow)
        .map(
          (action): APIButtonComponentWithCustomId => ({
            type: ComponentType.Button,
            custom_id: action.id,
            label: cutText(action.label, LIMIT.buttonLabel),
            style: BUTTON_STYLES[action.style],
          }),
        ),
    )
    .filter((buttons) => buttons.length > 0)
    .slice(0, LIMIT.actionRows)
    .map((buttons) => ({ type: ComponentType.ActionRow, components: buttons }));
}

/** `attachment://` references need a plain file name. */
function attachmentName(name: string): string {
  const plain = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '');
  return plain.toLowerCase().endsWith('.png') ? plain : `${plain || 'image'}.png`;
}
