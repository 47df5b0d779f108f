/**
 * `npm run eval:loo`: how often the answer engine ranks a topic first for one of the topic's own example
 * questions (`questions:` in `knowledge/*.md`) when that question is not in the knowledge base. A
 * self-supervised ranking benchmark in learner phrasing that touches no evaluation set.
 *
 * Leave one question per topic out: fold `i` removes the `i`-th example question of every topic, builds one
 * engine over what is left, and asks each removed question. Every question is asked exactly once, by an
 * engine that never saw it: not in its phrases, its term weights, its topic's vocabulary, its neighbouring
 * pairs or the speller's words. So the cost is one build per fold (as many as the longest `questions:` list,
 * about 20), not one per question.
 *
 * Prints ranking top-1 accuracy (the first topic of `rank()`, whatever its confidence), how many are answered
 * right and wrong (`answer()` at its threshold), the topic pairs confused most often, and the topics
 * ranked worst. Options: `--misses` prints every miss; `--json` prints the figures as one JSON line;
 * `--scoring '{"queryCoverageExponent":0.5}'` overrides scoring weights (see `ScoringWeights`) for an experiment.
 */
import { pathToFileURL } from 'node:url';
import { KnowledgeBase, loadKnowledge, type Topic } from '../src/knowledge/index.ts';
import { AnswerEngine, type ScoringWeights } from '../src/search/index.ts';

/** One held-out example question and what the engine made of it. */
export interface HeldOutQuestion {
  question: string;
  topic: string;
  /** The first topic of the ranking, or null when no topic shares a word with it. */
  ranked: string | null;
  /** The topic `answer()` answers with, or null when it abstains. */
  answered: string | null;
}

/** Asks every example question of `knowledge` of an engine built without it (see the file's comment). */
export function leaveOneOut(knowledge: KnowledgeBase, scoring: Partial<ScoringWeights> = {}): HeldOutQuestion[] {
  const folds = Math.max(...knowledge.topics.map((t) => t.questions.length));
  const results: HeldOutQuestion[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = knowledge.topics.filter((t) => fold < t.questions.length).map((t) => ({ topic: t.id, question: t.questions[fold]! }));
    const without = (t: Topic): Topic => ({ ...t, questions: t.questions.filter((_, i) => i !== fold) });
    const engine = new AnswerEngine(new KnowledgeBase(knowledge.topics.map(without)), { scoring });
    for (const { topic, question } of held) {
      const answer = engine.answer(question);
      results.push({ question, topic, ranked: engine.rank(question)[0]?.topic.id ?? null, answered: answer.topic?.id ?? null });
    }
  }
  return results;
}

/** The figures of a leave-one-out run. */
export interface LeaveOneOutFigures {
  questions: number;
  /** Share ranked first by their own topic. */
  top1: number;
  /** Share answered (confidence at the threshold) with their own topic. */
  answeredRight: number;
  /** Share answered with another topic. */
  answeredWrong: number;
  /** Topic pairs `expected → ranked first`, most frequent first. */
  confusions: Array<{ expected: string; got: string; count: number }>;
}

export function figuresOf(results: readonly HeldOutQuestion[]): LeaveOneOutFigures {
  const n = results.length;
  const confusions = new Map<string, number>();
  for (const r of results) {
    if (r.ranked === r.topic) continue;
    const key = `${r.topic} → ${r.ranked ?? '(none)'}`;
    confusions.set(key, (confusions.get(key) ?? 0) + 1);
  }
  return {
    questions: n,
    top1: results.filter((r) => r.ranked === r.topic).length / n,
    answeredRight: results.filter((r) => r.answered === r.topic).length / n,
    answeredWrong: results.filter((r) => r.answered !== null && r.answered !== r.topic).length / n,
    confusions: [...confusions]
      .map(([key, count]) => {
        const [expected, got] = key.split(' → ') as [string, string];
        return { expected, got, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const scoringAt = args.indexOf('--scoring');
  const scoring = scoringAt >= 0 ? (JSON.parse(args[scoringAt + 1] ?? '{}') as Partial<ScoringWeights>) : {};
  const knowledge = await loadKnowledge();
  const results = leaveOneOut(knowledge, scoring);
  const figures = figuresOf(results);
  if (args.includes('--json')) {
    const { questions, top1, answeredRight, answeredWrong } = figures;
    console.log(JSON.stringify({ questions, top1, answeredRight, answeredWrong }));
  } else {
    const count = (x: number) => Math.round(x * figures.questions);
    console.log(`leave one question per topic out: ${figures.questions} example questions of ${knowledge.size} topics`);
    console.log(`  ranking top-1:  ${pct(figures.top1)} (${count(figures.top1)})`);
    console.log(`  answered right: ${pct(figures.answeredRight)} (${count(figures.answeredRight)})`);
    console.log(`  answered wrong: ${pct(figures.answeredWrong)} (${count(figures.answeredWrong)})`);
    console.log('  most confused (expected → ranked first):');
    for (const c of figures.confusions.slice(0, 20)) console.log(`    ${String(c.count).padStart(3)}  ${c.expected} → ${c.got}`);
    const perTopic = new Map<string, { right: number; all: number }>();
    for (const r of results) {
      const t = perTopic.get(r.topic) ?? { right: 0, all: 0 };
      t.all++;
      if (r.ranked === r.topic) t.right++;
      perTopic.set(r.topic, t);
    }
    const worst = [...perTopic].sort(([, a], [, b]) => a.right / a.all - b.right / b.all).slice(0, 10);
    console.log('  topics ranked worst:');
    for (const [topic, { right, all }] of worst) console.log(`    ${topic}: ${right}/${all}`);
    if (args.includes('--misses')) {
      for (const r of results) if (r.ranked !== r.topic) console.log(`  miss: ${JSON.stringify(r.question)} expected ${r.topic}, got ${r.ranked ?? '(none)'}`);
    }
  }
}
