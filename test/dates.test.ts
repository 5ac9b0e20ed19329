/**
 * Date normalization from Beijing time (or options.timeZone), table-driven.
 * Expected instants are written by hand from the calendar rules and from the
 * zone rules of the IANA database (quoted beside each group), never from
 * emnews's output. test/properties.ts compares random dates against an
 * independent computation; test/date-clock.test.ts fakes the clock.
 */

import { deepStrictEqual, strictEqual, throws } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePost, PostParseError, type PostDate } from 'emnews';

const withDate = (date: string): string =>
  ['---', 'title: 甲', `date: ${date}`, '---', '正文', '', '<http://finance.eastmoney.com/a/202205230000000031.html>'].join('\n');

interface Case {
  raw: string;
  timeZone?: string;
  /** [iso, utc, assumed], or the warning code when the date is null. */
  expected: [string, string, boolean] | 'missing-date' | 'invalid-date';
}

const cases: Case[] = [
  { raw: '2022-05-23 17:03:48 +0800', expected: ['2022-05-23T17:03:48+08:00', '2022-05-23T09:03:48.000Z', false] },
  { raw: '2022-05-23 17:03:48 +08:00', expected: ['2022-05-23T17:03:48+08:00', '2022-05-23T09:03:48.000Z', false] },
  { raw: '2022-05-23T17:03:48Z', expected: ['2022-05-23T17:03:48+00:00', '2022-05-23T17:03:48.000Z', false] },
  { raw: '2022-05-23 17:03:48 -0530', expected: ['2022-05-23T17:03:48-05:30', '2022-05-23T22:33:48.000Z', false] },
  { raw: '2022-05-23 17:03:48.25 +0800', expected: ['2022-05-23T17:03:48.250+08:00', '2022-05-23T09:03:48.250Z', false] },
  { raw: '2021-12-08 10:46:18', expected: ['2021-12-08T10:46:18+08:00', '2021-12-08T02:46:18.000Z', true] },
  { raw: '2022-05-23', expected: ['2022-05-23T00:00:00+08:00', '2022-05-22T16:00:00.000Z', true] },
  { raw: '2022-01-01 00:30:00', expected: ['2022-01-01T00:30:00+08:00', '2021-12-31T16:30:00.000Z', true] },
  { raw: '2024-02-29 08:00:00 +0800', expected: ['2024-02-29T08:00:00+08:00', '2024-02-29T00:00:00.000Z', false] },
  // China observed summer time from 1986 to 1991: 1988-04-17 to 1988-09-11 was UTC+9.
  { raw: '1988-07-01 12:00:00', expected: ['1988-07-01T12:00:00+09:00', '1988-07-01T03:00:00.000Z', true] },
  { raw: '1988-12-01 12:00:00', expected: ['1988-12-01T12:00:00+08:00', '1988-12-01T04:00:00.000Z', true] },
  { raw: '2022-07-01 12:00:00', timeZone: 'America/New_York', expected: ['2022-07-01T12:00:00-04:00', '2022-07-01T16:00:00.000Z', true] },
  { raw: '2022-01-15 12:00:00', timeZone: 'America/New_York', expected: ['2022-01-15T12:00:00-05:00', '2022-01-15T17:00:00.000Z', true] },
  { raw: '2022-05-23 17:03:48', timeZone: 'UTC', expected: ['2022-05-23T17:03:48+00:00', '2022-05-23T17:03:48.000Z', true] },
  { raw: '" +0800"', expected: 'missing-date' },
  { raw: '""', expected: 'missing-date' },
  { raw: '2022-02-30 10:00:00', expected: 'invalid-date' },
  { raw: '2023-02-29', expected: 'invalid-date' },
  { raw: '2022-13-01', expected: 'invalid-date' },
  { raw: '2022-05-23 24:00:00', expected: 'invalid-date' },
  { raw: '2022-05-23 23:60:00', expected: 'invalid-date' },
  { raw: '2022-05-23 23:59:60', expected: 'invalid-date' },
  { raw: '2022-05-23 10:00:00 +2500', expected: 'invalid-date' },
  { raw: '昨天下午', expected: 'invalid-date' },
  { raw: '[2022, 5, 23]', expected: 'invalid-date' },
];

