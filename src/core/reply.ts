/** What kind of message a reply is; adapters pick colours and icons from it. */
export type ReplyTone = 'answer' | 'info' | 'unsure' | 'error' | 'success';

export type ActionStyle = 'primary' | 'secondary' | 'success' | 'danger';

/** A button. Its id is compact and versioned (see `core/action-id.ts`) and at most 100 characters. */
export interface ReplyAction {
  id: string;
  label: string;
  style: ActionStyle;
}

/** The longest button label every platform shows whole (Slack 75, Discord 80). */
export const MAX_BUTTON_LABEL = 75;

/** A button label cut to `MAX_BUTTON_LABEL` with an ellipsis when longer. */
export function buttonLabel(text: string): string {
  return text.length <= MAX_BUTTON_LABEL ? text : `${text.slice(0, MAX_BUTTON_LABEL - 1).trimEnd()}…`;
}

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface ReplyImage {
  /** File name, e.g. `image-vs-container.png`. */
  name: string;
  png: Uint8Array;
  /** What the picture shows, for screen readers. */
  alt: string;
  /** The same picture in box-drawing characters, at most 60 columns, where an image cannot be shown. */
  fallbackText: string;
}

/** A file sent with a reply, such as a full report that does not fit a message. */
export interface ReplyFile {
  /** File name, e.g. `explanation.md`. */
  name: string;
  /** The file's bytes (UTF-8 for text). */
  data: Uint8Array;
  /** Its media type, e.g. `text/markdown; charset=utf-8`. */
  mediaType: string;
  /** What the file holds, one line. */
  description: string;
}

/**
 * A platform-neutral message. `text` uses a small Markdown subset (bold, italics, inline code, code blocks,
 * lists, links); adapters translate it and enforce their platform's limits.
 */
export interface Reply {
  tone: ReplyTone;
  title?: string;
  text: string;
  fields?: ReplyField[];
  image?: ReplyImage;
  /** A file attachment beside the image: the full text of something the message shows cut. */
  file?: ReplyFile;
  /** Rows of buttons. */
  actions?: ReplyAction[][];
  footer?: string;
  /** Shown only to the person who asked, where the platform can. */
  ephemeral?: boolean;
}
