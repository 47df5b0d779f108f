/** The bot could not connect to Discord at start-up; the message is one line a person can act on. */
export class DiscordStartError extends Error {
  override readonly name = 'DiscordStartError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
