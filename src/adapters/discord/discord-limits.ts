/**
 * Discord's limits on what a bot may send, as documented for embeds, message components, application commands
 * and autocomplete. The renderers cut to fit them; the end-to-end suite checks every payload against its own
 * copy of these numbers.
 */
export const DISCORD_LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  /** Title, description, field names and values, footer and author together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  attachmentDescription: 1024,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
  /** A string option's `max_length`. */
  optionStringLength: 6000,
  modalTitle: 45,
  textInputLabel: 45,
  /** A modal's paragraph text input. */
  textInputLength: 4000,
} as const;

/**
 * `text` cut to at most `max` UTF-16 units, ending in an ellipsis when cut. A surrogate pair is never split,
 * and a code block the cut leaves open is closed.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  let cut = cutAt(text, end);
  while (cut.length > max && end > 0) {
    end -= cut.length - max;
    cut = cutAt(text, end);
  }
  return cut;
}

function cutAt(text: string, end: number): string {
  const safeEnd = /[\uD800-\uDBFF]/.test(text.charAt(end - 1)) ? end - 1 : end;
  const cut = `${text.slice(0, Math.max(0, safeEnd)).trimEnd()}…`;
  const openFence = (cut.match(/```/g)?.length ?? 0) % 2 === 1;
  return openFence ? `${cut}\n\`\`\`` : cut;
}
