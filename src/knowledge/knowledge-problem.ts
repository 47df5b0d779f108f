/** One thing wrong with a knowledge file, precise enough for an author to fix it. */
export interface KnowledgeProblem {
  file: string;
  /** Dotted path of the field at fault (`mcq.1.distractors`), or `body` / `front matter`. */
  field: string;
  message: string;
}

export function formatKnowledgeProblem(problem: KnowledgeProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

/** Thrown when the shipped knowledge cannot be loaded; the bot must not start on broken content. */
export class KnowledgeLoadError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      problems.length === 1
        ? `The knowledge base cannot be loaded: ${formatKnowledgeProblem(problems[0]!)}`
        : `The knowledge base has ${problems.length} problems:\n` + problems.map((p) => `  ${formatKnowledgeProblem(p)}`).join('\n'),
    );
    this.name = 'KnowledgeLoadError';
  }
}
