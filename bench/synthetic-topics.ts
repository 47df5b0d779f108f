/**
 * Deterministic synthetic knowledge bases for the scaling benchmark. Topics are shaped like the real ones
 * (field counts and lengths) and worded like them: each field draws words with the frequencies that field
 * has in the shipped topics, so common words stay common and the engine's IDF and spelling work stays
 * realistic. Each topic also gets made-up subject words (its "name" and a theme shared with some other
 * topics), the way real topics are told apart by "volume" or "bind mount" rather than by "how" or "docker".
 */
import type { Topic } from '../src/knowledge/index.ts';
import { seededRandom } from '../src/quiz/index.ts';

type Random = () => number;

const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Draws words with the frequencies they were counted with (cumulative counts and a binary search). */
class WeightedWords {
  readonly #words: string[] = [];
  readonly #cumulative: number[] = [];

  constructor(counts: ReadonlyMap<string, number>) {
    let total = 0;
    for (const [word, count] of counts) {
      total += count;
      this.#words.push(word);
      this.#cumulative.push(total);
    }
    if (total === 0) throw new Error('cannot sample from an empty vocabulary');
  }

  draw(random: Random): string {
    const target = random() * this.#cumulative.at(-1)!;
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.#words[low]!;
  }

  words(random: Random, count: number): string[] {
    return Array.from({ length: count }, () => this.draw(random));
  }
}

/** Word frequencies per field of the real topics, so a synthetic title reads like a title and a body like a body. */
interface FieldVocabulary {
  title: WeightedWords;
  question: WeightedWords;
  /** Whole keyword strings ("cookie cutter"), not single words: keywords are phrases. */
  keyword: WeightedWords;
  prose: WeightedWords;
  option: WeightedWords;
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z][a-z0-9'.-]*[a-z0-9]|[a-z]/g) ?? [];

function countWords(texts: readonly string[], split: (text: string) => string[] = wordsOf): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of split(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function vocabularyOf(topics: readonly Topic[]): FieldVocabulary {
  const all = <T>(select: (topic: Topic) => T[]): T[] => topics.flatMap(select);
  return {
    title: new WeightedWords(countWords(all((t) => [t.title, ...t.aliases]))),
    question: new WeightedWords(countWords(all((t) => [...t.questions, ...t.cards.map((c) => c.front), ...t.mcq.map((q) => q.question)]))),
    keyword: new WeightedWords(countWords(all((t) => t.keywords), (k) => [k.toLowerCase()])),
    prose: new WeightedWords(countWords(all((t) => [t.summary, t.body, ...t.cards.map((c) => c.back), ...t.mcq.map((q) => q.explanation)]))),
    option: new WeightedWords(countWords(all((t) => t.mcq.flatMap((q) => [q.answer, ...q.distractors])))),
  };
}

const CONSONANTS = [...'bcdfghklmnprstvz'];
const VOWELS = [...'aeiou'];

/** Pronounceable made-up words ("kotani", "vesubo") that no real topic uses, unique within one generator. */
class MadeUpWords {
  readonly #used: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.#used = new Set(reserved);
  }

  next(random: Random): string {
    for (;;) {
      const syllables = intBetween(random, 2, 4);
      let word = '';
      for (let i = 0; i < syllables; i++) word += pick(random, CONSONANTS) + pick(random, VOWELS);
      if (!this.#used.has(word)) {
        this.#used.add(word);
        return word;
      }
    }
  }
}

/** The words that make one synthetic topic about something: its own name and a theme it shares with others. */
interface Subject {
  name: string;
  theme: string;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Mixes subject words into drawn words at random places, so they are not always first. */
function mixIn(random: Random, words: string[], subjectWords: readonly string[]): string[] {
  const mixed = [...words];
  for (const word of subjectWords) mixed.splice(intBetween(random, 0, mixed.length), 0, word);
  return mixed;
}

/** Sentences of 8 to 15 words until about `wordCount` words, with the subject mentioned now and then. */
function prose(random: Random, vocabulary: FieldVocabulary, subject: Subject, wordCount: number): string {
  const sentences: string[] = [];
  let written = 0;
  while (written < wordCount) {
    const length = Math.min(intBetween(random, 8, 15), Math.max(1, wordCount - written));
    const mentions = random() < 0.4 ? [random() < 0.7 ? subject.name : subject.theme] : [];
    const words = mixIn(random, vocabulary.prose.words(random, Math.max(1, length - mentions.length)), mentions);
    sentences.push(`${capitalise(words.join(' '))}.`);
    written += words.length;
  }
  return sentences.join(' ');
}

function question(random: Random, vocabulary: FieldVocabulary, subject: Subject): string {
  const subjectWords = random() < 0.75 ? [subject.name] : [subject.name, subject.theme];
  return `${mixIn(random, vocabulary.question.words(random, intBetween(random, 4, 10)), subjectWords).join(' ')}?`;
}

function distinctOptions(random: Random, vocabulary: FieldVocabulary, count: number): string[] {
  const options = new Set<string>();
  while (options.size < count) options.add(vocabulary.option.words(random, intBetween(random, 2, 5)).join(' '));
  return [...options];
}

function synthesiseTopic(index: number, random: Random, vocabulary: FieldVocabulary, subject: Subject): Topic {
  const keywords = new Set([subject.name, subject.theme]);
  while (keywords.size < 8) keywords.add(vocabulary.keyword.draw(random));
  const id = `synthetic-${String(index).padStart(6, '0')}`;
  return {
    id,
    level: 2,
    title: capitalise(mixIn(random, vocabulary.title.words(random, intBetween(random, 1, 3)), [subject.name]).join(' ')),
    aliases: Array.from({ length: 2 }, () =>
      mixIn(random, vocabulary.title.words(random, intBetween(random, 1, 2)), [subject.name, subject.theme]).join(' '),
    ),
    questions: Array.from({ length: 6 }, () => question(random, vocabulary, subject)),
    keywords: [...keywords],
    summary: prose(random, vocabulary, subject, intBetween(random, 15, 25)),
    body: prose(random, vocabulary, subject, intBetween(random, 140, 160)),
    cards: Array.from({ length: 4 }, (_, i) => ({
      id: `card-${i + 1}`,
      front: question(random, vocabulary, subject),
      back: prose(random, vocabulary, subject, intBetween(random, 15, 30)),
    })),
    mcq: Array.from({ length: 2 }, (_, i) => {
      const [answer, ...distractors] = distinctOptions(random, vocabulary, 4);
      return { id: `question-${i + 1}`, question: question(random, vocabulary, subject), answer: answer!, distractors, explanation: prose(random, vocabulary, subject, 25) };
    }),
    related: [],
    commands: [],
    file: `synthetic/${id}.md`,
  };
}

/**
 * `count` topics worded like `realTopics`. Themes are shared by about ten topics each, so a query naming a
 * theme has several plausible answers, as "image" does among the real topics.
 */
export function generateTopics(count: number, realTopics: readonly Topic[], seed = 42): Topic[] {
  const random = seededRandom(seed);
  const vocabulary = vocabularyOf(realTopics);
  const madeUp = new MadeUpWords(countWords(realTopics.map((t) => [t.title, t.summary, t.body, ...t.questions].join(' '))).keys());
  const themes = Array.from({ length: Math.max(1, Math.ceil(count / 10)) }, () => madeUp.next(random));
  return Array.from({ length: count }, (_, index) =>
    synthesiseTopic(index, random, vocabulary, { name: madeUp.next(random), theme: pick(random, themes) }),
  );
}
