import type { Explanation, ExplanationItem, Finding } from '../explain/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { encodeAction } from './action-id.ts';
import { buttonLabel, type Reply, type ReplyAction, type ReplyField } from './reply.ts';
import { defuseMentions as defuse } from './safe-text.ts';

/**
 * How much of an explanation one message shows. Chosen so a reply fits Discord's embed (description 4,096,
 * fields 1,024, 6,000 in all) and a Slack section (3,000) at once; the rest goes into the attached report.
 */
export const EXPLANATION_LIMITS = {
  /** Characters of the item list in the message text. */
  text: 2400,
  /** Findings shown as fields, most severe first. */
  findings: 5,
  /** Characters of one finding's field value. */
  findingValue: 600,
  /** Topic buttons. */
  buttons: 3,
} as const;

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: '⛔ Error', warning: '⚠️ Warning', info: 'ℹ️ Note' };

/**
 * An explanation as a reply: the summary, each item with its topic as a text link, the findings as fields,
 * cut to `EXPLANATION_LIMITS` with "and N more", and then the whole report as a Markdown file attached.
 * Pasted text is shown as inline code with backticks replaced and `@` defused, so it can neither reshape the
 * message nor ping anyone.
 */
export function renderExplanation(explanation: Explanation, knowledge: KnowledgeBase): Reply {
  const title = (id: string | null) => (id ? knowledge.get(id)?.title : undefined);
  const lines = explanation.items.map((item) => itemLine(item, title(item.topic)));
  const shown = fitLines(lines, EXPLANATION_LIMITS.text - explanation.summary.length - 80);
  const hiddenItems = lines.length - shown.length;
  const text = [defuse(explanation.summary), '', ...shown, ...(hiddenItems > 0 ? [`…and ${hiddenItems} more (all in the attached report).`] : [])].join('\n');

  const fields: ReplyField[] = explanation.findings.slice(0, EXPLANATION_LIMITS.findings).map((f) => ({
    name: `${SEVERITY_LABEL[f.severity]} · line ${f.line} · ${f.rule}`,
    value: cut(defuse(`${f.message}\n**Why:** ${f.why}\n**Fix:** ${f.fix}${title(f.topic) ? `\nMore: **${title(f.topic)}**` : ''}`), EXPLANATION_LIMITS.findingValue),
  }));
  const hiddenFindings = explanation.findings.length - fields.length;
  const cutFindings = fields.some((f) => f.value.endsWith('…'));

  const topics = [...new Set([...explanation.findings.map((f) => f.topic), ...explanation.items.map((i) => i.topic)].filter((t): t is string => t !== null && knowledge.has(t)))];
  const buttons: ReplyAction[] = topics.slice(0, EXPLANATION_LIMITS.buttons).map((id) => ({ id: encodeAction({ action: 'explain', topicId: id }), label: buttonLabel(title(id)!), style: 'secondary' }));

  const counts = (['error', 'warning', 'note'] as const).map((s) => [s, explanation.findings.filter((f) => f.severity === (s === 'note' ? 'info' : s)).length] as const).filter(([, n]) => n > 0);
  const footer = [
    counts.length > 0 ? `Findings: ${counts.map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ')}` : 'No findings',
    ...(hiddenFindings > 0 ? [`and ${hiddenFindings} more in the report`] : []),
  ].join(', ');
  const reply: Reply = {
    tone: explanation.findings.some((f) => f.severity === 'error') ? 'unsure' : 'answer',
    title: explanation.kind === 'command' ? 'Your docker command, explained' : 'Your Dockerfile, explained',
    text,
    ...(fields.length > 0 ? { fields } : {}),
    ...(buttons.length > 0 ? { actions: [buttons] } : {}),
    footer: `${footer}.`,
  };
  if (hiddenItems > 0 || hiddenFindings > 0 || cutFindings) {
    reply.file = {
      name: explanation.kind === 'command' ? 'command-explained.md' : 'dockerfile-explained.md',
      data: new TextEncoder().encode(fullReport(explanation, knowledge)),
      mediaType: 'text/markdown; charset=utf-8',
      description: 'The full explanation and every finding',
    };
  }
  return reply;
}

/** The whole explanation as Markdown, for the attached file and for `npm run explain`. */
export function fullReport(explanation: Explanation, knowledge: KnowledgeBase): string {
  const title = (id: string | null) => (id ? knowledge.get(id)?.title : undefined);
  const out = [`# ${explanation.kind === 'command' ? 'Docker command' : 'Dockerfile'} explained`, '', explanation.summary, '', '## What each part does', ''];
  for (const item of explanation.items) out.push(itemLine(item, title(item.topic)));
  out.push('', '## Findings', '');
  if (explanation.findings.length === 0) out.push('None.');
  for (const f of explanation.findings) {
    out.push(`- **${f.severity}**, line ${f.line}, \`${f.rule}\`: ${f.message}`, `  - Why: ${f.why}`, `  - Fix: ${f.fix}`);
    if (title(f.topic)) out.push(`  - More: ${title(f.topic)} (\`/explain ${f.topic}\`)`);
  }
  return `${out.join('\n')}\n`;
}

function itemLine(item: ExplanationItem, topicTitle: string | undefined): string {
  const where = item.line === null ? '' : `line ${item.line}: `;
  return `- ${where}${inlineCode(item.text)}: ${defuse(item.explanation)}${topicTitle ? ` More: **${topicTitle}**` : ''}`;
}

/** Pasted text as inline code: one line, at most 120 characters, no backtick that could close it. */
function inlineCode(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim().replace(/`/g, 'ʼ');
  return `\`${defuse(one.length > 120 ? `${one.slice(0, 119)}…` : one)}\``;
}


function fitLines(lines: readonly string[], budget: number): string[] {
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    const length = Math.min(line.length, 600) + 1;
    if (used + length > budget) break;
    shown.push(cut(line, 600));
    used += length;
  }
  return shown;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
