import { parseImageReference } from '../image-reference.ts';
import type { DockerfileRule } from './dockerfile-rule.ts';

/** A FROM without a version: `latest` or no tag at all. */
export const baseImageUnpinned: DockerfileRule = {
  name: 'base-image-unpinned',
  severity: 'warning',
  topic: 'tags-and-latest',
  check: (model) =>
    model.stages
      .filter((s) => s.baseStage === undefined && s.base.toLowerCase() !== 'scratch' && !s.base.includes('$'))
      .flatMap((s) => {
        const ref = parseImageReference(s.base);
        if (!ref || ref.digest || ref.tag !== 'latest') return [];
        return [
          {
            line: s.from.line,
            message: ref.tagWritten ? `The base image \`${s.base}\` uses the \`latest\` tag.` : `The base image \`${s.base}\` has no tag, so it means \`latest\`.`,
            why: '`latest` moves whenever a new version is pushed, so the same Dockerfile builds on a different base from one week to the next, and a rebuild can break without any change of yours.',
            fix: `Name a version (\`${s.base.replace(/:latest$/, '')}:<version>\`), or pin a digest with \`@sha256:…\` for fully repeatable builds.`,
          },
        ];
      }),
};
