import type { DockerfileRule } from './dockerfile-rule.ts';

/** `COPY --from=name` where no earlier stage has that name: Docker then pulls an image called `name`. */
export const copyFromUnknownStage: DockerfileRule = {
  name: 'copy-from-unknown-stage',
  severity: 'warning',
  topic: 'multi-stage-builds',
  check: (model) =>
    model.stages.flatMap((stage) =>
      stage.steps
        .filter((s) => s.keyword === 'COPY' && s.flags.has('from'))
        .flatMap((s) => {
          const from = s.flags.get('from')!.at(-1)!;
          const known = model.stages.some((other) => other.index < stage.index && (other.name?.toLowerCase() === from.toLowerCase() || String(other.index) === from));
          if (known || /[/:.$@]/.test(from)) return [];
          return [
            {
              line: s.line,
              message: `\`--from=${from}\` names no earlier stage.`,
              why: `With no stage called \`${from}\`, Docker treats it as an image name and tries to pull \`${from}:latest\` from Docker Hub, which usually fails or copies from the wrong thing.`,
              fix: 'Use the name of an earlier stage (`FROM … AS build`, then `COPY --from=build …`), or a full image reference with a tag.',
            },
          ];
        }),
    ),
};
