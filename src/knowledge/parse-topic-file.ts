import { parse as parseYaml, YAMLParseError } from 'yaml';
import { TOPIC_LIMITS, TopicFrontMatterSchema, type Topic } from './topic-schema.ts';
import type { KnowledgeProblem } from './knowledge-problem.ts';

export type ParseTopicResult = { ok: true; topic: Topic } | { ok: false; problems: KnowledgeProblem[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one knowledge file (YAML front matter + Markdown body) and checks it on its own. */
export function parseTopicFile(file: string, source: string): ParseTopicResult {
  const match = FRONT_MATTER.exec(source.replace(/^\uFEFF/, ''));
  if (!match) {
    return fail(file, 'front matter', 'the file must start with a `---` line, YAML front matter, and a closing `---` line');
  }
  const [, yamlText = '', rawBody = ''] = match;

  let data: unknown;
  try {
    data = parseYaml(yamlText, { prettyErrors: true });
  } catch (error) {
    const reason = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return fail(file, 'front matter', `is not valid YAML: ${reason}`);
  }

  const parsed = TopicFrontMatterSchema.safeParse(data);
  const problems: KnowledgeProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.length > 0 ? issue.path.join('.') : 'front matter',
        message: issue.message,
      }));

  const body = rawBody.trim();
  if (body.length === 0) problems.push({ file, field: 'body', message: 'must not be empty' });
  if (body.length > TOPIC_LIMITS.bodyMax) {
    problems.push({
      file,
      field: 'body',
      message: `is ${body.length} characters; keep it under ${TOPIC_LIMITS.bodyMax} and move the rest into a related topic`,
    });
  }
  const unsupported = findUnsupportedMarkdown(body);
  if (unsupported) problems.push({ file, field: 'body', message: unsupported });
  const expectedId = file.replace(/\.md$/, '');
  if (parsed.success && parsed.data.id !== expectedId) {
    problems.push({ file, field: 'id', message: `must match the file name (expected "${expectedId}")` });
  }

  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, topic: { ...parsed.data, body, file } };
}

function fail(file: string, field: string, message: string): ParseTopicResult {
  return { ok: false, problems: [{ file, field, message }] };
}

/**
 * Chat platforms render only a small Markdown subset (bold, italics, inline code, code blocks, lists, links):
 * Discord embeds and Slack sections show tables and headings as raw symbols.
 */
function findUnsupportedMarkdown(body: string): string | undefined {
  let inCode = false;
  for (const [index, line] of body.split('\n').entries()) {
    if (line.trimStart().startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    if (/^\s*\|/.test(line)) return `line ${index + 1} is a table row; chat platforms cannot show tables, use a list`;
    if (/^\s*#{1,6}\s/.test(line)) return `line ${index + 1} is a heading; use **bold** text instead`;
  }
  return undefined;
}
