/**
 * Date normalization from Beijing time (or options.timeZone), table-driven.
 * Expected instants are written by hand from the calendar rules.
 */

import { deepStrictEqual, throws } from 'node:assert/strict';
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
  // China observed summer time from 1986 to 1991: 1988-04-10 to 1988-09-11 was UTC+9.
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

describe('dates', () => {
  for (const { raw, timeZone, expected } of cases) {
    it(`${raw}${timeZone ? ` in ${timeZone}` : ''}`, () => {
      const post = parsePost(withDate(raw), timeZone === undefined ? {} : { timeZone });
      if (typeof expected === 'string') {
        deepStrictEqual([post.date, post.warnings.map((w) => w.code)], [null, [expected]]);
        return;
      }
      const [iso, utc, assumed] = expected;
      const date: PostDate = {
        iso,
        utc,
        epochMs: Date.parse(utc),
        offset: iso.slice(-6),
        assumed,
        raw: raw.replace(/^"|"$/g, ''),
        from: 'front-matter',
      };
      deepStrictEqual([post.date, post.warnings], [date, []]);
    });
  }

  it('refuses an unknown timeZone option', () => {
    throws(() => parsePost(withDate('2022-05-23'), { timeZone: 'Mars/Olympus_Mons' }), (error: unknown) => {
      return error instanceof PostParseError && error.code === 'invalid-option';
    });
  });
});
