import type { DockerfileRule } from './dockerfile-rule.ts';
import { finalStage, stageChain } from './dockerfile-rule.ts';

/** Base images whose tag says they already run as an unprivileged user (distroless `:nonroot`, Chainguard). */
const NON_ROOT_BASE = /:(.*-)?nonroot(-.*)?$|^cgr\.dev\//;

/** The final image runs as root: no USER, or USER root/0 last. */
export const runsAsRoot: DockerfileRule = {
  name: 'runs-as-root',
  severity: 'warning',
  topic: 'container-security',
  check: (model) => {
    const stage = finalStage(model);
    if (!stage) return [];
    const chain = stageChain(model, stage);
    const lastUser = chain.flatMap((s) => s.steps.filter((step) => step.keyword === 'USER').reverse())[0];
    const base = chain.at(-1)!.base;
    if (!lastUser && (NON_ROOT_BASE.test(base) || base.toLowerCase() === 'scratch')) return [];
    if (lastUser && !/^(root|0)(:.*)?$/.test(lastUser.args.trim())) return [];
    return [
      {
        line: lastUser?.line ?? stage.from.line,
        message: lastUser ? `The final image runs as ${lastUser.args.trim()}.` : 'The final image has no USER instruction, so it runs as root unless its base image sets a user.',
        why: 'Root in a container is the host\'s root as far as the kernel is concerned (unless user namespaces remap it), only with fewer capabilities: if the program is compromised, a mounted volume, a misconfiguration or a kernel bug is all that stands between it and the host.',
        fix: 'Create an unprivileged user and switch to it before CMD (`RUN useradd -r -u 10001 app` then `USER app`, or `USER node` in the official Node images), or use a base tagged nonroot.',
      },
    ];
  },
};
