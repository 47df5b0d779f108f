/**
 * Deterministic synthetic knowledge bases for the scaling benchmark, and questions asked of them.
 *
 * Words follow Zipf's law over one lexicon: the real topics' words first, most frequent first, then a filler
 * lexicon of made-up words that grows with the base (Heaps' law: a bigger base uses more distinct words).
 * A word of rank r is drawn with probability proportional to 1/r, so a few words ("docker", "container",
 * "image") are in many topics, as they are in the real ones, and most words are rare.
 *
 * Each topic belongs to an area (about 20 topics each, like "networking" or "storage" among the real ones)
 * whose words its text draws on, and is about two or three subject words drawn from the middle and the tail
 * of the lexicon: subjects are not unique, so topics share their subject words at the rates a Zipf draw
 * gives (a mid-rank word is the subject of several topics, a tail word of one). Titles, aliases, keywords
 * and example questions are made from the subject and area words in the shapes the real ones have; bodies,
 * summaries and card backs are Zipf prose with the subject and area words mentioned now and then.
 *
 * Questions asked of a topic ({@link paraphraseQuestion}) are not its example questions and do not name its
 * id: a question frame the topic's examples do not use, filled with a subject word or keyword, sometimes an
 * area word or a common word, sometimes with a typo.
 */
import type { Topic } from '../src/knowledge/index.ts';
import { seededRandom } from '../src/quiz/index.ts';

type Random = () => number;

const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Draws words by rank with probability ∝ 1/(rank + 1)^exponent, from `from` (a rank) on. */
class ZipfLexicon {
  readonly words: readonly string[];
  readonly #cumulative: Float64Array;

  constructor(words: readonly string[], exponent = 1) {
    this.words = words;
    this.#cumulative = new Float64Array(words.length);
    let total = 0;
    for (let r = 0; r < words.length; r++) this.#cumulative[r] = total += 1 / (r + 1) ** exponent;
  }

