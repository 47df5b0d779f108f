/**
 * `npm run build`: type-checks src/ and emits it as JavaScript to dist/ (tsconfig.build.json: the same layout,
 * `.ts` import specifiers rewritten to `.js`), then copies every file in src/ that is not TypeScript (the plain-JS
 * diagram worker, the Docker vocabulary JSON) to the same place under dist/, because the code finds them beside
 * itself (`new URL('./…', import.meta.url)`). The folders the code reads from the project root (knowledge/,
 * docker-cli/) are found from dist/ as from src/: both sit one level below the root.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Every file under `dir` (relative to it) that tsc does not emit. */
function buildAssets(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const assets = buildAssets(src);
for (const file of assets) cpSync(join(src, file), join(dist, file));
console.log(`Built dist/ (and copied ${assets.join(', ')}).`);
