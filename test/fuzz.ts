/**
 * `npm run fuzz -- [minutes]`: runs the property suite (test/properties.ts)
 * with fresh random seeds until the time is up (default 10 minutes; give
 * 240 for a four-hour run). Prints every failure with its seed, so
 * `EMNEWS_SEED=<seed> EMNEWS_RUNS=<runs> npm test` replays it, and exits 1 if
 * any property failed.
 */

import fc from 'fast-check';
import { PROPERTIES } from './properties.ts';

const minutes = Number(process.argv[2] ?? 10);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('usage: npm run fuzz -- [minutes]');
  process.exit(2);
}
const RUNS_PER_ROUND = 1000;
const deadline = Date.now() + minutes * 60_000;
const runs = new Map<string, number>(PROPERTIES.map(({ name }) => [name, 0]));
let failures = 0;
let rounds = 0;

while (Date.now() < deadline) {
  rounds++;
  for (const { name, property } of PROPERTIES) {
    const seed = (Math.random() * 2 ** 31) | 0;
    const result = fc.check(property, { seed, numRuns: RUNS_PER_ROUND });
    runs.set(name, runs.get(name)! + result.numRuns);
    if (result.failed) {
      failures++;
      console.error(`FAILED: ${name}\n  replay: EMNEWS_SEED=${seed} EMNEWS_RUNS=${RUNS_PER_ROUND} npm test`);
      console.error(fc.defaultReportMessage(result));
    }
  }
  const left = Math.max(0, Math.round((deadline - Date.now()) / 60_000));
  console.log(`round ${rounds}: ${[...runs.values()].reduce((a, b) => a + b, 0)} runs, ${failures} failures, ~${left} min left`);
}

console.log(`\n${rounds} rounds in ${minutes} min, ${failures} failures`);
for (const [name, count] of runs) console.log(`  ${count.toString().padStart(9)}  ${name}`);
process.exit(failures > 0 ? 1 : 0);
