import { cleanText, groupSimilarQuestions } from '../search/index.ts';
import type { GapRecord } from '../store/index.ts';

/** Answered below this confidence counts as a gap, with abstentions and down-voted answers. */
export const GAP_CONFIDENCE = 0.7;
/** Answered with a topic that explains less than this share of the question counts as a gap too. */
export const GAP_EXPLAINED_SHARE = 0.5;

/** One group of similar questions the knowledge base answered badly or not at all. */
export interface GapSummary {
  /** Distinct wordings, most asked first. */
  questions: { text: string; count: number }[];
  asks: number;
  askers: number;
  lastAsked: Date;
  abstained: number;
  /** Of the abstentions, Docker questions no topic answers: what to write next. */
  notYet: number;
  /** Answers whose topic explained less than {@link GAP_EXPLAINED_SHARE} of the question. */
  partlyExplained: number;
  downVotes: number;
  /** Topics the bot offered, most often first. */
  offered: { topicId: string; count: number }[];
}

/**
 * Nothing to learn from: empty once cleaned, a bare number, or a single character (a stray keypress, a lone
 * emoji).
 */
export function isJunkQuestion(question: string): boolean {
  const cleaned = cleanText(question).replace(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu, '');
  return [...cleaned].length <= 1 || /^\p{N}+$/u.test(cleaned);
}

/** Groups gaps by similar wording (junk left out), most distinct askers first, then most asks, then most recent. */
export function summariseGaps(gaps: readonly GapRecord[]): GapSummary[] {
  return groupSimilarQuestions(gaps.filter((g) => !isJunkQuestion(g.question)), (g) => g.question)
    .map(({ members }) => ({
      questions: countBy(members, (g) => g.question.trim()).map(([text, count]) => ({ text, count })),
      asks: members.length,
      askers: new Set(members.map((g) => g.askerDigest)).size,
      lastAsked: new Date(Math.max(...members.map((g) => g.askedAt.getTime()))),
      abstained: members.filter((g) => !g.answered).length,
      notYet: members.filter((g) => g.abstention === 'not-yet').length,
      partlyExplained: members.filter((g) => g.answered && g.explainedShare !== undefined && g.explainedShare < GAP_EXPLAINED_SHARE).length,
      downVotes: members.reduce((n, g) => n + g.downVotes, 0),
      offered: countBy(members.filter((g) => g.answered && g.topicId), (g) => g.topicId!).map(([topicId, count]) => ({ topicId, count })),
    }))
    .sort((a, b) => b.askers - a.askers || b.asks - a.asks || b.lastAsked.getTime() - a.lastAsked.getTime());
}

/** The report `npm run kb:gaps` prints: what to write or which example question to add. */
export function formatGapReport(summaries: readonly GapSummary[], titleOf: (topicId: string) => string | undefined): string {
  if (summaries.length === 0) return 'No knowledge gaps recorded yet: every question so far was answered confidently and nobody voted one down.';
  const total = summaries.reduce((n, s) => n + s.asks, 0);
  const lines = [`${total} question${total === 1 ? '' : 's'} in ${summaries.length} group${summaries.length === 1 ? '' : 's'}, most asked first.`, ''];
  for (const [i, s] of summaries.entries()) {
    const what = [
      `asked ${times(s.asks)} by ${s.askers} ${s.askers === 1 ? 'person' : 'people'}`,
      `last ${s.lastAsked.toISOString().slice(0, 10)}`,
      s.abstained > 0 ? `abstained ${times(s.abstained)}` : undefined,
      s.notYet > 0 ? `no topic yet (a Docker question) ${times(s.notYet)}` : undefined,
      s.partlyExplained > 0 ? `answered explaining under half of it ${times(s.partlyExplained)}` : undefined,
      s.downVotes > 0 ? `${s.downVotes} 👎` : undefined,
    ].filter(Boolean);
    lines.push(`${i + 1}. ${what.join(' · ')}`);
    for (const q of s.questions.slice(0, 5)) lines.push(`   "${oneLine(q.text)}"${q.count > 1 ? ` ×${q.count}` : ''}`);
    if (s.questions.length > 5) lines.push(`   … and ${s.questions.length - 5} more wordings`);
    if (s.offered.length > 0) {
      lines.push(`   offered: ${s.offered.map((o) => `${titleOf(o.topicId) ?? o.topicId} (${o.count})`).join(', ')}`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
const oneLine = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text).replace(/\s+/g, ' ');

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