/** A date written without an offset, read in `timeZone`: [raw, iso, utc]. The offset is the end of `iso`. */
type Resolved = [raw: string, iso: string, utc: string];

/**
 * Wall-clock times near offset changes. "twice" times (clocks set back) take
 * the earlier instant; "gap" times (clocks set forward) keep the offset
 * before the change, so they name the instant one gap-length later:
 * Temporal's `disambiguation: 'compatible'`.
 */
const transitions: Record<string, Resolved[]> = {
  // US rules since 2007: second Sunday of March 02:00 EST -> 03:00 EDT; first Sunday of November 02:00 EDT -> 01:00 EST.
  'America/New_York': [
    ['2022-03-13 01:30:00', '2022-03-13T01:30:00-05:00', '2022-03-13T06:30:00.000Z'],
    ['2022-03-13 01:59:59', '2022-03-13T01:59:59-05:00', '2022-03-13T06:59:59.000Z'],
    ['2022-03-13 02:00:00', '2022-03-13T02:00:00-05:00', '2022-03-13T07:00:00.000Z'], // gap
    ['2022-03-13 02:30:00', '2022-03-13T02:30:00-05:00', '2022-03-13T07:30:00.000Z'], // gap: 03:30 EDT
    ['2022-03-13 03:00:00', '2022-03-13T03:00:00-04:00', '2022-03-13T07:00:00.000Z'],
    ['2022-03-13 03:30:00', '2022-03-13T03:30:00-04:00', '2022-03-13T07:30:00.000Z'],
    ['2022-11-06 00:59:59', '2022-11-06T00:59:59-04:00', '2022-11-06T04:59:59.000Z'],
    ['2022-11-06 01:00:00', '2022-11-06T01:00:00-04:00', '2022-11-06T05:00:00.000Z'], // twice
    ['2022-11-06 01:30:00', '2022-11-06T01:30:00-04:00', '2022-11-06T05:30:00.000Z'], // twice
    ['2022-11-06 01:59:59', '2022-11-06T01:59:59-04:00', '2022-11-06T05:59:59.000Z'], // twice
    ['2022-11-06 02:00:00', '2022-11-06T02:00:00-05:00', '2022-11-06T07:00:00.000Z'],
  ],
  // Rule PRC 1986 May 4 2:00 +1h; 1987-1991 Apr Sun>=11 2:00 +1h; 1986-1991 Sep Sun>=11 2:00 (daylight) back.
  // LMT +8:05:43 until 1901-01-01 00:00, then +8: 23:54:17-23:59:59 on 1900-12-31 happens twice.
  'Asia/Shanghai': [
    ['1900-06-01 12:00:00', '1900-06-01T12:00:00+08:05:43', '1900-06-01T03:54:17.000Z'],
    ['1900-12-31 23:54:16', '1900-12-31T23:54:16+08:05:43', '1900-12-31T15:48:33.000Z'],
    ['1900-12-31 23:55:00', '1900-12-31T23:55:00+08:05:43', '1900-12-31T15:49:17.000Z'], // twice
    ['1901-01-01 00:00:00', '1901-01-01T00:00:00+08:00', '1900-12-31T16:00:00.000Z'],
    ['1986-05-04 01:59:59', '1986-05-04T01:59:59+08:00', '1986-05-03T17:59:59.000Z'],
    ['1986-05-04 02:30:00', '1986-05-04T02:30:00+08:00', '1986-05-03T18:30:00.000Z'], // gap: 03:30 CDT
    ['1986-05-04 03:00:00', '1986-05-04T03:00:00+09:00', '1986-05-03T18:00:00.000Z'],
    ['1986-09-14 00:59:59', '1986-09-14T00:59:59+09:00', '1986-09-13T15:59:59.000Z'],
    ['1986-09-14 01:30:00', '1986-09-14T01:30:00+09:00', '1986-09-13T16:30:00.000Z'], // twice
    ['1986-09-14 02:00:00', '1986-09-14T02:00:00+08:00', '1986-09-13T18:00:00.000Z'],
    ['1987-04-12 02:00:00', '1987-04-12T02:00:00+08:00', '1987-04-11T18:00:00.000Z'], // gap
    ['1988-04-16 12:00:00', '1988-04-16T12:00:00+08:00', '1988-04-16T04:00:00.000Z'],
    ['1988-04-17 12:00:00', '1988-04-17T12:00:00+09:00', '1988-04-17T03:00:00.000Z'],
    ['1991-09-15 01:30:00', '1991-09-15T01:30:00+09:00', '1991-09-14T16:30:00.000Z'], // twice
    ['1991-09-15 02:30:00', '1991-09-15T02:30:00+08:00', '1991-09-14T18:30:00.000Z'],
    ['1992-04-12 02:30:00', '1992-04-12T02:30:00+08:00', '1992-04-11T18:30:00.000Z'], // no summer time in 1992
  ],
  // Zone Asia/Kolkata: 5:30 IST until 1941 Oct; +1h until 1942 May 15; IST until 1942 Sep; +1h until 1945 Oct 15.
  'Asia/Kolkata': [
    ['1941-10-01 00:30:00', '1941-10-01T00:30:00+05:30', '1941-09-30T19:00:00.000Z'], // gap: 01:30 +06:30
    ['1945-07-01 12:00:00', '1945-07-01T12:00:00+06:30', '1945-07-01T05:30:00.000Z'],
    ['1945-10-14 22:59:59', '1945-10-14T22:59:59+06:30', '1945-10-14T16:29:59.000Z'],
    ['1945-10-14 23:30:00', '1945-10-14T23:30:00+06:30', '1945-10-14T17:00:00.000Z'], // twice
    ['1945-10-15 00:00:00', '1945-10-15T00:00:00+05:30', '1945-10-14T18:30:00.000Z'],
    ['1945-10-15 00:30:00', '1945-10-15T00:30:00+05:30', '1945-10-14T19:00:00.000Z'],
  ],
  // British Standard Time: GMT+1 all year from 1968 Feb 18 2:00 GMT until 1971 Oct 31 2:00 UTC.
  'Europe/London': [
    ['1968-02-18 01:59:59', '1968-02-18T01:59:59+00:00', '1968-02-18T01:59:59.000Z'],
    ['1968-02-18 02:30:00', '1968-02-18T02:30:00+00:00', '1968-02-18T02:30:00.000Z'], // gap: 03:30 BST
    ['1968-02-18 03:00:00', '1968-02-18T03:00:00+01:00', '1968-02-18T02:00:00.000Z'],
    ['1969-01-15 12:00:00', '1969-01-15T12:00:00+01:00', '1969-01-15T11:00:00.000Z'],
    ['1970-01-01 00:00:00', '1970-01-01T00:00:00+01:00', '1969-12-31T23:00:00.000Z'],
    ['1970-12-25 12:00:00', '1970-12-25T12:00:00+01:00', '1970-12-25T11:00:00.000Z'],
    ['1971-10-31 01:59:59', '1971-10-31T01:59:59+01:00', '1971-10-31T00:59:59.000Z'],
    ['1971-10-31 02:30:00', '1971-10-31T02:30:00+01:00', '1971-10-31T01:30:00.000Z'], // twice
    ['1971-10-31 03:00:00', '1971-10-31T03:00:00+00:00', '1971-10-31T03:00:00.000Z'],
    ['1971-12-01 12:00:00', '1971-12-01T12:00:00+00:00', '1971-12-01T12:00:00.000Z'],
  ],
};

