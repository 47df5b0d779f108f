import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps } from './dockerfile-rule.ts';

const SECRET_NAME = /(^|_)(pass(word)?|passwd|secret|token|api_?key|private_?key|credentials?|auth)($|_)/i;

/** BuildKit's SecretsUsedInArgOrEnv: build arguments and environment variables are stored with the image. */
export const secretInArgOrEnv: DockerfileRule = {
  name: 'secret-in-arg-or-env',
  severity: 'warning',
  topic: 'environment-variables',
  check: (model) =>
    [...model.globalArgs, ...allSteps(model)]
      .filter((s) => s.keyword === 'ARG' || s.keyword === 'ENV')
      .flatMap((s) => s.properties.filter(([name]) => SECRET_NAME.test(name)).map(([name]) => ({ step: s, name })))
      .map(({ step, name }) => ({
        line: step.line,
        message: `${step.keyword} \`${name}\` looks like it carries a secret.`,
        why:
          step.keyword === 'ENV'
            ? 'ENV values are stored in the image\'s configuration: anyone who can pull the image reads them with `docker inspect`.'
            : 'Build argument values can end up in the image\'s metadata and history (`docker history` shows the ones RUN steps used), where anyone who can pull the image reads them.',
        fix: 'Pass secrets at build time with `docker build --secret id=…` and read them in `RUN --mount=type=secret,id=…`, or at run time from the environment or a secrets manager.',
      })),
};
