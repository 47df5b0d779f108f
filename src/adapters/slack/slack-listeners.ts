import type { App as BoltApp, webApi } from '@slack/bolt';
import { decodeAction, describeFailure, handleAction, INPUT_LIMITS, type CommandRegistry, type CommandRequest, type CoreServices, type Reply } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { buttonPlan } from '../button-plan.ts';
import { buildHomeView, HOME_TOPIC_MENU } from './app-home.ts';
import { parseDockerCommand } from './docker-command.ts';
import { commandLineOf, mentionedText, typedText } from './mention-text.ts';
import { pastedValue, pasteModal, readPasteModalId } from './paste-modal.ts';
import type { SlackDelivery, SlackDestination } from './slack-delivery.ts';
import type { SlackPeople } from './slack-people.ts';

export interface SlackListenerOptions {
  registry: CommandRegistry;
  services: CoreServices;
  logger: Logger;
  delivery: SlackDelivery;
  people: SlackPeople;
  /** The bot's own user id (`auth.test`), to find its mention in a message. */
  botUserId: string;
  now: () => Date;
  /**
   * How long a press of one button on one message by one person blocks an identical press: a double click
   * counts once.
   *
   * @defaultValue 5000
   */
  pressWindowMs?: number;
  /**
   * Whether a person is a workspace admin or owner (`users.info`, asked afresh each time): who may change a
   * channel's daily quiz, besides whoever set it.
   *
   * @defaultValue nobody is
   */
  isWorkspaceAdmin?: (userId: string) => Promise<boolean>;
}

const DAY_MS = 86_400_000;

/** Buttons whose press changes the progress the Home tab shows. */
const PROGRESS_ACTIONS: ReadonlySet<string> = new Set(['grade', 'undo', 'reset', 'forget']);

/**
 * Connects Bolt's listeners to the core. Mentions are answered in a thread under the message (or the thread
 * they were made in), DMs in the DM; `/docker` runs the registry's commands (a command missing its pasted
 * block opens a form, answered in the person's DM); buttons and the Home tab's menus run `handleAction`. Every request is acknowledged before any work; events are handled once per
 * `event_id` (claimed in the Store, so retries and a second process change nothing); no listener throws.
 */
