import type { DockerfileRule } from './dockerfile-rule.ts';

/** BuildKit's WorkdirRelativePath: a relative WORKDIR before any absolute one in the stage. */
export const workdirRelativePath: DockerfileRule = {
  name: 'workdir-relative-path',
  severity: 'warning',
  topic: 'dockerfile-basics',
  check: (model) =>
    model.stages.flatMap((stage) => {
      const hits = [];
      let absoluteSeen = false;
      for (const step of stage.steps.filter((s) => s.keyword === 'WORKDIR')) {
        const path = step.args.trim();
        if (/^([/$]|[A-Za-z]:[\\/])/.test(path)) absoluteSeen = true;
        else if (!absoluteSeen) {
          hits.push({
            line: step.line,
            message: `\`WORKDIR ${path}\` is relative, with no absolute WORKDIR before it in this stage.`,
            why: 'A relative WORKDIR is resolved against the base image\'s working directory, which you do not control: the same line lands in a different place if the base changes.',
            fix: `Make it absolute: \`WORKDIR /${path.replace(/^\.\//, '')}\`.`,
          });
        }
      }
      return hits;
    }),
};