/**
 * The first and last years of four digits, and the edges of the ECMAScript
 * date range (±8.64e15 ms, years -271821 to 275760), which no four-digit
 * year reaches: a correct date, or `invalid-date`. Year 0 is 1 BC (ISO 8601),
 * a leap year; `utc` writes years outside 0-9999 with six digits and a sign,
 * as `Date.prototype.toISOString` does.
 */
const years: [raw: string, zone: string, expected: [iso: string, utc: string, epochMs: number] | 'invalid-date'][] = [
  ['0000-01-01 00:00:00 +0800', 'UTC', ['0000-01-01T00:00:00+08:00', '-000001-12-31T16:00:00.000Z', -62167219200000 - 8 * 3600_000]],
  ['0000-01-01 00:00:00', 'UTC', ['0000-01-01T00:00:00+00:00', '0000-01-01T00:00:00.000Z', -62167219200000]],
  ['0000-01-01 00:00:00', 'Asia/Shanghai', ['0000-01-01T00:00:00+08:05:43', '-000001-12-31T15:54:17.000Z', -62167219200000 - 29143_000]],
  ['0000-02-29 12:00:00Z', 'UTC', ['0000-02-29T12:00:00+00:00', '0000-02-29T12:00:00.000Z', -62167219200000 + 59.5 * 86400_000]],
  ['0001-01-01', 'UTC', ['0001-01-01T00:00:00+00:00', '0001-01-01T00:00:00.000Z', -62135596800000]],
  ['0001-01-01 00:00:00 +0100', 'UTC', ['0001-01-01T00:00:00+01:00', '0000-12-31T23:00:00.000Z', -62135596800000 - 3600_000]],
  ['0099-12-31 23:00:00Z', 'UTC', ['0099-12-31T23:00:00+00:00', '0099-12-31T23:00:00.000Z', -59011462800000]],
  ['0100-01-01 00:00:00Z', 'UTC', ['0100-01-01T00:00:00+00:00', '0100-01-01T00:00:00.000Z', -59011459200000]], // the first year Date.UTC reads as written
  ['9999-12-31 23:59:59', 'Etc/GMT+12', ['9999-12-31T23:59:59-12:00', '+010000-01-01T11:59:59.000Z', 253402300799000 + 12 * 3600_000]],
  ['9999-12-31 23:59:59 -1800', 'UTC', ['9999-12-31T23:59:59-18:00', '+010000-01-01T17:59:59.000Z', 253402300799000 + 18 * 3600_000]],
  ['275760-09-13 00:00:00Z', 'UTC', 'invalid-date'],
  ['+275760-09-13T00:00:00Z', 'UTC', 'invalid-date'],
  ['-271821-04-20T00:00:00Z', 'UTC', 'invalid-date'],
  ['8640000000000000', 'UTC', 'invalid-date'],
  ['0000-02-30', 'UTC', 'invalid-date'],
];

