import type { DockerfileRule } from './dockerfile-rule.ts';
import { KNOWN_INSTRUCTIONS } from '../read-dockerfile.ts';
import { editDistance } from '../../search/index.ts';

/** A line that starts with a word Docker does not know as an instruction (a typo, or an instruction before FROM). */
export const unknownInstruction: DockerfileRule = {
  name: 'unknown-instruction',
  severity: 'error',
  topic: 'dockerfile-basics',
  check: (model) =>
    model.unknown.map((s) => {
      if (KNOWN_INSTRUCTIONS.has(s.keyword)) {
        return {
          line: s.line,
          message: `${s.keyword} comes before the first FROM.`,
          why: 'Only ARG (and parser directives and comments) may come before FROM; the build stops with an error.',
          fix: 'Move it below FROM.',
        };
      }
      const closest = [...KNOWN_INSTRUCTIONS].find((k) => editDistance(k, s.keyword, 2) <= 2);
      return {
        line: s.line,
        message: `\`${s.keyword}\` is not a Dockerfile instruction.`,
        why: 'The build stops with "unknown instruction" before running anything.',
        fix: closest ? `Did you mean ${closest}?` : 'Start the line with an instruction such as RUN, COPY or ENV, or make it a comment with #.',
      };
    }),
};
