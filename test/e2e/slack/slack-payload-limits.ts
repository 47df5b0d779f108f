/**
 * Slack's documented limits, written out apart from the bot's own `SLACK_LIMITS` so a wrong number there
 * cannot hide here, and the check that no text can form a Slack control sequence. Returns the broken ones,
 * so a failing test names them.
 */
const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  section: 3000,
  sectionField: 2000,
  sectionFields: 10,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  modalBlocks: 100,
  modalTitle: 24,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInput: 3000,
  privateMetadata: 3000,
  callbackId: 255,
};

type Json = Record<string, unknown>;

/** Problems with a message's or view's blocks (`surface` says which limit on their number applies). */
export function blockProblems(blocks: unknown, surface: 'message' | 'home' | 'modal' = 'message', allowedMentions: readonly string[] = []): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || problems.push(what));
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const max = surface === 'home' ? LIMITS.homeBlocks : surface === 'modal' ? LIMITS.modalBlocks : LIMITS.messageBlocks;
  check(blocks.length <= max, `${blocks.length} blocks, over ${max}`);
  const actionIds = new Set<string>();
  for (const block of blocks as Json[]) {
    switch (block['type']) {
      case 'header':
        check(textOf(block['text']).length <= LIMITS.header, `header over ${LIMITS.header}`);
        check((block['text'] as Json)['type'] === 'plain_text', 'header text is not plain_text');
        break;
      case 'section': {
        const text = block['text'] as Json | undefined;
        if (text) check(textOf(text).length <= LIMITS.section && textOf(text).length > 0, `section text empty or over ${LIMITS.section} (${textOf(text).length})`);
        const fields = (block['fields'] as Json[] | undefined) ?? [];
        check(fields.length <= LIMITS.sectionFields, 'more than 10 section fields');
        for (const f of fields) check(textOf(f).length <= LIMITS.sectionField, 'section field over 2000');
        check(Boolean(text) || fields.length > 0, 'a section with neither text nor fields');
        break;
      }
      case 'context': {
        const elements = block['elements'] as Json[];
        check(elements.length > 0 && elements.length <= LIMITS.contextElements, `context with ${elements.length} elements`);
        break;
      }
      case 'actions': {
        const elements = block['elements'] as Json[];
        check(elements.length > 0 && elements.length <= LIMITS.actionsElements, `actions with ${elements.length} elements`);
        for (const element of elements) {
          const id = String(element['action_id'] ?? '');
          check(id.length > 0 && id.length <= LIMITS.actionId, `action_id empty or over ${LIMITS.actionId}`);
          check(!actionIds.has(id), `duplicate action_id ${id}`);
          actionIds.add(id);
          if (element['type'] === 'button') {
            check(textOf(element['text']).length > 0 && textOf(element['text']).length <= LIMITS.buttonText, `button text over ${LIMITS.buttonText}: ${textOf(element['text'])}`);
            if (element['value'] !== undefined) check(String(element['value']).length <= LIMITS.buttonValue, 'button value over 2000');
            if (element['style'] !== undefined) check(['primary', 'danger'].includes(String(element['style'])), `button style ${String(element['style'])}`);
          }
          if (element['type'] === 'static_select') {
            const options = element['options'] as Json[];
            check(options.length > 0 && options.length <= LIMITS.selectOptions, `select with ${options.length} options`);
            for (const o of options) {
              check(textOf(o['text']).length <= LIMITS.optionText, 'option text over 75');
              check(String(o['value']).length <= LIMITS.optionValue, 'option value over 150');
            }
          }
        }
        break;
      }
      case 'divider':
        break;
      case 'input': {
        check(surface === 'modal', 'an input block outside a modal');
        check(textOf(block['label']).length > 0 && textOf(block['label']).length <= LIMITS.inputLabel, `input label empty or over ${LIMITS.inputLabel}`);
        if (block['hint'] !== undefined) check(textOf(block['hint']).length <= LIMITS.inputHint, `input hint over ${LIMITS.inputHint}`);
        const element = block['element'] as Json;
        check(element['type'] === 'plain_text_input', `input element ${String(element['type'])}`);
        const maxLength = Number(element['max_length'] ?? LIMITS.plainTextInput);
        check(maxLength >= 1 && maxLength <= LIMITS.plainTextInput, `plain_text_input max_length ${maxLength}, over ${LIMITS.plainTextInput}`);
        break;
      }
      default:
        problems.push(`unexpected block type ${String(block['type'])}`);
    }
  }
  for (const text of mrkdwnTexts(blocks)) problems.push(...unescapedProblems(text, allowedMentions));
  return problems;
}

function textOf(text: unknown): string {
  return typeof text === 'object' && text !== null ? String((text as Json)['text'] ?? '') : '';
}

/** Every mrkdwn string in a block tree (plain_text is never parsed by Slack, so it cannot ping). */
export function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Json;
  const own = node['type'] === 'mrkdwn' && typeof node['text'] === 'string' ? [node['text']] : [];
  return [...own, ...Object.values(node).flatMap(mrkdwnTexts)];
}

/**
 * Why a mrkdwn text Slack would parse is unsafe: a `<` that opens anything but an http(s) link (`<!channel>`,
 * `<@U…>`, `<#C…>`, `<!subteam^…>`), a link whose label hides another `<`, or a bare `&` that is not an escape.
 * `allowedMentions` are control sequences the message may hold (a daily post's own user group).
 */
export function unescapedProblems(text: string, allowedMentions: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/<([^>]*)>?/g)) {
    if (allowedMentions.includes(match[0])) continue;
    if (!/^https?:\/\/[^\s|<]+\|[^<]*$|^https?:\/\/[^\s|<]+$/.test(match[1] ?? '') || !match[0].endsWith('>')) problems.push(`unescaped "<": ${match[0].slice(0, 40)}`);
  }
  for (const match of text.matchAll(/&(?!amp;|lt;|gt;)[^\s]{0,6}/g)) problems.push(`bare "&": ${match[0]}`);
  return problems;
}

/** Problems with a modal view (`views.open`): its title and buttons, metadata, callback id and blocks. */
export function modalProblems(view: unknown): string[] {
  const modal = view as Json;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || problems.push(what));
  check(modal['type'] === 'modal', 'not a modal');
  for (const key of ['title', 'submit', 'close']) {
    const text = textOf(modal[key]);
    check(key !== 'title' || text.length > 0, 'a modal with no title');
    check(text.length <= LIMITS.modalTitle, `modal ${key} over ${LIMITS.modalTitle}: ${text}`);
  }
  check(String(modal['private_metadata'] ?? '').length <= LIMITS.privateMetadata, 'private_metadata over 3000');
  check(String(modal['callback_id'] ?? '').length <= LIMITS.callbackId, 'callback_id over 255');
  return [...problems, ...blockProblems(modal['blocks'], 'modal')];
}
