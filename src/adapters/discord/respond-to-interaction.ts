import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionEditReplyOptions, type ModalSubmitInteraction } from 'discord.js';
import type { Reply } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { describeDiscordError } from './describe-discord-error.ts';
import { FAILURE_REPLIES } from './failure-replies.ts';
import { renderReply, type DiscordMessage } from './render-reply.ts';

export interface RespondOptions {
  /** `update` replaces the message the button is on (buttons only); `reply` sends a new message. */
  style: 'update' | 'reply';
  /** Acknowledge before the work starts, for work that may outlast Discord's 3-second window. */
  deferFirst: boolean;
  /** Acknowledge when the work has not finished within this many milliseconds. */
  deferAfterMs: number;
  /** Send every answer ephemeral, whatever the reply says (answers to buttons are the presser's alone). */
  alwaysEphemeral: boolean;
  /** What the log calls this interaction, e.g. `/ask` or `button reveal`. */
  label: string;
  logger: Logger;
}

/** How the interaction was acknowledged before its answer was ready. */
type Acknowledgement = 'none' | 'update' | 'public' | 'ephemeral';

/**
 * Runs the core's work for an interaction and sends its reply within Discord's rules. Discord wants a first
 * response within 3 seconds: work marked slow is acknowledged at once ("thinking…", or a silent acknowledgement
 * of a button), and other work only when it has not finished after `deferAfterMs`; the reply then replaces
 * the acknowledgement. A handler that throws gets a clear ephemeral error; an answer Discord refuses is
 * logged and, where the interaction can still be reached, the user is told. Never throws.
 */
export async function respondToInteraction(
  interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction,
  work: () => Reply | Promise<Reply>,
  options: RespondOptions,
): Promise<void> {
  const { logger, label } = options;
  const started = performance.now();
  const outcome = Promise.resolve()
    .then(work)
    .catch((error: unknown): Reply => {
      logger.error(`${label} failed: ${describeDiscordError(error)}`);
      if (error instanceof Error && error.stack) logger.debug(error.stack);
      return FAILURE_REPLIES.handlerFailed;
    });

  let acknowledgement: Acknowledgement = 'none';
  if (options.deferFirst || (await runsLate(outcome, options.deferAfterMs))) {
    try {
      acknowledgement = await acknowledge(interaction, options);
    } catch (error) {
      // Without a first response Discord accepts nothing more for this interaction.
      logger.warn(`${label}: could not acknowledge the interaction: ${describeDiscordError(error)}`);
      return;
    }
  }

  const reply = await outcome;
  try {
    await deliver(interaction, reply, acknowledgement, options);
    logger.debug(`${label} answered in ${Math.round(performance.now() - started)} ms${acknowledgement === 'none' ? '' : ' (deferred)'}`);
  } catch (error) {
    logger.warn(`${label}: could not send the answer: ${describeDiscordError(error)}`);
    if (interaction.deferred || interaction.replied) {
      await interaction.followUp(renderReply(FAILURE_REPLIES.deliveryFailed)).catch((again: unknown) => {
        logger.warn(`${label}: could not tell the user either: ${describeDiscordError(again)}`);
      });
    }
  }
}

/** Whether `outcome` is still pending after `ms` milliseconds. */
async function runsLate(outcome: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<true>((resolve) => (timer = setTimeout(resolve, ms, true)));
  const result = await Promise.race([outcome.then(() => false), late]);
  clearTimeout(timer);
  return result;
}

async function acknowledge(interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction, options: RespondOptions): Promise<Acknowledgement> {
  if (options.style === 'update' && interaction.isButton()) {
    await interaction.deferUpdate();
    return 'update';
  }
  await interaction.deferReply(options.alwaysEphemeral ? { flags: MessageFlags.Ephemeral } : {});
  return options.alwaysEphemeral ? 'ephemeral' : 'public';
}

async function deliver(
  interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction,
  reply: Reply,
  acknowledgement: Acknowledgement,
  options: RespondOptions,
): Promise<void> {
  const ephemeral = options.alwaysEphemeral || reply.ephemeral === true;
  const message = renderReply({ ...reply, ephemeral });
  // An error never replaces a card: it comes as a message of its own.
  const inPlace = options.style === 'update' && reply.tone !== 'error' && interaction.isButton();
  switch (acknowledgement) {
    case 'none':
      if (inPlace) await interaction.update(asEdit(message));
      else await interaction.reply(message);
      return;
    case 'update':
      if (inPlace) await interaction.editReply(asEdit(message));
      else await interaction.followUp(message);
      return;
    case 'public':
    case 'ephemeral':
      if ((acknowledgement === 'ephemeral') === ephemeral) {
        await interaction.editReply(asEdit(message));
      } else {
        // Whether a message is ephemeral is fixed when it is created: replace the placeholder with a new one.
        await interaction.deleteReply();
        await interaction.followUp(message);
      }
      return;
  }
}

/** An edit cannot change whether a message is ephemeral, and the new content replaces every old attachment. */
function asEdit(message: DiscordMessage): InteractionEditReplyOptions {
  const { embeds, components, files, allowedMentions } = message;
  return { embeds, components, files, allowedMentions, attachments: [] };
}
