import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Topic } from '../knowledge/index.ts';
import { penalizeUnexplained, type GatedTopic } from './answer-gate.ts';

const FeaturesSchema = z.object({
  source: z.string(),
  features: z.array(
    z.object({
      name: z.string().min(1),
      forms: z.array(z.string().min(1)).min(1),
      notAfter: z.array(z.string().min(1)).default([]),
    }),
  ),
});

/**
 * Docker's products, features and platforms whose names are made of ordinary words ("Docker Machine",
 * "Model Runner", "Docker Extensions", "Build Cloud", "kind"), from `docker-features.json` (its `source`
 * says where the list comes from).
 */
export const DOCKER_FEATURES = FeaturesSchema.parse(JSON.parse(readFileSync(new URL('./docker-features.json', import.meta.url), 'utf8'))).features;

/** One of {@link DOCKER_FEATURES} as written in the data file. */
export type DockerFeature = (typeof DOCKER_FEATURES)[number];

/**
 * Letters and digits only, split into words: "Docker-Machine's" is "docker", "machine", "s". A line break is a
 * word of its own (`\n`), which no form holds: the end of a phrase.
 */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+|\n/gu) ?? [];
}

/** Whether a word as written is a form's word, or its plural ("extensions", "boxes"). */
const sameWord = (written: string, word: string): boolean => written === word || written === `${word}s` || written === `${word}es`;

/** One form of one feature, as words. */
interface Form {
  feature: number;
  words: readonly string[];
  notAfter: ReadonlySet<string>;
}

/**
 * Finds the Docker features a question names and the topics that explain each. A topic explains a feature
 * when one of its phrases other than the body (title, aliases, keywords, commands, summary, example
 * questions, card fronts, quiz questions) names it: the body mentions much in passing.
 *
 * Bounded: a text is read word by word, and only the forms that start with a word (or its singular) are
 * compared there, so a question costs a few map lookups per word and a topic's phrases the same once, when
 * the finder is built.
 */
export class DockerFeatureFinder {
  readonly #features: readonly DockerFeature[];
  /** The forms by their first word. */
  readonly #forms = new Map<string, Form[]>();
  /** For each feature (by its position), the ids of the topics that explain it. */
  #explainedBy: Array<Set<string>>;

  /**
   * @param topics the knowledge base's topics
   * @param features the features to look for; {@link DOCKER_FEATURES} unless given
   */
  constructor(topics: Iterable<Topic>, features: readonly DockerFeature[] = DOCKER_FEATURES) {
    this.#features = features;
    features.forEach((feature, i) => {
      const notAfter = new Set(feature.notAfter.flatMap(wordsOf));
      for (const form of feature.forms) {
        const words = wordsOf(form);
        if (words.length === 0) continue;
        const list = this.#forms.get(words[0]!) ?? [];
        list.push({ feature: i, words, notAfter });
        this.#forms.set(words[0]!, list);
      }
    });
    this.#explainedBy = features.map(() => new Set<string>());
    for (const topic of topics) {
      const phrases = [topic.title, ...topic.aliases, ...topic.keywords, ...topic.commands, topic.summary, ...topic.questions];
      phrases.push(...topic.cards.map((c) => c.front), ...topic.mcq.map((q) => q.question));
      // One pass over all of them; a line break between phrases keeps a form from spanning two.
      for (const i of this.#find(phrases.join('\n'))) this.#explainedBy[i]!.add(topic.id);
    }
  }

  /** For each feature (in the order of the list it was built with), the ids of the topics that explain it: for the answer engine's index cache. */
  toSnapshot(): { explainedBy: string[][] } {
    return { explainedBy: this.#explainedBy.map((ids) => [...ids]) };
  }

  /**
   * The finder a {@link toSnapshot} describes, without reading any topic.
   * @param features the list it was built with; {@link DOCKER_FEATURES} unless given
   * @throws TypeError when the snapshot does not hold one list of topic ids per feature
   */
  static fromSnapshot(snapshot: { explainedBy: readonly string[][] }, features: readonly DockerFeature[] = DOCKER_FEATURES): DockerFeatureFinder {
    const { explainedBy } = snapshot;
    if (!Array.isArray(explainedBy) || explainedBy.length !== features.length || !explainedBy.every(Array.isArray)) throw new TypeError('not a DockerFeatureFinder snapshot');
    const finder = new DockerFeatureFinder([], features);
    finder.#explainedBy = explainedBy.map((ids) => new Set(ids));
    return finder;
  }

  /** The features a cleaned question names, each with the ids of the topics that explain it (perhaps none). */
  named(cleaned: string): Array<{ name: string; explainedBy: ReadonlySet<string> }> {
    return [...this.#find(cleaned)].map((i) => ({ name: this.#features[i]!.name, explainedBy: this.#explainedBy[i]! }));
  }

  /** The positions of the features named in a text. */
  #find(text: string): Set<number> {
    const found = new Set<number>();
    const words = wordsOf(text);
    const match = (forms: readonly Form[] | undefined, at: number) => {
      for (const form of forms ?? []) {
        if (at > 0 && form.notAfter.has(words[at - 1]!)) continue;
        if (form.words.every((word, k) => at + k < words.length && sameWord(words[at + k]!, word))) found.add(form.feature);
      }
    };
    words.forEach((written, at) => {
      match(this.#forms.get(written), at);
      // Without a plural ending: "extensions", "boxes".
      if (!written.endsWith('s')) return;
      match(this.#forms.get(written.slice(0, -1)), at);
      if (written.endsWith('es')) match(this.#forms.get(written.slice(0, -2)), at);
    });
    return found;
  }
}

/**
 * The feature gate, a step after ranking: a question that names a Docker feature (see
 * {@link DockerFeatureFinder}) is about that feature, so a topic that does not explain it cannot answer.
 * "what is the difference between docker machine and docker desktop" is not answered by *Docker Desktop*,
 * which explains the rest; when no topic explains the feature the engine says it has no topic on that yet.
 * Each feature a topic leaves unexplained multiplies its confidence by the penalty and is added, by name, to
 * its `unexplained` list; the caller re-sorts.
 * @returns the names of the features the question names (none: the gate does not apply)
 */
export function applyFeatureGate<T extends GatedTopic & { topic: { id: string } }>(
  named: ReadonlyArray<{ name: string; explainedBy: ReadonlySet<string> }>,
  ranked: readonly T[],
  penalty: number,
): string[] {
  for (const { name, explainedBy } of named) penalizeUnexplained(ranked, [name], (r) => explainedBy.has(r.topic.id), penalty);
  return named.map((f) => f.name);
}
