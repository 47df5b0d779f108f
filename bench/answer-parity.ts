/**
 * Checks that a change to the answer engine's speed changes no answer: records every answer the engine gives
 * to a fixed set of questions on fixed knowledge bases, and compares a later run against that record.
 *
 *   npx tsx bench/answer-parity.ts record answers.json   # on the code before the change
 *   npx tsx bench/answer-parity.ts check answers.json    # on the code after it; exits 1 on any difference
 *
 * `scripts/answer-parity.sh <git-ref>` does both: it records with the engine at `<git-ref>` (in a temporary
 * worktree, with this file and the synthetic generator copied in, so both runs ask the same questions) and
 * checks the working tree against it.
 *
 * The questions: the development evaluation set (`test/eval/*.yaml`, never the sealed set), each of them again
 * with one typo (two neighbouring letters swapped in its longest word, so the spelling correctors are
 * exercised), on the shipped knowledge; and on synthetic bases of 500 and 5,000 topics
 * (`bench/synthetic-topics.ts`), 300 questions paraphrased from their topics and the development questions. For each it keeps
 * what `answer()` returns (answered, abstention, topic, confidence, explained share, suggestions) and the
 * first three topics of `rank()` with their score and confidence at full precision.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { KnowledgeBase, loadKnowledge } from '../src/knowledge/index.ts';
import { AnswerEngine } from '../src/search/index.ts';
import { seededRandom } from '../src/quiz/index.ts';
import { DEVELOPMENT_ADDITIONS, DEVELOPMENT_SET } from '../test/eval/evaluation-set.ts';
import { generateTopics, paraphraseQuestion } from './synthetic-topics.ts';

/** Scores and confidences may differ by floating-point summation order, nothing more. */
const TOLERANCE = 1e-9;
const SYNTHETIC_SIZES = [500, 5_000];
const SYNTHETIC_QUESTIONS = 300;

interface Recorded {
  base: string;
  question: string;
  answered: boolean;
  abstention: string | null;
  topic: string | null;
  confidence: number;
  explainedShare: number;
  suggestions: string[];
  top: Array<{ topic: string; score: number; confidence: number }>;
}

/** The development questions, each also with its longest word's middle letters swapped. */
function developmentQuestions(): string[] {
  const questions = [DEVELOPMENT_SET, DEVELOPMENT_ADDITIONS].flatMap((set) => [...set.onTopic.map((c) => c.q), ...set.offTopic, ...set.uncovered]);
  return [...questions, ...questions.map(withTypo)];
}

function withTypo(question: string): string {
  const words = question.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if (w.length > words[longest]!.length) longest = i;
  });
  const word = words[longest]!;
  if (word.length < 5) return question;
  const at = Math.floor(word.length / 2);
  words[longest] = word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  return words.join(' ');
}

function record(base: string, engine: AnswerEngine, questions: readonly string[]): Recorded[] {
  return questions.map((question) => {
    const a = engine.answer(question);
    return {
      base,
      question,
      answered: a.answered,
      abstention: a.abstention,
      topic: a.topic?.id ?? null,
      confidence: a.confidence,
      explainedShare: a.explainedShare,
      suggestions: a.suggestions.map((s) => s.id),
      top: engine.rank(question).slice(0, 3).map((r) => ({ topic: r.topic.id, score: r.score, confidence: r.confidence })),
    };
  });
}

async function answers(): Promise<Recorded[]> {
  const knowledge = await loadKnowledge();
  const development = developmentQuestions();
  const out = record('shipped', new AnswerEngine(knowledge), development);
  for (const size of SYNTHETIC_SIZES) {
    const topics = generateTopics(size, knowledge.topics);
    const random = seededRandom(size);
    const own = Array.from({ length: SYNTHETIC_QUESTIONS }, () => paraphraseQuestion(topics[Math.floor(random() * topics.length)]!, random));
    out.push(...record(`synthetic-${size}`, new AnswerEngine(new KnowledgeBase(topics)), [...own, ...development]));
  }
  return out;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE;

/** What differs between two records of the same question, in words; empty when nothing does. */
function differences(before: Recorded, after: Recorded): string[] {
  const said: string[] = [];
  for (const key of ['answered', 'abstention', 'topic'] as const) if (before[key] !== after[key]) said.push(`${key} ${before[key]} → ${after[key]}`);
  for (const key of ['confidence', 'explainedShare'] as const) if (!close(before[key], after[key])) said.push(`${key} ${before[key]} → ${after[key]}`);
  if (before.suggestions.join() !== after.suggestions.join()) said.push(`suggestions ${before.suggestions.join()} → ${after.suggestions.join()}`);
  before.top.forEach((b, i) => {
    const a = after.top[i];
    if (!a || a.topic !== b.topic || !close(a.score, b.score) || !close(a.confidence, b.confidence)) {
      said.push(`rank ${i + 1}: ${b.topic} ${b.score}/${b.confidence} → ${a ? `${a.topic} ${a.score}/${a.confidence}` : 'none'}`);
    }
  });
  if (after.top.length !== before.top.length) said.push(`rank length ${before.top.length} → ${after.top.length}`);
  return said;
}

const [mode, file] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'check') || !file) {
  console.error('usage: answer-parity.ts record|check <file.json>');
  process.exit(2);
}
const now = await answers();
if (mode === 'record') {
  writeFileSync(file, JSON.stringify(now));
  console.log(`recorded ${now.length} answers in ${file}`);
} else {
  const before: Recorded[] = JSON.parse(readFileSync(file, 'utf8'));
  if (before.length !== now.length) throw new Error(`recorded ${before.length} answers, now ${now.length}: not the same questions`);
  let differing = 0;
  before.forEach((b, i) => {
    const a = now[i]!;
    if (a.question !== b.question || a.base !== b.base) throw new Error(`question ${i} differs: not the same questions`);
    const said = differences(b, a);
    if (said.length > 0 && ++differing <= 20) console.log(`${b.base}: "${b.question}": ${said.join('; ')}`);
  });
  const bases = [...new Set(now.map((r) => r.base))].map((base) => `${base} ${now.filter((r) => r.base === base).length}`).join(', ');
  console.log(`${now.length - differing} of ${now.length} answers identical (${bases}); tolerance ${TOLERANCE} on scores and confidences`);
  process.exit(differing === 0 ? 0 : 1);
}
