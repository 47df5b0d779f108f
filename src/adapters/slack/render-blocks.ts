import type { types } from '@slack/bolt';
import type { Reply, ReplyAction, ReplyTone } from '../../core/index.ts';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.ts';
import { SLACK_LIMITS as LIMIT } from './slack-limits.ts';

type Block = types.KnownBlock;

/** A reply as Slack takes it: Block Kit blocks and the plain `text` notifications and screen readers show. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /**
   * The registry's command names: the core writes `/quiz`, which in Slack is `/docker quiz`.
   *
   * @defaultValue none
   */
  commandNames?: readonly string[];
  /**
   * Show the reply's image as its text drawing (when it could not be uploaded), with this one-line hint.
   *
   * @defaultValue the image is left out (it is uploaded as a file)
   */
  imageAsText?: string;
  /**
   * A one-line note that the reply's file could not be attached (and where the same report is found).
   *
   * @defaultValue none (the file is uploaded beside the message)
   */
  fileHint?: string;
}

/** An emoji before the title says what kind of message it is: Slack blocks have no colours. */
const TONE_MARKS: Record<ReplyTone, string> = { answer: '', info: '', unsure: '🤔 ', error: '⚠️ ', success: '✅ ' };

/**
 * Translates a core reply into Block Kit, cut to fit Slack's limits: the title as a header, the text as
 * sections (split at line breaks, each at most 3,000 characters), each field as a section, buttons as
 * actions blocks, the footer as a context block. Every piece of text goes through `markdownToMrkdwn`, so
 * `&`, `<` and `>` are escaped and nothing can ping.
 */
export function renderBlocks(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const slack = slackCommands(options.commandNames ?? []);
  const title = reply.title ? `${TONE_MARKS[reply.tone]}${slack(reply.title)}` : undefined;
  const content: Block[] = [];
  if (title) content.push({ type: 'header', text: { type: 'plain_text', text: cutPlain(title, LIMIT.headerText), emoji: true } });
  for (const part of splitMrkdwn(markdownToMrkdwn(slack(reply.text)), LIMIT.sectionText)) content.push(section(part));
  for (const field of reply.fields ?? []) {
    if (!field.name.trim() || !field.value.trim()) continue;
    content.push(section(cutMrkdwn(`*${escapeMrkdwn(field.name)}*\n${markdownToMrkdwn(slack(field.value))}`, LIMIT.sectionText)));
  }

  const tail: Block[] = [];
  if (reply.image && options.imageAsText !== undefined) {
    tail.push(section(cutMrkdwn(`\`\`\`\n${escapeMrkdwn(reply.image.fallbackText)}\n\`\`\``, LIMIT.sectionText)));
    tail.push(context(markdownToMrkdwn(options.imageAsText)));
  }
  if (reply.file && options.fileHint !== undefined) tail.push(context(markdownToMrkdwn(slack(options.fileHint))));
  tail.push(...actionBlocks(reply.actions ?? []));
  if (reply.footer) tail.push(context(markdownToMrkdwn(slack(reply.footer))));

  // The text gives way first when the message would pass 50 blocks.
  const room = LIMIT.messageBlocks - tail.length;
  const kept = content.length > room ? [...content.slice(0, room - 1), context('… cut to fit Slack; ask about one part at a time.')] : content;
  const blocks = [...kept, ...tail];
  const summary = title ?? reply.text.split('\n').find((l) => l.trim()) ?? 'Stevedore';
  return { text: cutMrkdwn(markdownToMrkdwn(slack(summary)), 300), blocks };
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutMrkdwn(text, LIMIT.contextText), verbatim: true }] };
}

/** Slack shows two button styles besides the default: green `primary` and red `danger`. */
const BUTTON_STYLES: Record<ReplyAction['style'], 'primary' | 'danger' | undefined> = {
  primary: 'primary',
  success: 'primary',
  danger: 'danger',
  secondary: undefined,
};

/**
 * Rows of buttons as actions blocks; each button's `action_id` is the core's action id. Slack has no disabled
 * button, so a disabled one (a revealed daily post's) is left out, and a row of them with it.
 */
export function actionBlocks(rows: readonly ReplyAction[][]): Block[] {
  return rows
    .map((row) =>
      row
        // An id Slack would refuse cannot be shortened without breaking it: such a button is left out.
        .filter((action) => !action.disabled && action.id.length <= LIMIT.actionId && action.label.trim())
        .slice(0, LIMIT.actionsElements)
        .map((action): types.Button => {
          const style = BUTTON_STYLES[action.style];
          return { type: 'button', action_id: action.id, text: { type: 'plain_text', text: cutPlain(action.label, LIMIT.buttonText), emoji: true }, ...(style ? { style } : {}) };
        }),
    )
    .filter((buttons) => buttons.length > 0)
    .map((elements): Block => ({ type: 'actions', elements }));
}

/** Rewrites the core's `/name` (at a word's start, for a registry command) as Slack's `/docker name`. */
function slackCommands(names: readonly string[]): (text: string) => string {
  if (names.length === 0) return (text) => text;
  const pattern = new RegExp(`(^|[\\s(\`"])/(${names.map((n) => n.replace(/[^a-z0-9-]/g, '')).join('|')})(?![\\w-])`, 'g');
  return (text) => text.replace(pattern, '$1/docker $2');
}

/** Plain text cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Mrkdwn cut to `max` characters, never inside an escape (`&amp;`), a link (`<url|text>`) or a surrogate
 * pair; a code block the cut leaves open is closed.
 */
export function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 5;
  const openEntity = text.lastIndexOf('&', end);
  if (openEntity >= 0 && openEntity > end - 6 && !text.slice(openEntity, end).includes(';')) end = openEntity;
  const openLink = text.lastIndexOf('<', end);
  if (openLink >= 0 && text.indexOf('>', openLink) >= end) end = openLink;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  const cut = `${text.slice(0, end).trimEnd()}…`;
  return (cut.match(/```/g)?.length ?? 0) % 2 === 1 ? `${cut}\n\`\`\`` : cut;
}

/** Mrkdwn in parts of at most `max` characters, split at line breaks (between code blocks where it can). */
export function splitMrkdwn(text: string, max: number): string[] {
  if (!text.trim()) return [];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    current = line;
  }
  parts.push(current);
  return parts.flatMap((part) => (part.length > max ? [cutMrkdwn(part, max)] : [part])).map(balanceFences).filter((p) => p.trim());
}

/** A part that ends inside a code block is closed, and the next part reopens it. */
function balanceFences(part: string, index: number, parts: string[]): string {
  const opensBefore = parts.slice(0, index).reduce((n, p) => n + (p.match(/```/g)?.length ?? 0), 0) % 2 === 1;
  let text = opensBefore ? `\`\`\`\n${part}` : part;
  if ((text.match(/```/g)?.length ?? 0) % 2 === 1) text += '\n```';
  return text.length <= LIMIT.sectionText ? text : cutMrkdwn(text, LIMIT.sectionText);
}
