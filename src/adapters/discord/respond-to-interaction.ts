import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionEditReplyOptions, type ModalSubmitInteraction } from 'discord.js';
import { describeFailure, type Reply } from '../../core/index.ts';
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

/** How an interaction ended, as its log entry says. */
export type InteractionOutcome = 'answered' | 'deferred' | 'failed' | 'delivery-failed';

/** How the interaction was acknowledged before its answer was ready. */
type Acknowledgement = 'none' | 'update' | 'public' | 'ephemeral';

type AnyInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * Runs the core's work for an interaction and sends its reply within Discord's rules. Discord wants a first
 * response within 3 seconds: work marked slow starts only once its acknowledgement ("thinking…", or a silent
 * acknowledgement of a button) has been sent, so no other request's work can delay it; other work is
 * acknowledged when it has not finished after `deferAfterMs`. The reply then replaces the acknowledgement, and
 * a placeholder is removed only after its replacement was accepted. A handler that throws gets the core's
 * failure reply (`describeFailure`); when Discord refuses an answer, the user gets a clear message by whatever
 * route still works and no "thinking…" is left behind. Each failure is logged with the interaction id, and
 * every interaction ends with one info entry `interaction handled` with the fields `interaction` (its id),
 * `kind` (the label), `latencyMs` (from the start of the work to the end of delivery) and `outcome`:
 * `answered`, `deferred` (answered after an acknowledgement), `failed` (the handler threw; the user got the
 * failure reply) or `delivery-failed` (Discord refused the acknowledgement or the reply). No user text.
 * Never throws.
 */
export async function respondToInteraction(interaction: AnyInteraction, work: () => Reply | Promise<Reply>, options: RespondOptions): Promise<void> {
  const { logger } = options;
  const label = `${options.label} (interaction ${interaction.id})`;
  const started = performance.now();
  let threw = false;
  const handled = (outcome: InteractionOutcome) =>
    logger.info('interaction handled', { interaction: interaction.id, kind: options.label, latencyMs: Math.round(performance.now() - started), outcome });
  const run = (): Promise<Reply> =>
    Promise.resolve()
      .then(work)
      .catch((error: unknown): Reply => {
        threw = true;
        logger.error(`${label} failed: ${describeDiscordError(error)}`);
        if (error instanceof Error && error.stack) logger.debug(error.stack);
        return describeFailure(error);
      });

  let acknowledgement: Acknowledgement = 'none';
  let outcome: Promise<Reply> | undefined;
  if (!options.deferFirst) {
    outcome = run();
    if (!(await runsLate(outcome, options.deferAfterMs))) return finish(await outcome);
  }
  try {
    acknowledgement = await acknowledge(interaction, options);
  } catch (error) {
    // Without a first response Discord accepts nothing more for this interaction.
    logger.warn(`${label}: could not acknowledge the interaction: ${describeDiscordError(error)}`);
    handled('delivery-failed');
    return;
  }
  return finish(await (outcome ?? run()));

  async function finish(reply: Reply): Promise<void> {
    const delivered = await deliver(interaction, reply, acknowledgement, options, label);
    handled(!delivered ? 'delivery-failed' : threw ? 'failed' : acknowledgement === 'none' ? 'answered' : 'deferred');
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

async function acknowledge(interaction: AnyInteraction, options: RespondOptions): Promise<Acknowledgement> {
  if (options.style === 'update' && interaction.isButton()) {
    await interaction.deferUpdate();
    return 'update';
  }
  await interaction.deferReply(options.alwaysEphemeral ? { flags: MessageFlags.Ephemeral } : {});
  return options.alwaysEphemeral ? 'ephemeral' : 'public';
}

/**
 * Sends the reply by the route the acknowledgement left open; when Discord refuses it, falls back so the user
 * is told and no placeholder stays. Resolves to whether the reply itself arrived.
 */
async function deliver(interaction: AnyInteraction, reply: Reply, acknowledgement: Acknowledgement, options: RespondOptions, label: string): Promise<boolean> {
  const ephemeral = options.alwaysEphemeral || reply.ephemeral === true;
  const message = renderReply({ ...reply, ephemeral });
  // An error never replaces a card: it comes as a message of its own.
  const inPlace = options.style === 'update' && reply.tone !== 'error' && interaction.isButton();
  const attempt = async (what: string, send: () => Promise<unknown>): Promise<boolean> => {
    try {
      await send();
      return true;
    } catch (error) {
      options.logger.warn(`${label}: could not ${what}: ${describeDiscordError(error)}`);
      return false;
    }
  };
  const failureNotice = renderReply(FAILURE_REPLIES.deliveryFailed);
  const tellPrivately = () => attempt('send the failure notice', () => interaction.followUp(failureNotice));

  switch (acknowledgement) {
    case 'none': {
      const sent = await attempt('send the answer', () => (inPlace && interaction.isButton() ? interaction.update(asEdit(message)) : interaction.reply(message)));
      if (!sent && !interaction.replied && !interaction.deferred) await attempt('send the failure notice', () => interaction.reply(failureNotice));
      return sent;
    }
    case 'update': {
      const sent = await attempt('send the answer', () => (inPlace ? interaction.editReply(asEdit(message)) : interaction.followUp(message)));
      if (!sent) await tellPrivately();
      return sent;
    }
    case 'public':
    case 'ephemeral': {
      if ((acknowledgement === 'ephemeral') === ephemeral) {
        if (await attempt('edit the placeholder into the answer', () => interaction.editReply(asEdit(message)))) return true;
        await tellPrivately();
        await attempt('remove the placeholder', () => interaction.deleteReply());
        return false;
      }
      // Whether a message is ephemeral is fixed when it is created: the answer comes as a new message, and the
      // public placeholder goes only once that message was accepted.
      if (await attempt('send the answer as a follow-up', () => interaction.followUp(message))) {
        await attempt('remove the placeholder', () => interaction.deleteReply());
        return true;
      }
      const notice = asEdit(renderReply({ ...FAILURE_REPLIES.deliveryFailed, ephemeral: false }));
      if (!(await attempt('edit the placeholder into the failure notice', () => interaction.editReply(notice)))) {
        await attempt('remove the placeholder', () => interaction.deleteReply());
      }
      return false;
    }
  }
}

/** An edit cannot change whether a message is ephemeral, and the new content replaces every old attachment. */
function asEdit(message: DiscordMessage): InteractionEditReplyOptions {
  const { embeds, components, files, allowedMentions } = message;
  return { embeds, components, files, allowedMentions, attachments: [] };
}
