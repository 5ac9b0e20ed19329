/**
 * The property-based suite (test/properties.ts) with a fixed seed, so every
 * run of `npm test` checks the same inputs. `EMNEWS_SEED` and `EMNEWS_RUNS`
 * override both; `npm run fuzz` runs the same properties with random seeds.
 */

import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTIES } from './properties.ts';

const seed = Number(process.env['EMNEWS_SEED'] ?? 20261128);
const numRuns = Number(process.env['EMNEWS_RUNS'] ?? 1000);

describe(`properties (seed ${seed}, ${numRuns} runs each)`, () => {
  for (const { name, property } of PROPERTIES) {
    it(name, () => {
      // On failure fast-check reports the seed, the path and the shrunk counterexample.
      fc.assert(property, { seed, numRuns });
    });
  }
});
