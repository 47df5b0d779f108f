import type { types } from '@slack/bolt';
import type { ArgumentSpec, RegisteredCommand } from '../../core/index.ts';
import { cutPlain } from './render-blocks.ts';
import { SLACK_LIMITS as LIMIT } from './slack-limits.ts';

/** The `callback_id` of a paste modal: `paste:<command>:<argument>`, both registry names. */
const MODAL_ID = /^paste:([a-z][a-z-]{0,31}):([a-z][a-z-]{0,31})$/;

/** The `block_id` of the modal's one input block. */
const INPUT_BLOCK = 'paste';

/** What the modal says under its field: Slack's limit, and where a longer paste goes. */
const PASTE_MODAL_HINT =
  'Up to 3,000 characters, the most a Slack form takes. Longer? Save it to a file and run npm run -s explain -- FILE, or attach the file to the command on Discord.';

/**
 * The modal Slack shows for a pasted block when `/docker explain-dockerfile` (or another command with a paste
 * argument) came with no text: one multiline plain-text input of up to 3,000 characters, Slack's limit for a
 * `plain_text_input`. Its `view_submission` carries the `callback_id` that `readPasteModalId` reads.
 */
export function pasteModal(entry: RegisteredCommand, spec: ArgumentSpec): types.ModalView {
  return {
    type: 'modal',
    callback_id: `paste:${entry.command.name}:${spec.name}`,
    title: { type: 'plain_text', text: cutPlain(entry.command.name, LIMIT.modalTitle) },
    submit: { type: 'plain_text', text: 'Explain' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: INPUT_BLOCK,
        label: { type: 'plain_text', text: cutPlain(`Paste your ${spec.name} here`, LIMIT.inputLabel) },
        element: { type: 'plain_text_input', action_id: spec.name, multiline: true, min_length: 1, max_length: LIMIT.plainTextInput },
        hint: { type: 'plain_text', text: PASTE_MODAL_HINT },
      },
    ],
  };
}

/** The command and argument a submitted paste modal is for, or undefined when its id is not one of ours. */
export function readPasteModalId(callbackId: string): { command: string; argument: string } | undefined {
  const match = MODAL_ID.exec(callbackId);
  return match ? { command: match[1]!, argument: match[2]! } : undefined;
}

/** The text typed into a submitted paste modal, as Slack's `view.state.values` gives it. */
export function pastedValue(values: Record<string, Record<string, { value?: string | null }>>, argument: string): string {
  return values[INPUT_BLOCK]?.[argument]?.value ?? '';
}
