import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps } from './dockerfile-rule.ts';
import { copiesWholeContext } from './context-copied-before-dependencies.ts';

/** A reminder, once per Dockerfile, that `COPY . .` takes whatever .dockerignore does not leave out. */
export const dockerignoreForWholeContext: DockerfileRule = {
  name: 'dockerignore-for-whole-context',
  severity: 'info',
  topic: 'docker-build',
  check: (model) => {
    const copy = allSteps(model).find(copiesWholeContext);
    if (!copy) return [];
    return [
      {
        line: copy.line,
        message: `\`${copy.text}\` copies everything in the build context that .dockerignore does not exclude.`,
        why: 'Without a .dockerignore, .git, node_modules, local .env files and build output go into the image (and into the cache key, so unrelated changes bust the cache).',
        fix: 'Add a .dockerignore beside the Dockerfile listing at least .git, node_modules (or your dependency folder), .env and build output.',
      },
    ];
  },
};
