import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps, shellText } from './dockerfile-rule.ts';

/** `RUN apt-get update` in a step of its own, whose cached result goes stale. */
export const aptGetUpdateAlone: DockerfileRule = {
  name: 'apt-get-update-alone',
  severity: 'warning',
  topic: 'build-cache',
  check: (model) =>
    allSteps(model)
      .filter((s) => s.keyword === 'RUN' && /\bapt(-get)?\s+(-\S+\s+)*update\b/.test(shellText(s)) && !/\bapt(-get)?\s+(-\S+\s+)*install\b/.test(shellText(s)))
      .map((s) => ({
        line: s.line,
        message: '`apt-get update` runs in a RUN step of its own.',
        why: 'The build cache keeps that step\'s result as long as its text does not change, so a later `apt-get install` step can run weeks later against the old package lists and fail, or install outdated packages.',
        fix: 'Update and install in the same RUN: `RUN apt-get update && apt-get install -y --no-install-recommends … && rm -rf /var/lib/apt/lists/*`.',
      })),
};