  /** A word of rank `from` or more (0 for any). */
  draw(random: Random, from = 0): string {
    const low0 = from > 0 ? this.#cumulative[from - 1]! : 0;
    const target = low0 + random() * (this.#cumulative.at(-1)! - low0);
    let low = from;
    let high = this.words.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.words[low]!;
  }

  drawMany(random: Random, count: number, from = 0): string[] {
    return Array.from({ length: count }, () => this.draw(random, from));
  }
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z][a-z0-9'-]*[a-z0-9]|[a-z]/g) ?? [];

/** The real topics' words, most frequent first. */
function realWordsByFrequency(topics: readonly Topic[]): string[] {
  const counts = new Map<string, number>();
  for (const t of topics) {
    const text = [t.title, ...t.aliases, ...t.questions, ...t.keywords, t.summary, t.body, ...t.cards.flatMap((c) => [c.front, c.back])].join(' ');
    for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

const CONSONANTS = [...'bcdfghklmnprstvz'];
const VOWELS = [...'aeiou'];

/** Pronounceable made-up words ("kotani", "vesubo") that no real topic uses, each once. */
function madeUpWords(random: Random, count: number, reserved: ReadonlySet<string>): string[] {
  const used = new Set(reserved);
  const out: string[] = [];
  while (out.length < count) {
    const syllables = intBetween(random, 2, 4);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(random, CONSONANTS) + pick(random, VOWELS);
    if (used.has(word)) continue;
    used.add(word);
    out.push(word);
  }
  return out;
}

/** What one synthetic topic is about: its subject words and its area's words. */
interface Subject {
  words: string[];
  area: readonly string[];
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Question frames in the shapes learners use; `{a}` and `{b}` are subject or keyword words, `{c}` an area or common word. */
const FRAMES = [
  'what is {a}',
  'what does {a} do',
  'how do i use {a} with {b}',
  '{a} vs {b}',
  'why is my {a} {c}',
  'when should i use {a} instead of {b}',
  'how does {a} work',
  'can i {c} {a} in {b}',
  'explain {a} {b}',
  '{a} {b} not working',
  'what is the point of {a}',
  'how to {c} a {a}',
  'difference between {a} and {b}',
  'is {a} the same as {b}',
  'help with {a} {c}',
] as const;

function fill(frame: string, a: string, b: string, c: string): string {
  return frame.replace('{a}', a).replace('{b}', b).replace('{c}', c);
}

/** Sentences of 8 to 15 words until about `wordCount` words: Zipf prose, with subject and area words now and then. */
function prose(random: Random, lexicon: ZipfLexicon, subject: Subject, wordCount: number): string {
  const sentences: string[] = [];
  let written = 0;
  while (written < wordCount) {
    const length = Math.min(intBetween(random, 8, 15), Math.max(1, wordCount - written));
    const words = lexicon.drawMany(random, length);
    for (let i = 0; i < words.length; i++) {
      const roll = random();
      if (roll < 0.08) words[i] = pick(random, subject.words);
      else if (roll < 0.2) words[i] = pick(random, subject.area);
    }
    sentences.push(`${capitalise(words.join(' '))}.`);
    written += words.length;
  }
  return sentences.join(' ');
}

function exampleQuestion(random: Random, frames: readonly string[], subject: Subject, lexicon: ZipfLexicon): string {
  const [a, b] = [pick(random, subject.words), random() < 0.5 ? pick(random, subject.area) : pick(random, subject.words)];
  return `${fill(pick(random, frames), a, b, random() < 0.5 ? pick(random, subject.area) : lexicon.draw(random))}?`;
}

function synthesiseTopic(index: number, random: Random, lexicon: ZipfLexicon, subject: Subject): Topic {
  const id = `synthetic-${String(index).padStart(6, '0')}`;
  // Examples use eight of the frames; paraphrases use the others.
  const frames = shuffled(random, FRAMES).slice(0, 8);
  const keywords = new Set([...subject.words, `${subject.words[0]} ${pick(random, subject.area)}`]);
  while (keywords.size < 8) keywords.add(random() < 0.5 ? pick(random, subject.area) : `${pick(random, subject.words)} ${lexicon.draw(random, 50)}`);
  const options = () => lexicon.drawMany(random, intBetween(random, 2, 5), 20).join(' ');
  return {
    id,
    level: 2,
    title: capitalise([...subject.words.slice(0, 2), ...(random() < 0.4 ? [pick(random, subject.area)] : [])].join(' ')),
    aliases: [subject.words.join(' '), `${pick(random, subject.words)} ${pick(random, subject.area)}`],
    questions: Array.from({ length: 6 }, () => exampleQuestion(random, frames, subject, lexicon)),
    keywords: [...keywords],
    summary: prose(random, lexicon, subject, intBetween(random, 15, 25)),
    body: prose(random, lexicon, subject, intBetween(random, 140, 160)),
    cards: Array.from({ length: 4 }, (_, i) => ({
      id: `card-${i + 1}`,
      front: exampleQuestion(random, frames, subject, lexicon),
      back: prose(random, lexicon, subject, intBetween(random, 15, 30)),
    })),
    mcq: Array.from({ length: 2 }, (_, i) => ({
      id: `question-${i + 1}`,
      question: exampleQuestion(random, frames, subject, lexicon),
      answer: options(),
      distractors: [options(), options(), options()],
      explanation: prose(random, lexicon, subject, 25),
    })),
    related: [],
    commands: [],
    file: `synthetic/${id}.md`,
  };
}

/** Topics per area, as among the real topics (a dozen areas over 75 topics). */
const AREA_SIZE = 20;
const AREA_WORDS = 12;

/**
 * `count` topics worded like `realTopics`, from `seed`. The lexicon holds the real words and
 * 20,000 + 3 × `count` made-up ones; subject words are drawn from rank 300 on (the real words past the most
 * common, then the filler), area words from rank 100 on.
 */
export function generateTopics(count: number, realTopics: readonly Topic[], seed = 42): Topic[] {
  const random = seededRandom(seed);
  const real = realWordsByFrequency(realTopics);
  const lexicon = new ZipfLexicon([...real, ...madeUpWords(random, 20_000 + 3 * count, new Set(real))]);
  const areas = Array.from({ length: Math.max(1, Math.ceil(count / AREA_SIZE)) }, () => [...new Set(lexicon.drawMany(random, AREA_WORDS, 100))]);
  return Array.from({ length: count }, (_, index) => {
    const words = [...new Set(lexicon.drawMany(random, intBetween(random, 2, 3), 300))];
    return synthesiseTopic(index, random, lexicon, { words, area: pick(random, areas) });
  });
}

/**
 * A question about `topic` as a learner might ask it without having read it: one of the frames its example
 * questions do not use, with one of its keywords or title words, sometimes another of its keywords or a word
 * of its summary, and in one question of ten two neighbouring letters swapped in the longest word.
 */
export function paraphraseQuestion(topic: Topic, random: Random): string {
  const used = new Set(FRAMES.filter((frame) => topic.questions.some((q) => matchesFrame(q, frame))));
  const frames = FRAMES.filter((frame) => !used.has(frame));
  const names = [...wordsOf(topic.title), ...topic.keywords.flatMap(wordsOf)];
  const summary = wordsOf(topic.summary).filter((w) => w.length > 3);
  const a = pick(random, names);
  const b = random() < 0.6 ? pick(random, names) : pick(random, summary);
  const c = pick(random, summary.length > 0 ? summary : names);
  let question = fill(pick(random, frames.length > 0 ? frames : FRAMES), a, b, c);
  if (random() < 0.1) question = withSwap(question);
  return question;
}

function matchesFrame(question: string, frame: string): boolean {
  const pattern = frame.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[abc]\\\}/g, '\\S+');
  return new RegExp(`^${pattern}\\?$`).test(question);
}

/** The question with two neighbouring letters swapped in the middle of its longest word. */
function withSwap(question: string): string {
  const words = question.split(' ');
  const longest = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
  const word = words[longest]!;
  if (word.length < 5) return question;
  const at = Math.floor(word.length / 2);
  words[longest] = word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  return words.join(' ');
}
