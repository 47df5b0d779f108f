/**
 * The longest input each kind of argument accepts, the same on every front end (Discord `max_length`, the
 * Slack `/docker` parser, the console). Inputs are cut or refused at these bounds before any search, parse or
 * store call sees them, so no single message can buy more than a bounded amount of work.
 */
export const INPUT_LIMITS = {
  /** A question (`/ask`, a mention, a console line), in characters. Longer text is cut, not refused. */
  question: 2000,
  /** A topic, diagram or command name, in characters. Longer names are refused. */
  name: 100,
  /** A pasted docker command or Dockerfile, in UTF-16 code units (64 KiB). Longer pastes are refused. */
  paste: 64 * 1024,
  /** How much of a partly typed value autocomplete reads, in characters; the rest is ignored. */
  completionPrefix: 200,
  /** A button id, in characters (Discord's `custom_id` maximum). */
  actionId: 100,
} as const satisfies Record<string, number>;

export type InputKind = keyof typeof INPUT_LIMITS;
