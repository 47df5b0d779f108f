import { checkPastedText } from './check-pasted-text.ts';
import { describeFrom, describeStep } from './describe-dockerfile-step.ts';
import { DOCKERFILE_RULES, finalStage, stageChain } from './dockerfile-rules/index.ts';
import type { ExplainProblem } from './explain-problem.ts';
import { sortFindings, type Explanation, type ExplanationItem, type Finding } from './explanation.ts';
import { KNOWN_INSTRUCTIONS, readDockerfile, type DockerfileModel, type DockerfileStage, type DockerfileStep } from './read-dockerfile.ts';

export interface ExplainDockerfileOptions {
  /** Whether a topic id exists in the loaded knowledge; links to others become null. Defaults to "every id". */
  hasTopic?: (id: string) => boolean;
}

export type ExplainDockerfileResult = { ok: true; value: Explanation } | { ok: false; problem: ExplainProblem };

/**
 * Explains a Dockerfile: parser directives, each stage and instruction (what it does, layer or metadata, what a
 * change to it re-runs), what reaches the final image, the command it runs and the user it runs as; then the
 * findings of every rule in `DOCKERFILE_RULES`, most severe first. Refuses empty, binary or over-long text
 * (more than `INPUT_LIMITS.paste` characters, checked before parsing), text with no instruction, and a
 * Dockerfile with no FROM. Linear in the text's length.
 */
export function explainDockerfile(text: string, options: ExplainDockerfileOptions = {}): ExplainDockerfileResult {
  const checked = checkPastedText(text);
  if (!checked.ok) return checked;
  const model = readDockerfile(checked.text);
  if (model.stages.length === 0) {
    const hasInstructions = model.globalArgs.length > 0 || model.unknown.some((s) => KNOWN_INSTRUCTIONS.has(s.keyword));
    return { ok: false, problem: { code: hasInstructions ? 'no-from' : 'not-a-dockerfile' } };
  }
  const hasTopic = options.hasTopic ?? (() => true);
  const link = (topic: string | null) => (topic && hasTopic(topic) ? topic : null);

  const items: ExplanationItem[] = [];
  for (const directive of model.directives) items.push({ line: directive.line, text: `# ${directive.name}=${directive.value}`, explanation: describeDirective(directive.name, directive.value), topic: link('dockerfile-basics') });
  for (const arg of model.globalArgs) {
    items.push({ line: arg.line, text: arg.text, explanation: `${describeStep(arg, model.stages[0]!, model).explanation.replace(/ It exists only while building.*$/, '')} Declared before the first FROM, so only FROM lines can use it, unless a stage declares \`ARG ${arg.properties[0]?.[0] ?? ''}\` again.`, topic: link('dockerfile-basics') });
  }
  const final = finalStage(model)!;
  let layers = 0;
  for (const stage of model.stages) {
    items.push({ line: stage.from.line, text: stage.from.text, explanation: describeFrom(stage, model, final.index), topic: link(model.stages.length > 1 ? 'multi-stage-builds' : 'base-images') });
    for (const step of stage.steps) {
      const described = describeStep(step, stage, model);
      if (described.layer) layers++;
      items.push({ line: step.line, text: step.text, explanation: described.explanation, topic: link(described.topic) });
    }
  }
  for (const step of model.unknown) {
    const known = KNOWN_INSTRUCTIONS.has(step.keyword);
    items.push({ line: step.line, text: step.text, explanation: known ? `${step.keyword} before the first FROM: only ARG may come there, so the build stops.` : `\`${step.keyword}\` is not a Dockerfile instruction, so the build stops here (see the findings).`, topic: link('dockerfile-basics') });
  }
  // In file order; the whole-file items go last.
  items.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  items.push(...summaryItems(model, final).map((item) => ({ ...item, topic: link(item.topic) })));

  const findings: Finding[] = DOCKERFILE_RULES.flatMap((rule) => rule.check(model).map((hit) => ({ rule: rule.name, severity: rule.severity, topic: link(rule.topic), ...hit })));
  const summary = `Dockerfile: ${model.stages.length} stage${model.stages.length === 1 ? '' : 's'}, ${model.stages.reduce((n, s) => n + s.steps.length + 1, 0)} instructions, ${layers} of them adding layers; the final image starts from \`${stageChain(model, final).at(-1)!.base}\`.`;
  return { ok: true, value: { kind: 'dockerfile', summary, items, findings: sortFindings(findings) } };
}

