import { INPUT_LIMITS, stripControlCharacters, type CommandRegistry } from '../../core/index.ts';

/**
 * The text a mention asks about, or undefined when the bot is not really addressed: a mention inside a code
 * block, inline code or a quote is someone quoting a message, not talking to the bot, so it does not count.
 * The bot's own mention is removed; at most `INPUT_LIMITS.paste` characters are read.
 */
export function mentionedText(text: string, botUserId: string): string | undefined {
  const bounded = text.slice(0, INPUT_LIMITS.paste);
  const mention = new RegExp(`<@${botUserId.replace(/\W/g, '')}(\\|[^>]*)?>`, 'g');
  const outsideQuotes = bounded
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*(&gt;|>)/.test(line))
    .join('\n');
  if (!mention.test(outsideQuotes)) return undefined;
  return bounded.replace(mention, ' ').trim();
}

/**
 * What a mention or DM asks for: a lone command word (`help`, `quiz`) or a line starting with `/` runs that
 * command, as typed after `/docker`; nothing at all asks for `help`; anything else is a question for `ask`.
 */
export function commandLineOf(registry: CommandRegistry, text: string): string {
  // Read as the registry will read it: without control characters, so a message of NULs is an empty one.
  const trimmed = stripControlCharacters(text).trim();
  if (!trimmed) return 'help';
  if (trimmed.startsWith('/')) return trimmed.slice(1);
  if (/^[a-z-]+$/i.test(trimmed) && registry.get(trimmed)) return trimmed;
  return `ask ${trimmed}`;
}

/**
 * Text as Slack sent it (links as `<url|label>`, `&`, `<`, `>` escaped) as the person typed it: links
 * become their label or address, entities are decoded. Mentions (`<@U…>`) stay as they are; the core
 * quotes user text safely wherever it repeats it.
 */
export function typedText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]*)(?:\|([^>]*))?>/g, (_, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
