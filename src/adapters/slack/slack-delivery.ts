import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { renderBlocks, type SlackMessage } from './render-blocks.ts';
import { describeSlackError, NO_ACCESS_ERRORS, slackErrorCode, TOKEN_LOST_ERRORS } from './slack-errors.ts';
import { SLACK_LIMITS } from './slack-limits.ts';

/** Where a reply goes in Slack. */
export type SlackDestination =
  /** A new message in a conversation (a thread when `threadTs` is set); only `onlyFor` sees it when set. */
  | { kind: 'post'; channel: string; threadTs?: string; onlyFor?: string }
  /**
   * Through a slash command's or button's `response_url`, which needs no channel membership. A picture is
   * uploaded to `pictureTo` (a file cannot be ephemeral); without it, the reply shows the picture as text.
   */
  | { kind: 'respond'; respond: RespondFn; visible: 'in_channel' | 'ephemeral'; replaceOriginal: boolean; pictureTo?: PicturePlace };

/** A conversation (and thread) a picture is uploaded into. */
export interface PicturePlace {
  channel: string;
  threadTs?: string;
}

export interface SlackDeliveryOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** The registry's command names, so `/quiz` in the core's words reads `/docker quiz`. */
  commandNames: readonly string[];
  /** Called when Slack says the bot token no longer works (revoked, app uninstalled, account inactive). */
  onTokenLost: (code: string) => void;
}

/** The hint shown above a diagram's text drawing when its picture could not be uploaded. */
export const UPLOAD_HINT =
  'I could not upload the picture here (invite me to the channel, or ask an admin to grant `files:write`), so here it is in text.';

/**
 * Sends core replies to Slack. A picture is uploaded first (`files.uploadV2`: `files.getUploadURLExternal`,
 * the bytes, then `files.completeUploadExternal`) into the conversation, and the message follows; where the
 * upload is refused (not in the channel, a missing scope), the message carries the picture's text drawing
 * and a one-line hint instead. Ephemeral replies cannot carry files, so they always show the text drawing.
 */
export class SlackDelivery {
  readonly #options: SlackDeliveryOptions;

  constructor(options: SlackDeliveryOptions) {
    this.#options = options;
  }

  /** Sends `reply`; never throws (a failure is logged, and a lost token reported). Resolves to whether it was sent. */
  async send(reply: Reply, to: SlackDestination, label: string): Promise<boolean> {
    try {
      const message = await this.#messageWithPicture(reply, to, label);
      if (to.kind === 'respond') {
        await to.respond({ ...message, response_type: to.visible, replace_original: to.replaceOriginal });
      } else if (to.onlyFor) {
        await this.#options.client.chat.postEphemeral({ ...message, channel: to.channel, user: to.onlyFor, ...thread(to.threadTs) });
      } else {
        await this.#options.client.chat.postMessage({ ...message, channel: to.channel, ...thread(to.threadTs), unfurl_links: false, unfurl_media: false });
      }
      return true;
    } catch (error) {
      this.report(error, `${label}: could not send the answer`);
      return false;
    }
  }

  /** Logs a Slack error, and reports a token that no longer works. */
  report(error: unknown, what: string): void {
    const code = slackErrorCode(error);
    if (code && TOKEN_LOST_ERRORS.has(code)) {
      this.#options.logger.error(`${what}: ${describeSlackError(error)}; the bot token no longer works`);
      this.#options.onTokenLost(code);
      return;
    }
    this.#options.logger.warn(`${what}: ${describeSlackError(error)}`);
  }

  render(reply: Reply, imageAsText?: string): SlackMessage {
    return renderBlocks(reply, { commandNames: this.#options.commandNames, ...(imageAsText !== undefined ? { imageAsText } : {}) });
  }

  async #messageWithPicture(reply: Reply, to: SlackDestination, label: string): Promise<SlackMessage> {
    if (!reply.image) return this.render(reply);
    const place = to.kind === 'respond' ? to.pictureTo : to.onlyFor ? undefined : to;
    if (!place) return this.render(reply, 'Only you can see this message, and Slack cannot attach pictures to it, so here it is in text.');
    try {
      const file = {
        file: Buffer.from(reply.image.png),
        filename: reply.image.name,
        title: reply.title ?? reply.image.name,
        alt_text: reply.image.alt.slice(0, SLACK_LIMITS.altText),
      };
      await (place.threadTs
        ? this.#options.client.files.uploadV2({ ...file, channel_id: place.channel, thread_ts: place.threadTs })
        : this.#options.client.files.uploadV2({ ...file, channel_id: place.channel }));
      return this.render(reply);
    } catch (error) {
      const code = slackErrorCode(error);
      if (code && TOKEN_LOST_ERRORS.has(code)) throw error;
      this.#options.logger.warn(`${label}: could not upload ${reply.image.name}: ${describeSlackError(error)}${code && NO_ACCESS_ERRORS.has(code) ? '' : ' (unexpected)'}`);
      return this.render(reply, UPLOAD_HINT);
    }
  }
}

function thread(threadTs: string | undefined): { thread_ts?: string } {
  return threadTs ? { thread_ts: threadTs } : {};
}
