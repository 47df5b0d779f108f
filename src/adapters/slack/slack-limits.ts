/**
 * Slack's limits on what an app may send, as documented for Block Kit (blocks, block elements, composition
 * objects) and App Home views. The renderers cut to fit them; the end-to-end suite checks every payload
 * against its own copy of these numbers.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholderText: 150,
  /** The top-level `text` of a message; Slack truncates past 40,000, and notifications show far less. */
  messageText: 40_000,
  altText: 2000,
  /** A modal's title, and its submit and close buttons. */
  modalTitle: 24,
  inputLabel: 2000,
  inputHint: 2000,
  /** The most a `plain_text_input` takes (`max_length`). */
  plainTextInput: 3000,
} as const;
