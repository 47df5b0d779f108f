import { addWhereCopyDoes } from './add-where-copy-does.ts';
import { apkAddWithoutNoCache } from './apk-add-without-no-cache.ts';
import { aptGetUpdateAlone } from './apt-get-update-alone.ts';
import { aptListsNotRemoved } from './apt-lists-not-removed.ts';
import { baseImageUnpinned } from './base-image-unpinned.ts';
import { cmdEntrypointShellForm } from './cmd-entrypoint-shell-form.ts';
import { contextCopiedBeforeDependencies } from './context-copied-before-dependencies.ts';
import { copyFromUnknownStage } from './copy-from-unknown-stage.ts';
import { dockerignoreForWholeContext } from './dockerignore-for-whole-context.ts';
import type { DockerfileRule } from './dockerfile-rule.ts';
import { maintainerDeprecated } from './maintainer-deprecated.ts';
import { runsAsRoot } from './runs-as-root.ts';
import { secretInArgOrEnv } from './secret-in-arg-or-env.ts';
import { duplicateStageName, reservedStageName } from './stage-names.ts';
import { undefinedArgInFrom } from './undefined-arg-in-from.ts';
import { unknownInstruction } from './unknown-instruction.ts';
import { workdirRelativePath } from './workdir-relative-path.ts';

/** Every Dockerfile rule, in the order docs/explainer.md lists them. */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [
  unknownInstruction,
  duplicateStageName,
  reservedStageName,
  undefinedArgInFrom,
  copyFromUnknownStage,
  cmdEntrypointShellForm,
  secretInArgOrEnv,
  baseImageUnpinned,
  runsAsRoot,
  contextCopiedBeforeDependencies,
  dockerignoreForWholeContext,
  aptGetUpdateAlone,
  aptListsNotRemoved,
  apkAddWithoutNoCache,
  addWhereCopyDoes,
  workdirRelativePath,
  maintainerDeprecated,
];

export type { DockerfileRule, RuleHit } from './dockerfile-rule.ts';
export { DEPENDENCY_INSTALL, copiesWholeContext } from './context-copied-before-dependencies.ts';
export { finalStage, stageChain, shellText } from './dockerfile-rule.ts';
