/**
 * The full day-boundary sweep, too slow for `npm test`: in every IANA time zone, every 30 minutes of 2026
 * and 2027, the start of the learner's day is the earliest instant whose local date is that day (the same
 * property `test/unit/quiz/day-boundary.test.ts` checks around offset changes and on sampled days).
 *
 *     npm run sweep:day-boundary        exit 0 when it holds everywhere, 1 with the first failures otherwise
 */
import { checkDayStart, TIME_ZONES } from '../test/unit/quiz/day-boundary-property.ts';

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const STEP = 30 * 60_000;

const started = performance.now();
const failures: string[] = [];
let checked = 0;
for (const zone of TIME_ZONES) {
  for (let at = FROM; at < TO; at += STEP) {
    const problem = checkDayStart(new Date(at), zone);
    if (problem && failures.length < 20) failures.push(problem);
    checked++;
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`${checked} instants in ${TIME_ZONES.length} zones checked in ${seconds} s: ${failures.length === 0 ? 'all hold' : 'failures:'}`);
for (const failure of failures) console.log(`  ${failure}`);
process.exitCode = failures.length === 0 ? 0 : 1;
