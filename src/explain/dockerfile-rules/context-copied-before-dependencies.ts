import type { DockerfileStep } from '../read-dockerfile.ts';
import type { DockerfileRule } from './dockerfile-rule.ts';
import { shellText } from './dockerfile-rule.ts';

/** Dependency installs that only need a manifest: npm, yarn, pnpm, pip, poetry, go, Maven, Gradle, bundler, composer, cargo. */
export const DEPENDENCY_INSTALL = /\b(npm\s+(ci|install|i)\b|yarn(\s+install)?\s*($|&|;|--)|pnpm\s+(install|i)\b|pip3?\s+install\s+(-\S+\s+)*-r\b|poetry\s+install|pipenv\s+install|uv\s+sync|go\s+mod\s+download|mvn\b.*dependency:(go-offline|resolve)|gradle\b.*dependencies|bundle\s+install|composer\s+install|cargo\s+fetch)/;

/** Whether a COPY or ADD takes the whole build context (`COPY . .`, `COPY ./ /app/`, `COPY [".", "."]`), not another stage. */
export function copiesWholeContext(step: DockerfileStep): boolean {
  const words = step.execForm ?? step.words;
  return (step.keyword === 'COPY' || step.keyword === 'ADD') && !step.flags.has('from') && words.length >= 2 && words.slice(0, -1).some((src) => src === '.' || src === './');
}

/** `COPY . .` before `npm ci` (or any install): every source change re-runs the install. */
export const contextCopiedBeforeDependencies: DockerfileRule = {
  name: 'context-copied-before-dependencies',
  severity: 'warning',
  topic: 'build-cache',
  check: (model) =>
    model.stages.flatMap((stage) => {
      const copy = stage.steps.find(copiesWholeContext);
      if (!copy) return [];
      const install = stage.steps.find((s) => s.line > copy.line && s.keyword === 'RUN' && DEPENDENCY_INSTALL.test(shellText(s)));
      if (!install) return [];
      const command = DEPENDENCY_INSTALL.exec(shellText(install))![0].trim();
      return [
        {
          line: copy.line,
          message: `\`${copy.text}\` copies the whole context before \`${command}\` on line ${install.line}.`,
          why: `Changing any file in the context invalidates the cache at \`${copy.text}\`, so \`${command}\` re-runs on every code change instead of only when the dependency list changes.`,
          fix: 'Copy only the dependency manifests first, install, then copy the rest: for example `COPY package.json package-lock.json ./`, `RUN npm ci`, `COPY . .`.',
        },
      ];
    }),
};
