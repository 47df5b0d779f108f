import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { stemToken } from './analyse-text.ts';
import { penalizeUnexplained, type GatedTopic } from './answer-gate.ts';

const WorldSchema = z.object({ source: z.string(), world: z.string().min(1), words: z.array(z.string().min(1)).min(1) });

/** Kubernetes' own words, from `kubernetes-vocabulary.json` (its `source` says where they come from), and the world's name. */
export const KUBERNETES_VOCABULARY = WorldSchema.parse(JSON.parse(readFileSync(new URL('./kubernetes-vocabulary.json', import.meta.url), 'utf8')));

/** Kubernetes' words as the engine analyses them. */
const KUBERNETES_TERMS: ReadonlySet<string> = new Set(KUBERNETES_VOCABULARY.words.map(stemToken));

/**
 * The words that name Docker itself (and Podman, whose pods are its own), which Kubernetes does not use: a
 * question with one of them (or a docker command) is about Docker, even if it also speaks of Kubernetes ("do i
 * need kubernetes or is docker enough", "podman pods").
 * "container", "image", "containerd" and "runc" are Kubernetes' words too.
 */
const DOCKER_OWN_NAMES: ReadonlySet<string> = new Set(['docker', 'dockerfile', 'dockerd', 'dockerhub', 'dockerignore', 'compose', 'buildkit', 'buildx', 'moby', 'podman'].map(stemToken));

/** What the Kubernetes gate needs to know about the knowledge base. */
export interface WorldGateContext<T> {
  /** Whether a term is a docker command (`dockercp`). */
  isCommand: (term: string) => boolean;
  /** Whether a topic explains a term (its phrases other than the body use it). */
  explains: (topic: T, term: string) => boolean;
  /** What a topic's confidence is multiplied by for each word it leaves unexplained. */
  penalty: number;
}

/**
 * The Kubernetes gate, a step after ranking: a question that uses Kubernetes' own words (`kubectl`, "pod",
 * "helm chart", "crashloopbackoff") and names nothing of Docker itself ("docker", "dockerfile", "compose", a
 * docker command) is a Kubernetes question, whatever containers and images it mentions. A topic
 * answers it only if it explains the world ("kubernetes") and each of those words: "how do i see the logs of a
 * container in a kubernetes pod" is not answered by *Podman* (which explains pods, Podman's) nor by *Container
 * logs*. Each word a topic leaves unexplained multiplies its confidence by the penalty and is added to its
 * `unexplained` list; the caller re-sorts.
 * @param terms the question's distinct analysed terms (stems), as typed (corrections are never decisive)
 * @returns the Kubernetes words that decide (none when the gate does not apply)
 */
export function applyKubernetesGate<T extends GatedTopic>(
  terms: ReadonlyArray<{ term: string; certainty: number }>,
  ranked: readonly T[],
  context: WorldGateContext<T>,
): string[] {
  if (terms.some((t) => DOCKER_OWN_NAMES.has(t.term) || context.isCommand(t.term))) return [];
  const words = terms.filter((t) => t.certainty === 1 && KUBERNETES_TERMS.has(t.term)).map((t) => t.term);
  if (words.length === 0) return [];
  const decisive = [...new Set([stemToken(KUBERNETES_VOCABULARY.world), ...words])];
  penalizeUnexplained(ranked, decisive, context.explains, context.penalty);
  return decisive;
}
