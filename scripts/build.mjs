// @ts-check
/**
 * Compiles src/ to dist/: every TypeScript file transpiled to JavaScript on its own (esbuild, the transpiler tsx
 * and vitest already run the same code through; no type checking, which `npm run typecheck` and `npm run build`
 * do), `.ts` import specifiers rewritten to `.js`, and every file in src/ that is not TypeScript (the plain-JS
 * workers, the Docker vocabulary JSON) copied to the same place, because the code finds them beside itself
 * (`new URL('./…', import.meta.url)`). The folders the code reads from the project root (knowledge/, docker-cli/)
 * are found from dist/ as from src/: both sit one level below the root.
 *
 * dist/ is stamped with a hash of what it was built from (`dist/.source-stamp`), so `scripts/launch.mjs` runs it
 * only while it is up to date and rebuilds it otherwise. Plain JavaScript, so the launcher needs no loader.
 *
 * `node scripts/build.mjs` builds (`npm run build` type-checks first); the functions are for the launcher.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root this script belongs to. */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The stamp's file name inside dist/: the hex hash of the sources dist/ was built from, and nothing else. */
export const STAMP_FILE = '.source-stamp';

/** Node 20.19 and later run ES2023 as it is, so nothing is lowered. */
const TARGET = 'node20.19';

/**
 * Every file under `dir`, relative to it with `/` separators, sorted (so the order does not depend on the
 * file system).
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * A SHA-256 (hex) of everything dist/ is compiled from: each file in `root`/src (its path and contents), the
 * TypeScript settings esbuild reads (tsconfig.json) and this script. Contents rather than modification times, so
 * a checkout or a `touch` that changes nothing does not rebuild, and an edit that keeps the size and the second
 * does. About 10 ms for src/'s 1.7 MB.
 * @param {string} [root]
 * @returns {string}
 */
export function sourceStamp(root = ROOT) {
  const hash = createHash('sha256');
  const add = (/** @type {string} */ name, /** @type {Buffer} */ bytes) => hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  add('scripts/build.mjs', readFileSync(fileURLToPath(import.meta.url)));
  add('tsconfig.json', readFileSync(join(root, 'tsconfig.json')));
  const src = join(root, 'src');
  for (const file of filesUnder(src)) add(`src/${file}`, readFileSync(join(src, file)));
  return hash.digest('hex');
}

/**
 * The stamp dist/ was built with, or undefined when there is none (never built, a build that did not finish,
 * or dist/ from before stamps).
 * @param {string} dist
 * @returns {string | undefined}
 */
export function builtStamp(dist) {
  try {
    return readFileSync(join(dist, STAMP_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Compiles `root`/src into `dist` (default `root`/dist) and stamps it. Files are written over the old ones rather
 * than into an emptied folder, so a bot already running from dist/ that imports a module late still finds one;
 * files whose source is gone are removed afterwards. The stamp is removed first and written last: a build that
 * fails or is interrupted leaves dist/ unstamped, hence stale. Resolves the stamp and the number of files written.
 * Rejects with esbuild's error (its messages already printed to stderr) when a file does not compile.
 * @param {{ root?: string, dist?: string }} [options]
 * @returns {Promise<{ stamp: string, files: number }>}
 */
export async function buildDist({ root = ROOT, dist = join(root, 'dist') } = {}) {
  const stamp = sourceStamp(root);
  const src = join(root, 'src');
  const sources = filesUnder(src);
  const typescript = sources.filter((file) => file.endsWith('.ts'));
  const assets = sources.filter((file) => !file.endsWith('.ts'));
  mkdirSync(dist, { recursive: true });
  rmSync(join(dist, STAMP_FILE), { force: true });
  // Loaded only to build: a start whose dist/ is up to date never loads esbuild.
  const { build } = await import('esbuild');
  await build({
    entryPoints: typescript.map((file) => join(src, file)),
    outdir: dist,
    outbase: src,
    // "Bundling" only so that the plugin below sees every import; it marks each one external, so each file
    // compiles to one file of the same name that imports the others as before.
    bundle: true,
    plugins: [keepImportsAsTheyAre],
    format: 'esm',
    platform: 'node',
    target: TARGET,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  for (const file of assets) cpSync(join(src, file), join(dist, file));
  const written = new Set([...typescript.map((file) => file.replace(/\.ts$/, '.js')), ...assets, STAMP_FILE]);
  for (const file of filesUnder(dist)) if (!written.has(file)) rmSync(join(dist, file));
  writeFileSync(join(dist, STAMP_FILE), `${stamp}\n`);
  return { stamp, files: written.size - 1 };
}

/**
 * An esbuild plugin that leaves every import to Node at run time, as tsc's emit does: a relative `.ts` specifier
 * becomes the `.js` file compiled beside it, and a package stays a package.
 * @type {import('esbuild').Plugin}
 */
const keepImportsAsTheyAre = {
  name: 'keep-imports-as-they-are',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relativeTs = /^\.\.?\//.test(args.path) && args.path.endsWith('.ts');
      return { path: relativeTs ? `${args.path.slice(0, -3)}.js` : args.path, external: true };
    });
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const { files } = await buildDist();
  console.log(`Built dist/ from src/: ${files} files in ${Math.round(performance.now() - started)} ms.`);
}
