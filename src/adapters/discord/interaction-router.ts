import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { handleAction, type CommandRegistry, type CoreServices } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { autocompleteChoices } from './autocomplete-choices.ts';
import { buttonPlan } from '../button-plan.ts';
import { commandArguments } from './command-arguments.ts';
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

  const onCommand = (interaction: ChatInputCommandInteraction) => {
    const request = commandRequestOf(interaction, now());
    const slow = registry.get(interaction.commandName)?.command.slow === true;
    return respondToInteraction(interaction, () => registry.execute(interaction.commandName, commandArguments(interaction), request, services), {
      style: 'reply',
      deferFirst: slow,
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

  const onAutocomplete = async (interaction: AutocompleteInteraction) => {
    const focused = interaction.options.getFocused(true);
    const spec = registry.get(interaction.commandName)?.arguments.find((a) => a.name === focused.name);
    const choices = spec?.autocomplete ? autocompleteChoices(spec.autocomplete, String(focused.value), { registry, services }) : [];
    await interaction.respond(choices);
  };

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else logger.debug(`ignored an interaction of type ${interaction.type}`);
    } catch (error) {
      logger.error(`interaction ${interaction.id} failed: ${describeDiscordError(error)}`);
    }
  };
}
