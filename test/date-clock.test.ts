/**
 * A date's result never depends on the current clock or the host's time
 * zone: the same dates under a clock faked to January, to July and to the
 * epoch, and under three host zones, with the zone caches emptied before
 * each run so every answer is computed afresh. Expected values are written
 * by hand from the zone rules (see test/dates.test.ts).
 *
 * Imports the sources rather than the package so that the test can empty
 * the very caches parsePost uses.
 */

import { deepStrictEqual } from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { parsePost } from '../src/parse-post.ts';
import { resetZoneCaches } from '../src/_lib/time-zone.ts';

const withDate = (date: string): string => ['---', 'title: 甲', `date: ${date}`, '---', '正文'].join('\n');

/** [raw, zone, iso, utc] */
const CASES: [string, string, string, string][] = [
  // British Standard Time: GMT+1 all year from 1968-10-27 to 1971-10-31.
  ['1970-01-01 00:00:00', 'Europe/London', '1970-01-01T00:00:00+01:00', '1969-12-31T23:00:00.000Z'],
  ['1970-07-01 00:00:00', 'Europe/London', '1970-07-01T00:00:00+01:00', '1970-06-30T23:00:00.000Z'],
  ['2022-01-15 12:00:00', 'Europe/London', '2022-01-15T12:00:00+00:00', '2022-01-15T12:00:00.000Z'],
  ['2022-07-15 12:00:00', 'Europe/London', '2022-07-15T12:00:00+01:00', '2022-07-15T11:00:00.000Z'],
  ['1970-01-01 00:00:00', 'UTC', '1970-01-01T00:00:00+00:00', '1970-01-01T00:00:00.000Z'],
  ['1970-01-01 08:00:00', 'Asia/Shanghai', '1970-01-01T08:00:00+08:00', '1970-01-01T00:00:00.000Z'],
  ['1988-07-01 12:00:00', 'Asia/Shanghai', '1988-07-01T12:00:00+09:00', '1988-07-01T03:00:00.000Z'],
  ['2022-03-13 01:30:00', 'America/New_York', '2022-03-13T01:30:00-05:00', '2022-03-13T06:30:00.000Z'],
  ['2022-11-06 01:30:00', 'America/New_York', '2022-11-06T01:30:00-04:00', '2022-11-06T05:30:00.000Z'],
  ['1945-10-14 23:30:00', 'Asia/Kolkata', '1945-10-14T23:30:00+06:30', '1945-10-14T17:00:00.000Z'],
];

const CLOCKS: [string, number][] = [
  ['January', Date.UTC(2026, 0, 15, 12)],
  ['July', Date.UTC(2026, 6, 15, 12)],
  ['the epoch', 0],
];

const HOST_ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];

function readAll(): [string, string][] {
  resetZoneCaches();
  return CASES.map(([raw, timeZone]) => {
    const date = parsePost(withDate(raw), { timeZone }).date;
    return [date?.iso ?? 'null', date?.utc ?? 'null'];
  });
}

const expected = CASES.map(([, , iso, utc]) => [iso, utc]);
const savedTz = process.env['TZ'];

afterEach(() => {
  mock.timers.reset();
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('dates and the clock', () => {
  for (const [name, now] of CLOCKS) {
    for (const zone of HOST_ZONES) {
      it(`gives the same dates with the clock faked to ${name}, host zone ${zone}`, () => {
        process.env['TZ'] = zone;
        mock.timers.enable({ apis: ['Date'], now });
        deepStrictEqual(readAll(), expected);
      });
    }
  }

  it('never reads the clock at all', () => {
    const now = Date.now;
    Date.now = () => {
      throw new Error('Date.now() was called');
    };
    try {
      deepStrictEqual(readAll(), expected);
    } finally {
      Date.now = now;
    }
  });
});
