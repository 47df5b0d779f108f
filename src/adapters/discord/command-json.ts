import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgumentSpec, CommandRegistry, RegisteredCommand } from '../../core/index.ts';
import { DISCORD_LIMITS as LIMIT } from './discord-limits.ts';

/**
 * A pasted block can also come as an attached file (which wins), since a slash command's text box is one line;
 * with neither, the bot opens a modal (see `paste-modal.ts`).
 */
export const PASTE_FILE_OPTION = 'file';
const PASTE_FILE_OPTION_JSON: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Attachment,
  name: PASTE_FILE_OPTION,
  description: 'Or attach it as a text file (at most 64 KB)',
  required: false,
};

/** What Discord accepts as a command or option name. */
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Every command of the registry as Discord slash-command JSON, in the registry's order. */
export function commandsJson(registry: CommandRegistry): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return registry.list().map(commandJson);
}

/**
 * One command as a slash command. Commands that change a server's settings are hidden from members without
 * Manage Server (`default_member_permissions`) and offered in servers only; the rest also work in DMs with
 * the bot. Throws when the registry holds something Discord would refuse, so `npm test` catches it.
 */
export function commandJson(entry: RegisteredCommand): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const { command } = entry;
  check(NAME.test(command.name), `command name "${command.name}" is not a Discord command name`);
  check(command.description.length <= LIMIT.commandDescription, `/${command.name}: description over ${LIMIT.commandDescription}`);
  check(entry.arguments.length <= LIMIT.commandOptions, `/${command.name}: more than ${LIMIT.commandOptions} options`);
  const managesServer = command.permission === 'manage-server';
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    // Discord wants required options before optional ones.
    options: [
      ...entry.arguments.map((spec) => (spec.paste ? { ...spec, required: false } : spec)).toSorted((a, b) => Number(b.required) - Number(a.required)).map((spec) => optionJson(command.name, spec)),
      ...(entry.arguments.some((a) => a.paste) ? [PASTE_FILE_OPTION_JSON] : []),
    ],
    default_member_permissions: managesServer ? String(PermissionFlagsBits.ManageGuild) : null,
    contexts: managesServer ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/**
 * A command as published to one server: `contexts` and `integration_types` are for global commands only (a
 * server's own commands exist only there), so they are left out.
 */
export function guildCommandJson(json: RESTPostAPIChatInputApplicationCommandsJSONBody): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const local = { ...json };
  delete local.contexts;
  delete local.integration_types;
  return local;
}

function optionJson(commandName: string, spec: ArgumentSpec): APIApplicationCommandBasicOption {
  const where = `/${commandName} ${spec.name}`;
  check(NAME.test(spec.name), `${where}: not a Discord option name`);
  check(spec.description.length <= LIMIT.commandDescription, `${where}: description over ${LIMIT.commandDescription}`);
  const base = { name: spec.name, description: spec.description, required: spec.required };
  switch (spec.type) {
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer };
    case 'string': {
      if (spec.choices) {
        check(spec.choices.length <= LIMIT.optionChoices, `${where}: more than ${LIMIT.optionChoices} choices`);
        return { ...base, type: ApplicationCommandOptionType.String, choices: spec.choices.map((c) => ({ name: c, value: c })) };
      }
      // Discord's role picker: the value is the role's id, and the role arrives resolved with the command.
      if (spec.kind === 'role') return { ...base, type: ApplicationCommandOptionType.Role };
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        // Longer values cannot be typed into a slash command; pastes past it come as a file or through the modal.
        ...(spec.maxLength !== undefined ? { max_length: Math.min(spec.maxLength, LIMIT.optionStringLength) } : {}),
        ...(spec.autocomplete ? { autocomplete: true } : {}),
      };
    }
  }
}

function check(condition: boolean, problem: string): asserts condition {
  if (!condition) throw new Error(`Cannot build the Discord command JSON: ${problem}`);
}
