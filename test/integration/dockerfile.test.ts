import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../src/config.ts';
import { explainDockerfile } from '../../src/explain/explain-dockerfile.ts';
import { DOCKERFILE_TEXT, execFormOf, finalStageOf, healthcheckCommand, PROJECT_ROOT, readProjectDockerfile, stageEnv } from '../fixtures/image-dockerfile.ts';

const model = readProjectDockerfile();
const runtime = finalStageOf(model);
/** Every step of every stage, with its stage, in file order. */
const steps = model.stages.flatMap((stage) => stage.steps.map((step) => ({ stage, step })));
const indexOf = (match: (args: string, keyword: string) => boolean) => steps.findIndex(({ step }) => match(step.args, step.keyword));
const dockerignore = readFileSync(new URL('.dockerignore', PROJECT_ROOT), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe('the Dockerfile', () => {
  test('GIVEN its stages THEN it is multi-stage, and the final stage starts from the same Node base as the stage that compiles the native addon', () => {
    expect(model.stages.map((s) => s.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    expect(model.globalArgs.map((a) => a.properties[0])).toEqual([['NODE_IMAGE', expect.stringMatching(/^node:24-[a-z]+-slim$/)]]);
    expect(model.stages[0]!.base).toBe('${NODE_IMAGE}');
    expect(runtime.base).toBe('${NODE_IMAGE}');
    expect(runtime.baseStage).toBeUndefined();
  });

  test('GIVEN the final stage THEN it runs as the unprivileged node user, with a health check, SIGTERM, tini as PID 1 and an exec-form CMD', () => {
    const users = runtime.steps.filter((s) => s.keyword === 'USER').map((s) => s.args.trim());
    expect(users).toEqual(['node']);
    // USER comes before the container's commands take effect and after every step that needs root.
    const userLine = runtime.steps.find((s) => s.keyword === 'USER')!.line;
    expect(runtime.steps.filter((s) => s.keyword === 'RUN' && s.line > userLine)).toEqual([]);
    expect(healthcheckCommand(runtime)).toEqual(['node', 'dist/cli/health-check.js']);
    expect([...runtime.steps.find((s) => s.keyword === 'HEALTHCHECK')!.flags.keys()]).toEqual(['interval', 'timeout', 'start-period', 'retries']);
    expect(runtime.steps.filter((s) => s.keyword === 'STOPSIGNAL').map((s) => s.args.trim())).toEqual(['SIGTERM']);
    expect(execFormOf(runtime, 'ENTRYPOINT')).toEqual(['/usr/bin/tini', '--']);
    expect(execFormOf(runtime, 'CMD')).toEqual(['node', 'dist/main.js']);
  });

  test('GIVEN the dependency install THEN the package files are copied before it and the sources after it, and the final stage installs nothing', () => {
    const install = indexOf((args, keyword) => keyword === 'RUN' && /\bnpm ci\b/.test(args));
    const packageFiles = indexOf((args, keyword) => keyword === 'COPY' && /package\.json package-lock\.json/.test(args));
    const sources = indexOf((args, keyword) => keyword === 'COPY' && /^src\//.test(args));
    const build = indexOf((args, keyword) => keyword === 'RUN' && args.trim() === 'npm run build');
    expect(packageFiles).toBeGreaterThanOrEqual(0);
    expect(packageFiles).toBeLessThan(install);
    expect(install).toBeLessThan(sources);
    expect(sources).toBeLessThan(build);
    // Production dependencies: the compiled node_modules, pruned, rather than a second install that recompiles.
    expect(steps.some(({ stage, step }) => stage.name === 'prod-deps' && step.keyword === 'RUN' && /^npm prune --omit=dev\b/.test(step.args))).toBe(true);
    expect(runtime.steps.filter((s) => s.keyword === 'RUN' && /\bnpm (ci|install|i)\b/.test(s.args))).toEqual([]);
    expect(runtime.steps.filter((s) => s.keyword === 'COPY' && s.flags.has('from')).map((s) => s.args)).toEqual([
      '/app/node_modules/ node_modules/',
      '/app/dist/ dist/',
      '/app/.cache/stevedore/ .cache/stevedore/',
    ]);
  });

  test('GIVEN the build stage THEN it warms the knowledge cache with the compiled code, after copying what it parses, at the path the final stage copies it from', () => {
    const build = model.stages.find((s) => s.name === 'build')!;
    const at = (match: (keyword: string, args: string) => boolean) => build.steps.findIndex((s) => match(s.keyword, s.args.trim()));
    const compile = at((keyword, args) => keyword === 'RUN' && args === 'npm run build');
    const warm = at((keyword, args) => keyword === 'RUN' && args === 'node dist/cli/warm-cache.js');
    expect(warm).toBeGreaterThan(compile);
    for (const folder of ['knowledge/ knowledge/', 'docker-cli/ docker-cli/']) {
      const copied = at((keyword, args) => keyword === 'COPY' && args === folder);
      expect(copied, folder).toBeGreaterThanOrEqual(0);
      expect(copied, folder).toBeLessThan(warm);
      // The final stage copies the same folders from the context, so the cache key matches at run time.
      expect(runtime.steps.some((s) => s.keyword === 'COPY' && !s.flags.has('from') && s.args.trim() === folder), folder).toBe(true);
    }
    // Warmed into CACHE_DIR's default under WORKDIR /app, which the final stage neither moves nor overrides.
    expect(ConfigSchema.parse({}).CACHE_DIR).toBe('./.cache/stevedore');
    expect(runtime.steps.filter((s) => s.keyword === 'WORKDIR').map((s) => s.args.trim())).toEqual(['/app']);
    expect(stageEnv(runtime)['CACHE_DIR']).toBeUndefined();
    // The cache is built in the image; a developer's own ./.cache never enters the build context.
    expect(dockerignore).toContain('.cache');
  });

  test('GIVEN its environment THEN the console chat is off through a setting the code knows, and the database is in the volume', () => {
    const env = stageEnv(runtime);
    expect(env).toMatchObject({ NODE_ENV: 'production', STEVEDORE_NO_CONSOLE: '1', DATABASE_PATH: '/data/stevedore.db' });
    for (const name of Object.keys(env).filter((n) => n !== 'NODE_ENV')) expect(Object.keys(ConfigSchema.shape), name).toContain(name);
    expect(runtime.steps.filter((s) => s.keyword === 'VOLUME').map((s) => s.args.trim())).toEqual(['/data']);
  });

  test('GIVEN what it copies from the build context THEN each exists, and .dockerignore keeps out secrets, dependencies and what it does not copy', () => {
    const fromContext = steps.filter(({ step }) => step.keyword === 'COPY' && !step.flags.has('from')).flatMap(({ step }) => step.words.slice(0, -1));
    expect(fromContext.length).toBeGreaterThan(0);
    for (const path of fromContext) {
      expect(() => readFileSync(new URL(path.replace(/\/$/, ''), PROJECT_ROOT)), path).not.toThrow(/ENOENT/);
      expect(dockerignore.filter((pattern) => path === pattern || path.startsWith(`${pattern}/`)), path).toEqual([]);
    }
    expect(dockerignore).toEqual(expect.arrayContaining(['.git', '.env', 'node_modules', 'dist', 'data', 'test']));
  });

  test('GIVEN the project\'s own explainer THEN it finds nothing to warn about', () => {
    const explained = explainDockerfile(DOCKERFILE_TEXT);
    expect(explained.ok).toBe(true);
    if (explained.ok) expect(explained.value.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
