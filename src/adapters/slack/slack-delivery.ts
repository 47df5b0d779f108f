import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.ts';
import type { Logger } from '../../logger.ts';
import { renderBlocks, type RenderOptions, type SlackMessage } from './render-blocks.ts';
import { describeSlackError, NO_ACCESS_ERRORS, slackErrorCode, TOKEN_LOST_ERRORS } from './slack-errors.ts';
import { SLACK_LIMITS } from './slack-limits.ts';

/** Where a reply goes in Slack. */
export type SlackDestination =
  /** A new message in a conversation (a thread when `threadTs` is set); only `onlyFor` sees it when set. */
  | { kind: 'post'; channel: string; threadTs?: string; onlyFor?: string }
  /**
   * Through a slash command's or button's `response_url`, which needs no channel membership. A picture
   * and a file are uploaded to `uploadTo` (a file cannot be ephemeral); without it, the reply shows the picture
   * as text and notes that the file could not be attached.
   */
  | { kind: 'respond'; respond: RespondFn; visible: 'in_channel' | 'ephemeral'; replaceOriginal: boolean; uploadTo?: UploadPlace };

/** A conversation (and thread) a picture or file is uploaded into. */
export interface UploadPlace {
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

/** Above a diagram's text drawing on a message only its reader sees, where Slack cannot attach a file. */
const PRIVATE_PICTURE_HINT = 'Only you can see this message, and Slack cannot attach pictures to it, so here it is in text.';

/** The note that takes the place of a reply's file (the explainer's full report) when it could not be uploaded. */
export const FILE_UPLOAD_HINT =
  'I could not attach the full report here (invite me to the channel, or ask an admin to grant `files:write`); `npm run explain` prints the same report.';

/** The same note on a message only its reader sees, which Slack cannot attach a file to. */
const PRIVATE_FILE_HINT = 'Only you can see this message, and Slack cannot attach the full report to it; `npm run explain` prints the same report.';

/**
 * Sends core replies to Slack. A picture, and then a file (the explainer's full report), are uploaded first
 * (`files.uploadV2`: `files.getUploadURLExternal`, the bytes, then `files.completeUploadExternal`) into the
 * conversation, and the message follows; where an upload is refused (not in the channel, a missing scope),
 * the message carries the picture's text drawing, or a one-line note in place of the file, instead.
 * Ephemeral replies cannot carry files, so they always take the text drawing and the note.
 */
export class SlackDelivery {
  readonly #options: SlackDeliveryOptions;

  constructor(options: SlackDeliveryOptions) {
    this.#options = options;
  }

  /** Sends `reply`; never throws (a failure is logged, and a lost token reported). Resolves to whether it was sent. */
  async send(reply: Reply, to: SlackDestination, label: string): Promise<boolean> {
    try {
      const message = await this.#messageWithUploads(reply, to, label);
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

  render(reply: Reply, hints: Pick<RenderOptions, 'imageAsText' | 'fileHint'> = {}): SlackMessage {
    return renderBlocks(reply, { commandNames: this.#options.commandNames, ...hints });
  }

  /**
   * Uploads the reply's picture and file (in that order) where `to` allows, and renders the message; what could
   * not be uploaded is shown as text (the picture) or named in a one-line hint (the file).
   */
  async #messageWithUploads(reply: Reply, to: SlackDestination, label: string): Promise<SlackMessage> {
    if (!reply.image && !reply.file) return this.render(reply);
    const place = to.kind === 'respond' ? to.uploadTo : to.onlyFor ? undefined : to;
    const hints: Pick<RenderOptions, 'imageAsText' | 'fileHint'> = {};
    if (reply.image) {
      const uploaded =
        place &&
        (await this.#upload(place, label, {
          file: Buffer.from(reply.image.png),
          filename: reply.image.name,
          title: reply.title ?? reply.image.name,
          alt_text: reply.image.alt.slice(0, SLACK_LIMITS.altText),
        }));
      if (!uploaded) hints.imageAsText = place ? UPLOAD_HINT : PRIVATE_PICTURE_HINT;
    }
    if (reply.file) {
      const uploaded = place && (await this.#upload(place, label, { file: Buffer.from(reply.file.data), filename: reply.file.name, title: reply.file.description }));
      if (!uploaded) hints.fileHint = place ? FILE_UPLOAD_HINT : PRIVATE_FILE_HINT;
    }
    return this.render(reply, hints);
  }

  /** `files.uploadV2` into `place`; resolves to false when Slack refuses (logged), throws when the token is lost. */
  async #upload(place: UploadPlace, label: string, file: { file: Buffer; filename: string; title: string; alt_text?: string }): Promise<boolean> {
    try {
      await (place.threadTs
        ? this.#options.client.files.uploadV2({ ...file, channel_id: place.channel, thread_ts: place.threadTs })
        : this.#options.client.files.uploadV2({ ...file, channel_id: place.channel }));
      return true;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code && TOKEN_LOST_ERRORS.has(code)) throw error;
      this.#options.logger.warn(`${label}: could not upload ${file.filename}: ${describeSlackError(error)}${code && NO_ACCESS_ERRORS.has(code) ? '' : ' (unexpected)'}`);
      return false;
    }
  }
}

function thread(threadTs: string | undefined): { thread_ts?: string } {
  return threadTs ? { thread_ts: threadTs } : {};
}
