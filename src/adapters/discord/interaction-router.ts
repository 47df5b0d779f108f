import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import { describeProblem, handleAction, type CommandRegistry, type CoreServices } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { autocompleteChoices } from './autocomplete-choices.ts';
import { buttonPlan } from '../button-plan.ts';
import { commandArguments } from './command-arguments.ts';
import { PASTE_FILE_OPTION } from './command-json.ts';
import { pasteModal, readPasteModalId } from './paste-modal.ts';
import { readAttachedPaste } from './read-attached-paste.ts';
import { describeDiscordError } from './describe-discord-error.ts';
import { commandRequestOf } from './discord-request.ts';
import { respondToInteraction } from './respond-to-interaction.ts';

export interface InteractionRouterOptions {
  registry: CommandRegistry;
  services: CoreServices;
  logger: Logger;
  /**
   * The clock handed to the core with each request.
   *
   * @defaultValue the system clock
   */
  now?: () => Date;
  /**
   * Acknowledge an interaction whose answer is not ready after this many milliseconds, leaving the rest of
   * Discord's 3-second window for the acknowledgement itself to arrive.
   *
   * @defaultValue 1500
   */
  deferAfterMs?: number;
}

export const INTERACTION_ROUTER_DEFAULTS = { deferAfterMs: 1500 } as const;

/**
 * Turns Discord interactions into core calls: slash commands run through the registry, buttons through
 * `handleAction`, autocomplete reads the knowledge base. The returned handler never throws, so one failed
 * interaction cannot stop the bot.
 */
export function createInteractionRouter(options: InteractionRouterOptions): (interaction: Interaction) => Promise<void> {
  const { registry, services, logger } = options;
  const now = options.now ?? (() => new Date());
  const deferAfterMs = options.deferAfterMs ?? INTERACTION_ROUTER_DEFAULTS.deferAfterMs;

  const onCommand = async (interaction: ChatInputCommandInteraction) => {
    const request = commandRequestOf(interaction, now());
    const entry = registry.get(interaction.commandName);
    const slow = entry?.command.slow === true;
    const raw = commandArguments(interaction);
    // A pasted block: an attached file wins over the text box; with neither, a modal asks for it.
    const paste = entry?.arguments.find((a) => a.paste);
    const file = paste ? interaction.options.getAttachment(PASTE_FILE_OPTION) : null;
    delete raw[PASTE_FILE_OPTION];
    if (entry && paste && !file && (typeof raw[paste.name] !== 'string' || raw[paste.name] === '')) {
      await interaction.showModal(pasteModal(entry, paste));
      return;
    }
    const work = async () => {
      if (!file || !paste) return registry.execute(interaction.commandName, raw, request, services);
      const read = await readAttachedPaste(file);
      return read.ok ? registry.execute(interaction.commandName, { ...raw, [paste.name]: read.text }, request, services) : describeProblem(read.problem);
    };
    return respondToInteraction(interaction, work, {
      style: 'reply',
      deferFirst: slow || file !== null,
      deferAfterMs,
      alwaysEphemeral: false,
      label: `/${interaction.commandName}`,
      logger,
    });
  };

  const onButton = (interaction: ButtonInteraction) => {
    const request = commandRequestOf(interaction, now());
    const plan = buttonPlan(interaction.customId, interaction.message.flags.has(MessageFlags.Ephemeral));
    return respondToInteraction(interaction, () => handleAction(interaction.customId, request, services), {
      style: plan.style,
      deferFirst: plan.slow,
      deferAfterMs,
      alwaysEphemeral: true,
      label: `button ${interaction.customId.split(':').slice(0, 2).join(':')}`,
      logger,
    });
  };

  const onModalSubmit = (interaction: ModalSubmitInteraction) => {
    const target = readPasteModalId(interaction.customId);
    const spec = target && registry.get(target.command)?.arguments.find((a) => a.name === target.argument && a.paste);
    if (!target || !spec) {
      logger.debug(`ignored a modal with the id ${interaction.customId.slice(0, 100)}`);
      return respondToInteraction(interaction, () => describeProblem({ code: 'invalid-action' }), { style: 'reply', deferFirst: false, deferAfterMs, alwaysEphemeral: true, label: 'modal', logger });
    }
    const request = commandRequestOf(interaction, now());
    const value = interaction.fields.getTextInputValue(spec.name);
    return respondToInteraction(interaction, () => registry.execute(target.command, { [spec.name]: value }, request, services), {
      style: 'reply',
      deferFirst: false,
      deferAfterMs,
      alwaysEphemeral: false,
      label: `/${target.command} (modal)`,
      logger,
    });
  };

  const onAutocomplete = async (interaction: AutocompleteInteraction) => {
    const focused = interaction.options.getFocused(true);
    const spec = registry.get(interaction.commandName)?.arguments.find((a) => a.name === focused.name);
    const choices = spec?.autocomplete ? autocompleteChoices(spec.autocomplete, String(focused.value), { registry, services, now: now() }) : [];
    await interaction.respond(choices);
  };

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isModalSubmit()) await onModalSubmit(interaction);
      else logger.debug(`ignored an interaction of type ${interaction.type}`);
    } catch (error) {
      logger.error(`interaction ${interaction.id} failed: ${describeDiscordError(error)}`);
    }
  };
}
