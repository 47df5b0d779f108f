import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps, quoted } from './dockerfile-rule.ts';

/** BuildKit's JSONArgsRecommended: CMD and ENTRYPOINT in shell form do not get signals. */
export const cmdEntrypointShellForm: DockerfileRule = {
  name: 'cmd-entrypoint-shell-form',
  severity: 'warning',
  topic: 'container-process',
  check: (model) =>
    allSteps(model)
      .filter((s) => (s.keyword === 'CMD' || s.keyword === 'ENTRYPOINT') && !s.execForm && s.args.trim() !== '')
      .map((s) => ({
        line: s.line,
        message: `${s.keyword} ${quoted(s.args)} is in shell form.`,
        why: 'Shell form starts the program through `/bin/sh -c`, so (depending on the shell) the shell rather than your program is PID 1, the SIGTERM from `docker stop` may never reach your program, and Docker kills it after the grace period (10 s) instead of letting it shut down cleanly.',
        fix: /[&|;<>$`"'\\]/.test(s.args)
          ? `Move the shell logic into a script that ends with \`exec <your program>\`, and name the script in exec form: \`${s.keyword} ["./start.sh"]\`.`
          : `Write it in exec form, a JSON array: \`${s.keyword} ${JSON.stringify(s.args.trim().split(/\s+/))}\`.`,
      })),
};
