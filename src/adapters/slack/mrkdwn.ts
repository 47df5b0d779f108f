/**
 * The core's Markdown subset (bold, italics, inline code, code blocks, lists, links, `\`-escapes) as Slack
 * mrkdwn, with `&`, `<` and `>` escaped everywhere, so no text can form a Slack control sequence such as
 * `<!channel>`, `<!here>`, `<@U…>` or `<#C…>`. The only `<…>` this module writes are links to http(s) URLs.
 */

/** `&`, `<` and `>` as Slack wants them escaped in any text it parses. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Characters that start or end formatting in mrkdwn; an escaped one is followed by a zero-width space. */
const FORMATTING = new Set(['*', '_', '~', '`']);
/** Marks bold while italics are translated: a private-use character, removed from the input first. */
const BOLD = '\uE000';

/**
 * Translates `markdown` (the core's subset) into Slack mrkdwn. Bold `**x**` becomes `*x*`, italics `*x*`
 * become `_x_`, links `[text](https://…)` become `<https://…|text>`, `- ` list items become bullets, `#`
 * headings become bold lines; code spans and blocks are kept, their contents escaped only. Linear in the
 * length of the text.
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.replaceAll(BOLD, '').split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inCode = !inCode;
      // Slack has no language tags: a lone word after the fence (```dockerfile) is dropped.
      out.push(`\`\`\`${escapeMrkdwn(line.trimStart().slice(3).replace(/^[\w+-]+$/, ''))}`);
      continue;
    }
    out.push(inCode ? escapeMrkdwn(line) : proseLine(line));
  }
  return out.join('\n');
}

/** One line outside code blocks: code spans and links are kept apart from the text around them. */
function proseLine(line: string): string {
  const heading = /^#{1,6}\s+(.*)$/.exec(line);
  if (heading) return `*${inline(heading[1]!).replace(/\*/g, '')}*`;
  const bullet = /^(\s*)[-*] (.*)$/.exec(line);
  if (bullet) return `${bullet[1]}• ${inline(bullet[2]!)}`;
  return inline(line);
}

function inline(text: string): string {
  const pieces: string[] = [];
  // Code spans, links, and escapes are tokens; everything between them is plain text.
  const token = /`([^`]+)`|\[([^\]\n]+)\]\((https?:\/\/[^\s()<>|]+)\)|\\([\\`*_~|>#[\]()])/g;
  let at = 0;
  for (const match of text.matchAll(token)) {
    pieces.push(formatPlain(text.slice(at, match.index)));
    const [, code, label, url, escaped] = match;
    if (code !== undefined) pieces.push(`\`${escapeMrkdwn(code)}\``);
    else if (url !== undefined) pieces.push(`<${url.replace(/&/g, '&amp;')}|${formatPlain(label!)}>`);
    else pieces.push(FORMATTING.has(escaped!) ? `${escaped}\u200B` : escapeMrkdwn(escaped!));
    at = match.index + match[0].length;
  }
  pieces.push(formatPlain(text.slice(at)));
  return pieces.join('');
}

/** Plain text with bold and italics translated, everything else escaped. */
function formatPlain(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])/g, '$1_$2_')
    .replaceAll(BOLD, '*');
}
