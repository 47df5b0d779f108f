import { createHmac } from 'node:crypto';
import { BOT } from './fake-slack.ts';

/** The signing secret the HTTP-mode tests share with the bot. */
export const SIGNING_SECRET = '3c1d0e5f7a9b2c4d6e8f0a1b3c5d7e9f';

let events = 0;
let ts = 1_800_000_000;
const nextTs = () => `${++ts}.000200`;

/** Slack's signature headers over `body`, as Slack computes them (`v0:<timestamp>:<body>`, HMAC-SHA256). */
export function sign(body: string, at = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET): Record<string, string> {
  const mac = createHmac('sha256', secret).update(`v0:${at}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(at), 'x-slack-signature': `v0=${mac}` };
}

/** An Events API callback around `event`, with a fresh `event_id` unless one is given. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${++events}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
  };
}

/** `@Stevedore <text>` in a channel (in a thread when `threadTs` is given). */
export function mention(text: string, options: { user?: string; channel?: string; threadTs?: string; extra?: Record<string, unknown> } = {}) {
  const at = nextTs();
  return {
    type: 'app_mention',
    user: options.user ?? 'UADA',
    text: `<@${BOT.userId}> ${text}`,
    ts: at,
    channel: options.channel ?? 'CGENERAL',
    event_ts: at,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...options.extra,
  };
}

/** A message in the DM with the bot. */
export function directMessage(text: string, options: { user?: string; extra?: Record<string, unknown> } = {}) {
  const at = nextTs();
  return { type: 'message', channel_type: 'im', channel: 'DADA', user: options.user ?? 'UADA', text, ts: at, event_ts: at, ...options.extra };
}

/** `/docker <text>` as Slack posts it (form fields), answering to `responseUrl`. */
export function slashCommand(text: string, responseUrl: string, options: { user?: string; channel?: string } = {}): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: BOT.teamId,
    team_domain: 'test',
    channel_id: options.channel ?? 'CGENERAL',
    channel_name: 'general',
    user_id: options.user ?? 'UADA',
    user_name: 'ada',
    command: '/docker',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${++events}`,
  };
}

/** Where a button was pressed: a message in a channel (ephemeral or not), the DM, or the Home tab. */
export type PressedOn =
  | { kind: 'message'; channel: string; ts: string; ephemeral?: boolean; threadTs?: string }
  | { kind: 'home' };

/** A `block_actions` payload for pressing a button (or choosing a menu option, when `selected` is given). */
export function blockAction(actionId: string, on: PressedOn, responseUrl: string, options: { user?: string; selected?: string } = {}): Record<string, unknown> {
  const action = options.selected
    ? { type: 'static_select', action_id: actionId, block_id: 'b1', selected_option: { text: { type: 'plain_text', text: 'x' }, value: options.selected }, action_ts: nextTs() }
    : { type: 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, action_ts: nextTs() };
  const base = {
    type: 'block_actions',
    user: { id: options.user ?? 'UADA', username: 'ada', name: 'ada', team_id: BOT.teamId },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${++events}`,
    team: { id: BOT.teamId, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
  };
  if (on.kind === 'home') {
    return { ...base, container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home', team_id: BOT.teamId, blocks: [], state: { values: {} } } };
  }
  return {
    ...base,
    container: { type: 'message', message_ts: on.ts, channel_id: on.channel, is_ephemeral: on.ephemeral === true, ...(on.threadTs ? { thread_ts: on.threadTs } : {}) },
    channel: { id: on.channel, name: on.channel.startsWith('D') ? 'directmessage' : 'general' },
    ...(on.ephemeral ? {} : { message: { type: 'message', ts: on.ts, ...(on.threadTs ? { thread_ts: on.threadTs } : {}), text: 'x', user: BOT.userId, bot_id: BOT.botId } }),
    response_url: responseUrl,
    state: { values: {} },
  };
}

/** `app_home_opened` on the Home tab. */
export function homeOpened(user = 'UADA') {
  return { type: 'app_home_opened', user, channel: 'DADA', tab: 'home', event_ts: nextTs() };
}

/** A `view_submission` of a modal with one input (`blockId`, `actionId`) holding `value`, as Slack posts it. */
export function viewSubmission(callbackId: string, input: { blockId: string; actionId: string; value: string }, options: { user?: string } = {}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: BOT.teamId, domain: 'test' },
    user: { id: options.user ?? 'UADA', username: 'ada', name: 'ada', team_id: BOT.teamId },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${++events}`,
    view: {
      id: 'VMODAL',
      team_id: BOT.teamId,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: '',
      blocks: [],
      state: { values: { [input.blockId]: { [input.actionId]: { type: 'plain_text_input', value: input.value } } } },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      app_id: 'A1',
      bot_id: BOT.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