function describeDirective(name: string, value: string): string {
  if (name === 'syntax') return `Parser directive: BuildKit first fetches the Dockerfile frontend \`${value}\` and reads the rest of the file with it (\`docker/dockerfile:1\` means the newest 1.x syntax, which heredocs and RUN --mount need on older builders).`;
  if (name === 'escape') return `Parser directive: \`${value}\` becomes the escape and line-continuation character instead of the backslash (common on Windows, where paths use backslashes).`;
  if (name === 'check') return `Parser directive: configures BuildKit's build checks (\`${value}\`).`;
  return `Parser directive \`${name}\`.`;
}

/** The whole-file items: stages and what reaches the final image, the command it runs, the user it runs as. */
function summaryItems(model: DockerfileModel, final: DockerfileStage): ExplanationItem[] {
  const chain = stageChain(model, final);
  const items: ExplanationItem[] = [];
  if (model.stages.length > 1) {
    const copies = chain.flatMap((s) => s.steps.filter((step) => step.keyword === 'COPY' && step.flags.has('from')));
    const helpers = model.stages.filter((s) => !chain.includes(s)).map((s) => `\`${s.name ?? `stage ${s.index + 1}`}\``);
    items.push({
      line: null,
      text: 'Final image',
      explanation: `The last stage${final.name ? `, \`${final.name}\`,` : ''} is the image \`docker build\` produces (unless \`--target\` picks another). ${helpers.length > 0 ? `${helpers.join(', ')} only help${helpers.length === 1 ? 's' : ''} during the build: ` : ''}${copies.length > 0 ? `what reaches the final image from other stages is only what COPY --from copies (line${copies.length === 1 ? '' : 's'} ${copies.map((c) => c.line).join(', ')}).` : 'nothing from other stages reaches the final image.'}`,
      topic: 'multi-stage-builds',
    });
  }
  items.push({ line: null, text: 'Runs', explanation: effectiveCommand(chain), topic: 'cmd-vs-entrypoint' });
  const user = chain.flatMap((s) => s.steps.filter((step) => step.keyword === 'USER').reverse())[0];
  items.push({
    line: null,
    text: 'User',
    explanation: user ? `Containers run as \`${user.args.trim()}\` (USER on line ${user.line}), unless \`docker run --user\` says otherwise.` : 'No USER line: containers run as the base image\'s user, which is root unless the base image sets another (distroless :nonroot images do).',
    topic: 'container-security',
  });
  return items;
}

/** The command a container of the final stage runs, following ENTRYPOINT and CMD through the stages it builds on. */
function effectiveCommand(chain: readonly DockerfileStage[]): string {
  let entrypoint: DockerfileStep | undefined;
  let cmd: DockerfileStep | undefined;
  let cmdReset = false;
  // Nearest stage first: the first ENTRYPOINT and CMD found win; an ENTRYPOINT set in a stage clears the CMD it inherits.
  for (const stage of chain) {
    const ownEntrypoint = stage.steps.filter((s) => s.keyword === 'ENTRYPOINT').at(-1);
    const ownCmd = stage.steps.filter((s) => s.keyword === 'CMD').at(-1);
    if (!cmd && !cmdReset && ownCmd) cmd = ownCmd;
    if (!entrypoint && ownEntrypoint) {
      entrypoint = ownEntrypoint;
      if (!cmd) cmdReset = true;
    }
  }
  const form = (s: DockerfileStep) => (s.execForm ? s.execForm.join(' ') : `/bin/sh -c "${s.args.trim()}"`);
  if (entrypoint && !entrypoint.execForm) return `Runs \`${form(entrypoint)}\` (ENTRYPOINT, line ${entrypoint.line}); in shell form it ignores CMD and any \`docker run\` arguments.`;
  if (entrypoint && cmd) return `Runs \`${form(entrypoint)} ${form(cmd)}\`: the ENTRYPOINT (line ${entrypoint.line}) with the CMD (line ${cmd.line}) as its default arguments, which \`docker run IMAGE …\` replaces.`;
  if (entrypoint) return `Runs \`${form(entrypoint)}\` (ENTRYPOINT, line ${entrypoint.line})${cmdReset ? '; setting ENTRYPOINT cleared the CMD inherited from the base, so there are no default arguments' : ''}.`;
  const external = chain.at(-1)!.baseStage === undefined && chain.at(-1)!.base.toLowerCase() !== 'scratch';
  if (cmd) return `Runs \`${form(cmd)}\` (CMD, line ${cmd.line}), unless \`docker run IMAGE …\` gives another command${external ? '; if the base image sets an ENTRYPOINT, these become its arguments' : ''}.`;
  return 'No CMD or ENTRYPOINT here: containers run whatever the base image sets.';
}
