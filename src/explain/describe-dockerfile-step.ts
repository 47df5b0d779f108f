import type { DockerfileModel, DockerfileStage, DockerfileStep } from './read-dockerfile.ts';
import { describeImageReference, parseImageReference } from './image-reference.ts';
import { copiesWholeContext, shellText } from './dockerfile-rules/index.ts';

/** What one instruction does, whether it adds a filesystem layer, and which topic teaches it. */
export interface StepDescription {
  explanation: string;
  layer: boolean;
  topic: string;
}

const code = (s: string, max = 80) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return `\`${(one.length > max ? `${one.slice(0, max - 1)}…` : one).replace(/`/g, "'")}\``;
};

/** Explains one instruction in its stage, with what a change to it does to the build cache. */
export function describeStep(step: DockerfileStep, stage: DockerfileStage, model: DockerfileModel): StepDescription {
  const later = stage.steps.filter((s) => s.line > step.line);
  switch (step.keyword) {
    case 'RUN':
      return { explanation: `${describeRun(step)} Adds a layer with the files it changes. ${runCache()}`, layer: true, topic: 'image-layers' };
    case 'COPY':
    case 'ADD':
      return { explanation: `${describeCopy(step, model)} Adds a layer. ${copyCache(step, later)}`, layer: true, topic: step.flags.has('from') ? 'multi-stage-builds' : 'build-cache' };
    case 'WORKDIR':
      return { explanation: `Sets the working directory to ${code(step.args)} for the steps after it and for containers started from the image, creating the folder if it is missing. Metadata.`, layer: false, topic: 'dockerfile-basics' };
    case 'ENV':
      return { explanation: `Sets ${step.properties.map(([n, v]) => `${code(n)}=${code(v ?? '')}`).join(', ')} for the steps after it and in every container from this image. Metadata; a new value re-runs every later step of this stage.`, layer: false, topic: 'environment-variables' };
    case 'ARG':
      return { explanation: `Declares the build argument ${step.properties.map(([n, v]) => (v === null ? code(n) : `${code(n)} (default ${code(v)})`)).join(', ')}, set with \`docker build --build-arg\`. It exists only while building, not in the running container; a different value misses the cache at the first RUN after it (RUN steps see build arguments as environment variables) and everything after.`, layer: false, topic: 'dockerfile-basics' };
    case 'EXPOSE':
      return { explanation: `Records that the application listens on ${code(step.args)}. Metadata: it publishes nothing by itself; \`docker run -p\` does (and \`-P\` publishes every exposed port).`, layer: false, topic: 'port-publishing' };
    case 'CMD':
      return { explanation: `${step.execForm ? `Sets the default command to ${code(step.execForm.join(' '))} (exec form: run directly, no shell).` : `Sets the default command to ${code(step.args)}, run through \`/bin/sh -c\` (shell form).`} Anything after the image name in \`docker run\` replaces it; with an ENTRYPOINT it becomes the entrypoint's default arguments. Metadata.`, layer: false, topic: 'cmd-vs-entrypoint' };
    case 'ENTRYPOINT':
      return { explanation: `${step.execForm ? `Makes ${code(step.execForm.join(' '))} the program every container runs; CMD and the words after the image in \`docker run\` are passed to it as arguments.` : `Makes ${code(step.args)} the program every container runs, through \`/bin/sh -c\`; in this shell form CMD and \`docker run\` arguments are ignored.`} \`docker run --entrypoint\` overrides it. Metadata.`, layer: false, topic: 'cmd-vs-entrypoint' };
    case 'USER':
      return { explanation: `Runs the RUN, CMD and ENTRYPOINT after it as ${code(step.args)} instead of root (the user must exist in the image, or be a numeric UID). Metadata.`, layer: false, topic: 'container-security' };
    case 'LABEL':
      return { explanation: `Attaches the label${step.properties.length === 1 ? '' : 's'} ${step.properties.map(([n]) => code(n)).join(', ')} to the image, for people and tools (\`docker inspect\` shows them). Metadata.`, layer: false, topic: 'dockerfile-basics' };
    case 'VOLUME':
      return { explanation: `Declares ${code(step.args)} as a volume: every container gets an anonymous volume there unless one is mounted, so data written there outlives the container's writable layer. Metadata.`, layer: false, topic: 'volumes' };
    case 'HEALTHCHECK':
      return { explanation: /^\s*none\s*$/i.test(step.args) ? 'Turns off any health check inherited from the base image. Metadata.' : `Sets a health check Docker runs inside the container to mark it healthy or unhealthy (${code(step.args, 60)}). Metadata.`, layer: false, topic: 'dockerfile-basics' };
    case 'SHELL':
      return { explanation: `Changes the shell that shell-form RUN, CMD and ENTRYPOINT after it use to ${code(step.args)}. Metadata.`, layer: false, topic: 'dockerfile-basics' };
    case 'STOPSIGNAL':
      return {
        // SIGTERM (or 15) is what `docker stop` sends anyway: naming it only makes the default explicit.
        explanation: /^\s*(SIGTERM|TERM|15)\s*$/i.test(step.args)
          ? `Makes \`docker stop\` send ${code(step.args)}, which it sends anyway: the default, written down. Metadata.`
          : `Makes \`docker stop\` send ${code(step.args)} instead of SIGTERM. Metadata.`,
        layer: false,
        topic: 'stop-vs-kill',
      };
    case 'ONBUILD':
      return { explanation: `Stores ${code(step.args)} to run later, when another Dockerfile uses this image as its base. Metadata.`, layer: false, topic: 'dockerfile-basics' };
    case 'MAINTAINER':
      return { explanation: 'Records the author (deprecated: a LABEL does this today). Metadata.', layer: false, topic: 'dockerfile-basics' };
    default:
      return { explanation: `\`${step.keyword}\` is not a Dockerfile instruction.`, layer: false, topic: 'dockerfile-basics' };
  }
}

