import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Topic } from '../knowledge/index.ts';
import type { GatedTopic } from './answer-gate.ts';

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

/** Letters and digits only, one space between words: "Docker-Machine's" and "docker machine s" meet. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form as a pattern: its words in order, each with an optional plural ending ("docker extensions"). */
function formPattern(form: string): string {
  return normalise(form)
    .trim()
    .split(' ')
    .map((word) => `${escape(word)}(?:e?s)?`)
    .join(' ');
}

/**
 * Finds the Docker features a question names and the topics that explain each. A topic explains a feature
 * when one of its phrases other than the body (title, aliases, keywords, commands, summary, example
 * questions, card fronts, quiz questions) names it: the body mentions much in passing.
 *
 * Bounded: one regular expression of all the features' forms, run once over a question (at most
 * `MAX_QUERY_LENGTH` characters once cleaned) and once over each topic's phrases when built.
 */
export class DockerFeatureFinder {
  readonly #features: readonly DockerFeature[];
  readonly #pattern: RegExp;
  /** For each feature (by its position), the ids of the topics that explain it. */
  readonly #explainedBy: Array<Set<string>>;

  /**
   * @param topics the knowledge base's topics
   * @param features the features to look for; {@link DOCKER_FEATURES} unless given
   */
  constructor(topics: Iterable<Topic>, features: readonly DockerFeature[] = DOCKER_FEATURES) {
    this.#features = features;
    const groups = features.map((feature, i) => {
      const notAfter = feature.notAfter.length > 0 ? `(?<!(?:^| )(?:${feature.notAfter.map((w) => escape(normalise(w).trim())).join('|')}) )` : '';
      return `(?<f${i}>${notAfter}(?<![\\p{L}\\p{N}])(?:${feature.forms.map(formPattern).join('|')})(?![\\p{L}\\p{N}]))`;
    });
    this.#pattern = new RegExp(groups.join('|'), 'gu');
    this.#explainedBy = features.map(() => new Set<string>());
    for (const topic of topics) {
      const phrases = [topic.title, ...topic.aliases, ...topic.keywords, ...topic.commands, topic.summary, ...topic.questions];
      phrases.push(...topic.cards.map((c) => c.front), ...topic.mcq.map((q) => q.question));
      for (const i of this.#find(phrases.join(' . '))) this.#explainedBy[i]!.add(topic.id);
    }
  }

  /** The features a cleaned question names, each with the ids of the topics that explain it (perhaps none). */
  named(cleaned: string): Array<{ name: string; explainedBy: ReadonlySet<string> }> {
    return [...this.#find(cleaned)].map((i) => ({ name: this.#features[i]!.name, explainedBy: this.#explainedBy[i]! }));
  }

  /** The positions of the features named in a text. */
  #find(text: string): Set<number> {
    const found = new Set<number>();
    if (this.#features.length === 0) return found;
    for (const match of normalise(text).matchAll(this.#pattern)) {
      for (const [group, value] of Object.entries(match.groups ?? {})) if (value !== undefined) found.add(Number(group.slice(1)));
    }
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
  for (const r of ranked) {
    for (const { name, explainedBy } of named) {
      if (explainedBy.has(r.topic.id) || r.unexplained.includes(name)) continue;
      r.unexplained.push(name);
      r.confidence *= penalty;
    }
  }
  return named.map((f) => f.name);
}
