import type { DockerfileRule } from './dockerfile-rule.ts';

/** BuildKit's UndefinedArgInFrom: FROM may only use ARGs declared before the first FROM. */
export const undefinedArgInFrom: DockerfileRule = {
  name: 'undefined-arg-in-from',
  severity: 'warning',
  topic: 'dockerfile-basics',
  check: (model) => {
    const declared = new Set(model.globalArgs.flatMap((s) => s.properties.map(([name]) => name)));
    // Set by BuildKit itself for every build.
    for (const automatic of ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']) declared.add(automatic);
    return model.stages.flatMap((stage) =>
      [...stage.from.args.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)]
        .map((m) => m[1]!)
        .filter((name) => !declared.has(name))
        .map((name) => ({
          line: stage.from.line,
          message: `FROM uses \`${name}\`, which no ARG before the first FROM declares.`,
          why: 'FROM lines only see build arguments declared at the top of the Dockerfile; an undeclared one expands to an empty string and the image name breaks or changes meaning.',
          fix: `Declare it before the first FROM, with a default: \`ARG ${name}=<value>\`.`,
        })),
    );
  },
};
