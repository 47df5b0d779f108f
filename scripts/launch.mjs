// @ts-check
/**
 * `node scripts/launch.mjs src/ENTRY.ts [args…]`: how `npm start`, `npm run ask` and the other command-line scripts
 * run an entry point. It runs the compiled `dist/ENTRY.js` in this same process, after compiling src/ to dist/
 * (`scripts/build.mjs`, about a second, with a one-line notice on stderr) when dist/ is missing or was built from
 * other sources than src/ holds now. So `npm start` works right after `npm install`, an edit to src/ is picked up
 * by the next start, and a start does not pay for compiling TypeScript on the fly (about 0.8 s of CPU through
 * tsx). When the build fails, it says so and runs the TypeScript through tsx, as before the launcher.
 *
 * The entry point sees the arguments as if it had been started itself: `process.argv[1]` is its file and the
 * rest are the arguments after ENTRY. Plain JavaScript, so it needs no loader.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, builtStamp, ROOT, sourceStamp } from './build.mjs';

/** How long a build may hold the lock before another start takes it over as abandoned (a killed build). */
const LOCK_STALE_MS = 120_000;
/** How long a start waits for another start's build before building itself. */
const LOCK_WAIT_MS = 60_000;

const USAGE = 'usage: node scripts/launch.mjs src/ENTRY.ts [arguments…]';

const entry = process.argv[2];
const source = entry === undefined ? undefined : resolve(ROOT, entry);
const sourceInSrc = source === undefined ? undefined : relative(join(ROOT, 'src'), source);
if (sourceInSrc === undefined || sourceInSrc.startsWith('..') || isAbsolute(sourceInSrc) || !sourceInSrc.endsWith('.ts')) {
  console.error(USAGE);
  process.exit(2);
}
// dist/ sits beside src/, one level below the root, where the code finds knowledge/ and node_modules/ from either.
const dist = join(ROOT, 'dist');
const compiled = join(dist, sourceInSrc.replace(/\.ts$/, '.js'));

const file = (await compiledIsUpToDate()) ? compiled : await tsxFallback();
// As if `node FILE args…` had been run: the entry point reads its arguments from process.argv.slice(2).
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);

/**
 * True when dist/ holds what src/ compiles to now, building it first when it does not. Several starts at once
 * (after an edit, say) build once: the first takes a lock (a folder, created atomically) and the others wait
 * for it and then find dist/ up to date. False when the build failed.
 * @returns {Promise<boolean>}
 */
async function compiledIsUpToDate() {
  const wanted = sourceStamp();
  if (builtStamp(dist) === wanted) return true;
  const lock = `${dist}.building`;
  const gaveUpAt = Date.now() + LOCK_WAIT_MS;
  while (!takeLock(lock)) {
    if (Date.now() > gaveUpAt) break;
    await new Promise((done) => setTimeout(done, 100));
    if (builtStamp(dist) === wanted) return true;
  }
  try {
    if (builtStamp(dist) === wanted) return true;
    console.error(`Building dist/ from src/ (${builtStamp(dist) === undefined ? 'not built yet' : 'src/ has changed'})…`);
    await buildDist({ dist });
    return true;
  } catch (error) {
    console.error(`The build failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
    return false;
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // Taken over by another start, or never taken (the wait ran out): nothing to release.
    }
  }
}

/**
 * Takes the build lock, or takes it over when the start that holds it has held it past {@link LOCK_STALE_MS}.
 * @param {string} lock
 * @returns {boolean}
 */
function takeLock(lock) {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmdirSync(lock);
    } catch {
      // Released meanwhile: the next try takes it.
    }
    return false;
  }
}

/**
 * Registers tsx's loader in this process and returns the TypeScript entry point to run instead of dist/.
 * @returns {Promise<string>}
 */
async function tsxFallback() {
  console.error('Running the TypeScript sources through tsx instead (slower to start).');
  const { register } = await import('tsx/esm/api');
  register();
  return /** @type {string} */ (source);
}
