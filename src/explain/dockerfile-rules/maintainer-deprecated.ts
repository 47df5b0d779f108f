import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps } from './dockerfile-rule.ts';

/** BuildKit's MaintainerDeprecated. */
export const maintainerDeprecated: DockerfileRule = {
  name: 'maintainer-deprecated',
  severity: 'info',
  topic: 'dockerfile-basics',
  check: (model) =>
    allSteps(model)
      .filter((s) => s.keyword === 'MAINTAINER')
      .map((s) => ({
        line: s.line,
        message: 'MAINTAINER is deprecated.',
        why: 'Docker keeps it only for old Dockerfiles; labels are the standard place for an image\'s metadata and tools read them.',
        fix: `Use a label: \`LABEL org.opencontainers.image.authors="${s.args.trim().replace(/"/g, '')}"\`.`,
      })),
};