const read = (raw: string, timeZone?: string) => parsePost(withDate(raw), timeZone === undefined ? {} : { timeZone });

describe('dates', () => {
  for (const { raw, timeZone, expected } of cases) {
    it(`${raw}${timeZone ? ` in ${timeZone}` : ''}`, () => {
      const post = read(raw, timeZone);
      if (typeof expected === 'string') {
        deepStrictEqual([post.date, post.warnings.map((w) => w.code)], [null, [expected]]);
        return;
      }
      const [iso, utc, assumed] = expected;
      const date: PostDate = {
        iso,
        utc,
        epochMs: Date.parse(utc),
        offset: /[+-]\d{2}:\d{2}(?::\d{2})?$/.exec(iso)![0],
        assumed,
        raw: raw.replace(/^"|"$/g, ''),
        from: 'front-matter',
      };
      deepStrictEqual([post.date, post.warnings], [date, []]);
    });
  }
});

const expectedDate = ([raw, iso, utc]: Resolved): PostDate => ({
  iso,
  utc,
  epochMs: Date.parse(utc),
  offset: /[+-]\d{2}:\d{2}(?::\d{2})?$/.exec(iso)![0],
  assumed: true,
  raw,
  from: 'front-matter',
});

describe('dates at offset changes (exact to the second, times twice or never)', () => {
  for (const [zone, rows] of Object.entries(transitions)) {
    for (const row of rows) {
      it(`${row[0]} in ${zone} is ${row[1]}`, () => deepStrictEqual(read(row[0], zone).date, expectedDate(row)));
    }
  }

  it('keeps every answer after the zone cache has seen each day around the changes', () => {
    // Dates every 7 hours for 6 days on both sides of each case build spans of one
    // offset in the cache; the cases must still resolve exactly afterwards.
    for (const [zone, rows] of Object.entries(transitions)) {
      for (const [raw] of rows) {
        const wall = Date.parse(`${raw.replace(' ', 'T')}Z`);
        for (let step = -6 * 24; step <= 6 * 24; step += 7) {
          read(new Date(wall + step * 3600_000).toISOString().slice(0, 19).replace('T', ' '), zone);
        }
      }
      for (const row of rows) deepStrictEqual(read(row[0], zone).date, expectedDate(row), `${row[0]} in ${zone}`);
    }
  });

  it('writes an offset with seconds as ±HH:MM:SS, and epochMs and utc keep those seconds', () => {
    const date = read('1900-06-01 12:00:00', 'Asia/Shanghai').date!;
    deepStrictEqual([date.offset, date.epochMs % 60_000 !== 0, new Date(date.epochMs).toISOString()], ['+08:05:43', true, date.utc]);
  });
});

