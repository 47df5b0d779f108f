import type { Finding, Severity } from '../explanation.ts';
import type { DockerfileModel, DockerfileStage, DockerfileStep } from '../read-dockerfile.ts';

/** One thing a rule found: where, what, why it matters and what to do. */
export type RuleHit = Pick<Finding, 'line' | 'message' | 'why' | 'fix'>;

/** A Dockerfile check. Its name says what it checks; severity and topic are the same for every hit. */
export interface DockerfileRule {
  name: string;
  severity: Severity;
  topic: string;
  check(model: DockerfileModel): RuleHit[];
}

/** Every step of every stage, in order. */
export function allSteps(model: DockerfileModel): DockerfileStep[] {
  return model.stages.flatMap((s) => s.steps);
}

/** The final stage (the image `docker build` produces without `--target`). */
export function finalStage(model: DockerfileModel): DockerfileStage | undefined {
  return model.stages.at(-1);
}

/** The stage and the stages it is built on, nearest first. */
export function stageChain(model: DockerfileModel, stage: DockerfileStage): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  for (let s: DockerfileStage | undefined = stage; s && !chain.includes(s); s = s.baseStage === undefined ? undefined : model.stages[s.baseStage]) chain.push(s);
  return chain;
}

/** A RUN step's shell text (heredoc bodies included). */
export function shellText(step: DockerfileStep): string {
  return step.execForm ? step.execForm.join(' ') : step.args;
}

/** The step's text cut for a message. */
export function quoted(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `\`${(one.length > max ? `${one.slice(0, max - 1)}…` : one).replace(/`/g, "'")}\``;
}
