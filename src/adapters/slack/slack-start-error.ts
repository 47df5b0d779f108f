/** The bot could not connect to Slack at start-up; the message is one line a person can act on. */
export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