describe('years 0000-9999 and the ECMAScript date range', () => {
  for (const [raw, zone, expected] of years) {
    it(`${raw} in ${zone}`, () => {
      const post = read(raw, zone);
      if (expected === 'invalid-date') {
        deepStrictEqual([post.date, post.warnings.map((w) => w.code)], [null, ['invalid-date']]);
        return;
      }
      const [iso, utc, epochMs] = expected;
      deepStrictEqual([post.date?.iso, post.date?.utc, post.date?.epochMs], [iso, utc, epochMs]);
      strictEqual(Date.parse(utc), epochMs);
    });
  }
});

describe('the timeZone option', () => {
  const refused: [string, unknown][] = [
    ['an unknown zone', 'Mars/Olympus_Mons'],
    ['an offset with minutes', '+23:59'],
    ['an offset', '+08:00'],
    ['a compact offset', '-0500'],
    ['an empty string', ''],
    ['a zone with spaces around it', ' Asia/Shanghai'],
    ['a zone with a newline', 'Asia/Shanghai\n'],
    ['Z', 'Z'],
    ['UTC+8', 'UTC+8'],
    ['a very long name', `Asia/${'x'.repeat(5000)}`],
    ['a number', 8],
    ['null', null],
  ];
  for (const [name, timeZone] of refused) {
    it(`refuses ${name} with invalid-option`, () => {
      throws(() => parsePost(withDate('2022-05-23'), { timeZone: timeZone as string }), (error: unknown) => {
        return error instanceof PostParseError && error.code === 'invalid-option' && /timeZone/.test(error.message);
      });
    });
  }

  const accepted: [string, string][] = [
    ['UTC', '2022-05-23T00:00:00+00:00'],
    ['Etc/UTC', '2022-05-23T00:00:00+00:00'],
    // POSIX signs: Etc/GMT-8 is eight hours ahead of UTC.
    ['Etc/GMT-8', '2022-05-23T00:00:00+08:00'],
    ['Etc/GMT+5', '2022-05-23T00:00:00-05:00'],
    // IANA names match case-insensitively, as ECMA-402 says.
    ['asia/shanghai', '2022-05-23T00:00:00+08:00'],
    ['America/Argentina/Buenos_Aires', '2022-05-23T00:00:00-03:00'],
    ['America/Port-au-Prince', '2022-05-23T00:00:00-04:00'],
  ];
  for (const [timeZone, iso] of accepted) {
    it(`accepts ${timeZone}`, () => strictEqual(read('2022-05-23', timeZone).date?.iso, iso));
  }
});
