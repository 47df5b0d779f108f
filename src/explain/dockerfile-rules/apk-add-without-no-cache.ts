import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps, shellText } from './dockerfile-rule.ts';

/** Alpine's `apk add` keeping its package index in the layer. */
export const apkAddWithoutNoCache: DockerfileRule = {
  name: 'apk-add-without-no-cache',
  severity: 'info',
  topic: 'image-size',
  check: (model) =>
    allSteps(model)
      .filter((s) => s.keyword === 'RUN' && /\bapk\s+(-\S+\s+)*add\b/.test(shellText(s)) && !/--no-cache/.test(shellText(s)) && !/rm\s+-\S*\s+\/var\/cache\/apk/.test(shellText(s)))
      .map((s) => ({
        line: s.line,
        message: '`apk add` without `--no-cache` keeps the package index in the image.',
        why: 'The index is only needed while installing; left in the layer it makes every image that uses it larger.',
        fix: 'Write `apk add --no-cache …`, which fetches the index, installs, and keeps nothing.',
      })),
};