/** The FROM line: which base, which stage, and what of it reaches the final image. */
export function describeFrom(stage: DockerfileStage, model: DockerfileModel, finalIndex: number): string {
  const count = model.stages.length;
  const named = `Stage ${stage.index + 1} of ${count}${stage.name ? `, named \`${stage.name}\`` : ''}`;
  let base: string;
  if (stage.baseStage !== undefined) base = `starts from the result of stage \`${model.stages[stage.baseStage]!.name}\` (everything in it, including its CMD and USER)`;
  else if (stage.base.toLowerCase() === 'scratch') base = 'starts from `scratch`, the empty image: only what later steps add is in it';
  else if (stage.base.includes('$')) base = `starts from ${code(stage.base)}, named by a build argument`;
  else {
    const ref = parseImageReference(stage.base);
    base = ref ? `starts from the image ${code(stage.base)} (${describeImageReference(ref)}), whose layers come first` : `starts from ${code(stage.base)}, which is not a valid image reference`;
  }
  const platform = stage.from.flags.get('platform')?.[0];
  const role = count === 1 ? '' : stage.index === finalIndex ? ' This is the final stage: its filesystem and settings are the image.' : ' An intermediate stage: none of it is in the final image unless a later stage copies from it or builds on it.';
  return `${named}: ${base}${platform ? `, for platform ${code(platform)}` : ''}.${role}`;
}

function describeRun(step: DockerfileStep): string {
  const what = step.heredoc
    ? `Runs the script written in the heredoc (lines ${step.line}–${step.endLine}) at build time.`
    : step.execForm
      ? `Runs ${code(step.execForm.join(' '))} at build time, directly (exec form, no shell).`
      : `Runs ${code(shellText(step))} in a shell (\`/bin/sh -c\`) at build time.`;
  const mounts = (step.flags.get('mount') ?? []).map(describeMount);
  const network = step.flags.get('network')?.[0];
  return [what, ...mounts, ...(network ? [`Its network is \`${network}\` while it runs.`] : [])].join(' ');
}

function describeMount(spec: string): string {
  const fields = new Map(spec.split(',').map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')]));
  const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
  switch (fields.get('type') ?? 'bind') {
    case 'cache':
      return `\`--mount=type=cache\` keeps ${target ? code(target) : 'a folder'} between builds as a cache (a package manager's downloads, say); it is never part of the image.`;
    case 'secret':
      return `\`--mount=type=secret\` makes the secret \`${fields.get('id') ?? target ?? ''}\` readable during this step only; it is never written to a layer.`;
    case 'ssh':
      return '`--mount=type=ssh` lets this step use your SSH agent (for private Git repositories) without copying any key into the image.';
    case 'tmpfs':
      return `\`--mount=type=tmpfs\` gives this step an in-memory folder at ${code(target ?? '')}.`;
    default:
      return `\`--mount=type=bind\` makes ${fields.get('from') ? `files of \`${fields.get('from')}\`` : 'files of the build context'} visible at ${code(target ?? '')} during this step only, without copying them into a layer.`;
  }
}

function describeCopy(step: DockerfileStep, model: DockerfileModel): string {
  const words = step.execForm ?? step.words;
  const sources = words.slice(0, -1);
  const dest = words.at(-1) ?? '';
  const from = step.flags.get('from')?.[0];
  const origin = from
    ? model.stages.some((s) => s.name?.toLowerCase() === from.toLowerCase() || String(s.index) === from)
      ? `from stage \`${from}\``
      : `from the image ${code(from)}`
    : 'from the build context';
  const into = dest === '.' || dest === './' ? 'the working directory' : code(dest);
  const what = step.heredoc
    ? `Writes the file given in the heredoc to ${into}`
    : sources.length === 1 && (sources[0] === '.' || sources[0] === './') && !from
      ? `Copies the whole build context into ${into}`
      : `Copies ${sources.map((s) => code(s)).join(', ')} ${origin} to ${into}`;
  const extras = [
    step.flags.get('chown') && `owned by \`${step.flags.get('chown')![0]}\``,
    step.flags.get('chmod') && `with mode \`${step.flags.get('chmod')![0]}\``,
  ].filter(Boolean);
  const link = step.flags.has('link') ? ' With `--link` the files go into a layer of their own that does not depend on the layers below it, so it stays cached when earlier steps change.' : '';
  const add = step.keyword === 'ADD' ? ' ADD also downloads URLs and unpacks local tar archives; COPY only copies.' : '';
  return `${what}${extras.length > 0 ? `, ${extras.join(' and ')}` : ''}.${link}${add}`;
}

function runCache(): string {
  return 'Cached by its text: it runs again only when this line changes or a step before it in the stage runs again (a newer package upstream does not, by itself, trigger a rebuild).';
}

function copyCache(step: DockerfileStep, later: readonly DockerfileStep[]): string {
  const whole = copiesWholeContext(step);
  const runs = later.filter((s) => s.keyword === 'RUN');
  const what = whole ? 'Changing any file in the context (that .dockerignore does not exclude)' : step.flags.has('from') ? 'A change in what it copies' : 'Changing any of the copied files';
  if (later.length === 0) return `${what} re-runs this step only; it is the stage's last.`;
  const named = runs.length > 0 ? `, including ${runs.slice(0, 3).map((s) => code(shellText(s), 40)).join(', ')}${runs.length > 3 ? ` and ${runs.length - 3} more` : ''}` : '';
  return `${what} re-runs this step and the ${later.length} step${later.length === 1 ? '' : 's'} after it in this stage${named}.`;
}
