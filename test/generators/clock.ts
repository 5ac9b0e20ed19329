/**
 * A date's result never depends on the current clock: random wall-clock
 * times in zones whose offsets changed (London's all-year summer time of
 * 1968-1971, Shanghai's summer time of 1986-1991, New York's changes),
 * read once under the real clock and once with `Date` and `Date.now`
 * faked to a random instant, the zone caches emptied before each reading
 * so neither answer is the other's, give the same date. The real `Date`
 * comes back even when a reading throws.
 *
 * Imports the sources rather than the package so that it empties the very
 * caches parsePost uses (as test/date-clock.test.ts does).
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parsePost } from '../../src/parse-post.ts';
import { resetZoneCaches } from '../../src/_lib/time-zone.ts';
import type { Property } from '../properties.ts';

/** [zone, from, to]: years whose changes a clock-dependent reading would get wrong. */
const RANGES: readonly [string, number, number][] = [
  ['Europe/London', Date.UTC(1967, 0, 1), Date.UTC(1973, 0, 1)],
  ['Asia/Shanghai', Date.UTC(1985, 0, 1), Date.UTC(1992, 0, 1)],
  ['America/New_York', Date.UTC(1900, 0, 1), Date.UTC(2100, 0, 1)],
];
/** The ECMAScript date range. */
const LIMIT = 8.64e15;

export interface ClockCase {
  range: readonly [string, number, number];
  at: number;
  now: number;
}

export const clockCase: fc.Arbitrary<ClockCase> = fc.record({
  range: fc.constantFrom(...RANGES),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  now: fc.oneof(fc.integer({ min: -LIMIT, max: LIMIT }), fc.constantFrom(0, Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15))),
});

/** Runs `read` with `new Date()` and `Date.now()` at `now`; other uses of `Date` work as before. */
function withClock<T>(now: number, read: () => T): T {
  const RealDate = Date;
  class FakeDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string]));
    }
    static override now(): number {
      return now;
    }
  }
  globalThis.Date = FakeDate as DateConstructor;
  try {
    return read();
  } finally {
    globalThis.Date = RealDate;
  }
}

function readDate(written: string, timeZone: string): unknown {
  resetZoneCaches();
  return parsePost(`---\ntitle: 甲\ndate: ${written}\n---\n正文`, { timeZone }).date;
}

export const CLOCK_PROPERTIES: readonly Property[] = [
  {
    name: 'a date reads the same under a faked clock (London 1967-1972, Shanghai 1985-1991, New York)',
    property: fc.property(clockCase, ({ range: [zone, from, to], at, now }) => {
      const wall = from + Math.floor(((to - from) * at) / 1000) * 1000;
      const written = new Date(wall).toISOString().slice(0, 19).replace('T', ' ');
      const real = readDate(written, zone);
      const faked = withClock(now, () => readDate(written, zone));
      if (!isDeepStrictEqual(faked, real)) throw new Error(`${written} in ${zone}: ${JSON.stringify(real)} under the real clock, ${JSON.stringify(faked)} at ${now}`);
    }) as unknown as Property['property'],
  },
];
