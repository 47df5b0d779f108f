/**
 * The one table from what the Slack front end does to the bot scopes it needs, read by the manifest test
 * (`slack/manifest.yaml` must request exactly these). Work that calls a new Web API method or listens to a
 * new event adds it here and to the manifest together. Scopes as documented on each method's and event's
 * reference page at docs.slack.dev.
 */

/** Web API methods the bot calls with its bot token, and the scopes each needs. */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  /** Also posts to a user id, which lands in the app's Messages tab (the DM with the bot). */
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  /** The reveal of a daily post: its answer, counts and first right answer, without the buttons. */
  'chat.update': ['chat:write'],
  /**
   * Whether the bot is a member of the channel `/docker daily set` runs in (`is_member`): `channels:read` for
   * public channels, `groups:read` for private ones.
   */
  'conversations.info': ['channels:read', 'groups:read'],
  /** The user group a daily post pings, checked by id or handle at `/docker daily set`. */
  'usergroups.list': ['usergroups:read'],
  /** The person's display name and time zone, and whether they are a workspace admin or owner (`/docker daily`). */
  'users.info': ['users:read'],
  /** The Home tab; needs no scope, only the Home tab enabled. */
  'views.publish': [],
  /** The form for a pasted Dockerfile; needs no scope, only the `trigger_id` of the slash command. */
  'views.open': [],
  /** The DM with a person, where a form's answer goes (its id, for posting and uploading there). */
  'conversations.open': ['im:write'],
  /** `files.uploadV2` is these two calls (and a POST of the bytes to the URL the first returns). */
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
};

/**
 * Methods called with the app-level token (`xapp-`), whose scope is granted when the token is generated,
 * not in the manifest.
 */
export const APP_TOKEN_METHODS: Readonly<Record<string, string>> = {
  'apps.connections.open': 'connections:write',
};

/** Events the bot subscribes to (manifest names), and the scopes each needs. */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  app_mention: ['app_mentions:read'],
  /** Messages in the DM with the bot; Bolt's `message` listener, which ignores every other channel type. */
  'message.im': ['im:history'],
  app_home_opened: [],
};

/** Slash commands need the `commands` scope. */
export const COMMAND_SCOPE = 'commands';

/** The bot scopes the manifest must request: those of every method, event and the slash command. */
export function requiredBotScopes(): string[] {
  return [...new Set([...Object.values(METHOD_SCOPES).flat(), ...Object.values(EVENT_SCOPES).flat(), COMMAND_SCOPE])].sort();
}
