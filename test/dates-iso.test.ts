/**
 * The UTC text of a date (src/_lib/date.ts `isoUtc`) is computed without
 * `Date.prototype.toISOString`; it must be the same text for every instant.
 */

import { strictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isoUtc } from '../src/_lib/date.ts';

const MAX = 8.64e15;
const YEAR_1000 = Date.UTC(1000, 0, 1);
const YEAR_10000 = Date.UTC(10_000, 0, 1);

describe('isoUtc', () => {
  it('is toISOString for every instant in the date range (generated)', () => {
    const instant = fc.oneof(
      fc.integer({ min: -MAX, max: MAX }),
      fc.integer({ min: YEAR_1000 - 86_400_000, max: YEAR_10000 + 86_400_000 }),
      // Around the edges of days, leap days and the four-digit years.
      fc
        .tuple(fc.integer({ min: -400, max: 12_000 }), fc.constantFrom(0, 1, 58, 59, 60, 364, 365), fc.integer({ min: -1, max: 1 }))
        .map(([year, day, ms]) => new Date(0).setUTCFullYear(year, 0, 1 + day) + ms),
    );
    fc.assert(
      fc.property(instant, (epochMs) => strictEqual(isoUtc(epochMs), new Date(epochMs).toISOString())),
      { seed: 20261129, numRuns: 50_000 },
    );
  });

  it('writes the first and last instants of four-digit years', () => {
    for (const epochMs of [YEAR_1000, YEAR_1000 - 1, YEAR_10000 - 1, YEAR_10000, Date.UTC(2000, 1, 29, 23, 59, 59, 999), 0, -1]) {
      strictEqual(isoUtc(epochMs), new Date(epochMs).toISOString());
    }
  });
});