export function listenToSlack(bolt: BoltApp, options: SlackListenerOptions): void {
  const { registry, services, logger, delivery, people, botUserId, now } = options;
  const pressWindowMs = options.pressWindowMs ?? 5_000;

  const requestOf = async (userId: string, teamId: string | undefined, channelId: string | undefined): Promise<CommandRequest> => {
    const person = await people.person(userId);
    return {
      platform: 'slack',
      user: { id: userId, name: person.name },
      // The leaderboard is per workspace, DMs included: a Slack DM still belongs to one workspace.
      ...(teamId ? { serverId: teamId } : {}),
      ...(channelId ? { channelId } : {}),
      now: now(),
      timeZone: person.timeZone,
    };
  };

  /**
   * The request for a command: `/docker daily` other than `status` also carries whether the person is a
   * workspace admin (one `users.info` call), which only that command needs.
   */
  const commandRequest = async (name: string, args: Record<string, unknown>, userId: string, teamId: string | undefined, channelId: string | undefined) => {
    const request = await requestOf(userId, teamId, channelId);
    if (name !== 'daily' || (args['action'] ?? 'status') === 'status') return request;
    return { ...request, canManageServer: (await options.isWorkspaceAdmin?.(userId)) === true };
  };

  const run = async (label: string, work: () => Promise<Reply>): Promise<Reply> => {
    try {
      return await work();
    } catch (error) {
      logger.error(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof Error && error.stack) logger.debug(error.stack);
      return describeFailure(error);
    }
  };

  const claim = (id: string, keepMs: number) =>
    services.store.claimDelivery(id, now(), keepMs).catch((error: unknown) => {
      // Better a rare second answer than none at all while the database is unreachable.
      logger.warn(`could not claim ${id}: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    });

  /** A mention's or DM's text as a command (`help`, `/quiz mcq`) or a question, answered where it was asked. */
  const answerText = async (text: string, at: { user: string; team?: string; channel: string; threadTs?: string; inDm: boolean }) => {
    const parsed = parseDockerCommand(registry, commandLineOf(registry, text));
    const label = parsed.ok ? `mention ${parsed.name}` : 'mention';
    const reply = await run(label, async () =>
      parsed.ok ? registry.execute(parsed.name, parsed.args, await commandRequest(parsed.name, parsed.args, at.user, at.team, at.channel), services) : parsed.reply,
    );
    // In a DM everything is private already; in a channel personal replies are shown to the asker alone.
    const onlyFor = reply.ephemeral && !at.inDm ? { onlyFor: at.user } : {};
    await delivery.send(reply, { kind: 'post', channel: at.channel, ...(at.threadTs ? { threadTs: at.threadTs } : {}), ...onlyFor }, label);
  };

  bolt.event('app_mention', async ({ event, body }) => {
    // Edits re-send the mention; other bots are not learners.
    if (event.edited || event.bot_id || event.subtype || !event.user) return;
    const text = mentionedText(event.text, botUserId);
    if (text === undefined) return;
    if (!(await claim(`slack:event:${body.event_id}`, DAY_MS))) return logger.debug(`event ${body.event_id} handled already`);
    await answerText(typedText(text), { user: event.user, team: body.team_id, channel: event.channel, threadTs: event.thread_ts ?? event.ts, inDm: false });
  });

  bolt.message(async ({ message, body }) => {
    // Only plain messages people type in the DM with the bot: no edits, deletions, bot posts or file shares.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    if (!(await claim(`slack:event:${body.event_id}`, DAY_MS))) return logger.debug(`event ${body.event_id} handled already`);
    const text = typedText((message.text ?? '').slice(0, INPUT_LIMITS.paste).replaceAll(`<@${botUserId}>`, ' '));
    await answerText(text, { user: message.user, team: body.team_id, channel: message.channel, ...(message.thread_ts ? { threadTs: message.thread_ts } : {}), inDm: true });
  });

  bolt.command('/docker', async ({ command, ack, respond, client }) => {
    await ack();
    const parsed = parseDockerCommand(registry, typedText(command.text.slice(0, INPUT_LIMITS.paste + 1)));
    const label = parsed.ok ? `/docker ${parsed.name}` : '/docker';
    // A command that takes a pasted block, given none: a form asks for it, and the answer comes in the DM.
    const entry = parsed.ok ? registry.get(parsed.name) : undefined;
    const paste = entry?.arguments.find((a) => a.paste);
    if (parsed.ok && entry && paste && !String(parsed.args[paste.name] ?? '').trim()) {
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: pasteModal(entry, paste) });
        return;
      } catch (error) {
        // Answered below as a missing argument, which says how to give it in the command.
        delivery.report(error, `${label}: could not open the form`);
      }
    }
    const reply = await run(label, async () =>
      parsed.ok
        ? registry.execute(parsed.name, parsed.args, await commandRequest(parsed.name, parsed.args, command.user_id, command.team_id, command.channel_id), services)
        : parsed.reply,
    );
    // `respond` works in channels the bot is not in; personal views and errors stay with the asker.
    const visible = reply.ephemeral ? 'ephemeral' : 'in_channel';
    const uploadTo = visible === 'in_channel' ? { uploadTo: { channel: command.channel_id } } : {};
    await delivery.send(reply, { kind: 'respond', respond, visible, replaceOriginal: false, ...uploadTo }, label);
  });

  bolt.view(/^paste:/, async ({ ack, view, body, client }) => {
    await ack();
    const target = readPasteModalId(view.callback_id);
    const spec = target && registry.get(target.command)?.arguments.find((a) => a.name === target.argument && a.paste);
    if (!target || !spec) return logger.debug(`ignored a form with the id ${view.callback_id.slice(0, 100)}`);
    const user = body.user.id;
    const label = `/docker ${target.command} (form)`;
    const reply = await run(label, async () =>
      registry.execute(target.command, { [spec.name]: pastedValue(view.state.values, spec.name) }, await requestOf(user, body.team?.id ?? body.user.team_id, undefined), services),
    );
    // To the person alone, in their DM with the bot: unlike an ephemeral message it can carry the full report
    // as a file, and it is still there after a reload.
    const dm = await client.conversations.open({ users: user }).then(
      (opened) => opened.channel?.id ?? user,
      (error: unknown) => {
        delivery.report(error, `${label}: could not open the DM`);
        // A user id as the channel still posts to the app's Messages tab; only the file may not follow.
        return user;
      },
    );
    await delivery.send(reply, { kind: 'post', channel: dm }, label);
  });

  bolt.action(/.*/, async ({ body, action, ack, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const id =
      action.type === 'button' && 'action_id' in action
        ? action.action_id
        : action.type === 'static_select' && action.action_id.startsWith(HOME_TOPIC_MENU)
          ? action.selected_option?.value
          : undefined;
    if (!id) return;
    const user = body.user.id;
    const team = body.team?.id ?? body.user.team_id;
    const container = body.container as { type?: string; message_ts?: string; thread_ts?: string; channel_id?: string; is_ephemeral?: boolean };
    const channel = body.channel?.id ?? container.channel_id;
    const where = container.message_ts ?? body.view?.id ?? 'none';
    if (!(await claim(`slack:press:${team ?? ''}:${user}:${where}:${id.slice(0, INPUT_LIMITS.actionId + 1)}`, pressWindowMs))) {
      return logger.debug('a second press of the same button ignored');
    }
    const label = `button ${id.split(':').slice(0, 2).join(':').slice(0, 40)}`;
    const reply = await run(label, async () => handleAction(id, await requestOf(user, team, channel), services));

    const inDm = channel?.startsWith('D') === true;
    let to: SlackDestination;
    if (container.type === 'view' || !channel) {
      // From the Home tab: cards and topics go to the app's Messages tab, the DM with the bot.
      to = { kind: 'post', channel: user };
    } else {
      const plan = buttonPlan(id, container.is_ephemeral === true || inDm);
      const message = body.message as { ts?: string; thread_ts?: string } | undefined;
      // A picture from a public message goes into its thread, for everyone there (a diagram is the same for
      // all, and a file cannot be ephemeral); one from an ephemeral message stays private, as text. In the
      // DM it simply follows, threaded only when the message was.
      const threadTs = message?.thread_ts ?? (inDm ? undefined : message?.ts);
      to = {
        kind: 'respond',
        respond,
        visible: inDm ? 'in_channel' : 'ephemeral',
        replaceOriginal: plan.style === 'update' && reply.tone !== 'error',
        ...(container.is_ephemeral ? {} : { uploadTo: { channel, ...(threadTs ? { threadTs } : {}) } }),
      };
    }
    await delivery.send(reply, to, label);
    // The Home tab shows progress: after a grade, an undo, a reset or a deletion it is out of date.
    if (PROGRESS_ACTIONS.has(decodeAction(id)?.action ?? '')) await publishHome(client, user, team);
  });

  const publishHome = async (client: webApi.WebClient, user: string, team: string | undefined) => {
    const stats = await run('home', async () => registry.execute('stats', {}, await requestOf(user, team, undefined), services));
    const topics = services.knowledge.topics.map((t) => ({ id: t.id, title: t.title }));
    try {
      await client.views.publish({ user_id: user, view: buildHomeView(delivery.render(stats), topics) });
    } catch (error) {
      delivery.report(error, 'could not publish the Home tab');
    }
  };

  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    if (!(await claim(`slack:event:${body.event_id}`, DAY_MS))) return;
    await publishHome(client, event.user, body.team_id);
  });
}
