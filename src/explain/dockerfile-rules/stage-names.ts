import type { DockerfileRule } from './dockerfile-rule.ts';

/** BuildKit's DuplicateStageName: two stages with one name make `--from` and `--target` ambiguous. */
export const duplicateStageName: DockerfileRule = {
  name: 'duplicate-stage-name',
  severity: 'error',
  topic: 'multi-stage-builds',
  check: (model) =>
    model.stages
      .filter((stage) => stage.name && model.stages.some((other) => other.index < stage.index && other.name?.toLowerCase() === stage.name!.toLowerCase()))
      .map((stage) => ({
        line: stage.from.line,
        message: `The stage name \`${stage.name}\` is used twice.`,
        why: 'The builder cannot tell which stage `--from` or `--target` means, and the build fails.',
        fix: 'Give each stage its own name (`build`, `test`, `runtime`).',
      })),
};

/** BuildKit's ReservedStageName: `scratch` and `context` already mean something. */
export const reservedStageName: DockerfileRule = {
  name: 'reserved-stage-name',
  severity: 'warning',
  topic: 'multi-stage-builds',
  check: (model) =>
    model.stages
      .filter((stage) => stage.name && ['scratch', 'context'].includes(stage.name.toLowerCase()))
      .map((stage) => ({
        line: stage.from.line,
        message: `\`${stage.name}\` is a reserved word and should not name a stage.`,
        why: '`scratch` is the empty base image and `context` names the build context, so a stage with either name is confusing at best.',
        fix: 'Choose another name, such as `builder`.',
      })),
};
