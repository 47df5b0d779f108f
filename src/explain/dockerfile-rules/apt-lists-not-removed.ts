import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps, shellText } from './dockerfile-rule.ts';

/** `apt-get install` that leaves the package lists in the layer. */
export const aptListsNotRemoved: DockerfileRule = {
  name: 'apt-lists-not-removed',
  severity: 'info',
  topic: 'image-size',
  check: (model) =>
    allSteps(model)
      .filter((s) => s.keyword === 'RUN' && /\bapt(-get)?\s+(-\S+\s+)*install\b/.test(shellText(s)))
      .filter((s) => !/rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/.test(shellText(s)) && !/type=cache[^ ]*target=\/var\/lib\/apt/.test([...(s.flags.get('mount') ?? [])].join(' ')))
      .map((s) => ({
        line: s.line,
        message: 'This `apt-get install` leaves the package lists (/var/lib/apt/lists) in the image.',
        why: 'The lists are tens of megabytes the running container never needs, and files removed in a later RUN still take space in this step\'s layer.',
        fix: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*` (official Debian and Ubuntu images already clean apt\'s own cache).',
      })),
};
