import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { ArgumentSpec, RegisteredCommand } from '../../core/index.ts';
import { cutText, DISCORD_LIMITS as LIMIT } from './discord-limits.ts';

const MODAL_ID = /^paste:([a-z][a-z-]{0,31}):([a-z][a-z-]{0,31})$/;

/**
 * The form Discord shows for a pasted block when the slash command came with neither text nor a file: one
 * paragraph field of up to 4,000 characters (Discord's limit for a text input; longer pastes come as a file).
 */
export function pasteModal(entry: RegisteredCommand, spec: ArgumentSpec): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `paste:${entry.command.name}:${spec.name}`,
    title: cutText(`/${entry.command.name}`, LIMIT.modalTitle),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: spec.name,
            style: TextInputStyle.Paragraph,
            label: cutText(`Paste your ${spec.name} here`, LIMIT.textInputLabel),
            min_length: 1,
            max_length: LIMIT.textInputLength,
            required: true,
          },
        ],
      },
    ],
  };
}

/** The command and argument a submitted paste modal is for, or undefined when its id is not one of ours. */
export function readPasteModalId(customId: string): { command: string; argument: string } | undefined {
  const match = MODAL_ID.exec(customId);
  return match ? { command: match[1]!, argument: match[2]! } : undefined;
}
