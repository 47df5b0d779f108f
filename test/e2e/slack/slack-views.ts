import type { SlackCall } from './fake-slack.ts';

interface Button {
  actionId: string;
  label: string;
}

/** Every button in a call's blocks (or its view's), in order. */
export function buttonsOf(call: SlackCall): Button[] {
  const blocks = (call.params['blocks'] ?? (call.params['view'] as { blocks?: unknown } | undefined)?.blocks ?? []) as Array<{ type: string; elements?: Array<Record<string, unknown>> }>;
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e['type'] === 'button')
    .map((e) => ({ actionId: String(e['action_id']), label: String((e['text'] as { text: string }).text) }));
}

/** The button labelled `label` in a call's blocks; throws naming the labels there when none matches. */
export function buttonIn(call: SlackCall, label: string | RegExp): string {
  const buttons = buttonsOf(call);
  const found = buttons.find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!found) throw new Error(`no button ${String(label)} among ${buttons.map((b) => b.label).join(', ')}`);
  return found.actionId;
}

/** All the text a person reads in a call's blocks: headers, sections, fields and contexts, joined. */
export function textOf(call: SlackCall): string {
  return JSON.stringify(call.params['blocks'] ?? call.params['view'] ?? '')
    .match(/"text":"((?:[^"\\]|\\.)*)"/g)!
    .map((m) => JSON.parse(m.slice(7)) as string)
    .join('\n');
}
