/**
 * `timeZone` takes IANA zone names and nothing else: offsets in every
 * spelling (`+08:00`, `+23:59`, `-0530`, `+08`), `UTC+8`, `''`, names with
 * spaces around them and random text the runtime's `Intl` refuses are
 * `invalid-option` in every reader; every name `Intl.supportedValuesOf`
 * lists is accepted.
 */

import fc from 'fast-check';
import { parseArticle, parseNewsList, parsePost, PostParseError } from 'emnews';
import type { Property } from '../properties.ts';

const ZONE_NAMES = Intl.supportedValuesOf('timeZone');
const pad = (n: number): string => String(n).padStart(2, '0');

const intlRefuses = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return false;
  } catch {
    return true;
  }
};

export const notAZone: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('+', '-', '', 'UTC+', 'UTC-', 'GMT+', 'UTC', 'GMT'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(':', '', 'h'))
    .map(([sign, h, m, separator]) => `${sign}${pad(h)}${separator}${pad(m)}`),
  fc.tuple(fc.constantFrom('+', '-', 'UTC+', 'UTC-'), fc.integer({ min: 0, max: 24 })).map(([sign, h]) => `${sign}${h}`),
  fc.constantFrom('', ' ', '+23:59', '+08:00', 'UTC+8', 'Z', 'local', 'Asia/Shanghai\0', 'Asia/Nowhere'),
  fc.tuple(fc.constantFrom(...ZONE_NAMES), fc.constantFrom(' ', '\t', '\n', '/')).map(([name, space]) => `${space}${name}`),
  fc.string({ maxLength: 16 }).filter(intlRefuses),
);

function code(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof PostParseError) return error.code;
    throw error;
  }
}

const READERS: readonly [string, (timeZone: string) => unknown][] = [
  ['parsePost', (timeZone) => parsePost('---\ntitle: 甲\ndate: 2022-05-23 10:00:00\n---\n正文', { timeZone })],
  ['parseArticle', (timeZone) => parseArticle('<h1>甲</h1><div id="ContentBody"><p>正文</p></div>', { timeZone })],
  ['parseNewsList', (timeZone) => parseNewsList('{"data":{"fastNewsList":[]}}', { timeZone })],
];

export const ZONE_PROPERTIES: readonly Property[] = [
  {
    name: 'timeZone: offsets, empty and unknown names are invalid-option; every name Intl lists is accepted',
    property: fc.property(notAZone, fc.constantFrom(...ZONE_NAMES), (bad, good) => {
      for (const [reader, read] of READERS) {
        const got = [code(() => read(bad)), code(() => read(good))];
        if (got[0] !== 'invalid-option' || got[1] !== 'ok') throw new Error(`${reader}: ${JSON.stringify(bad)} gives ${got[0]}, ${JSON.stringify(good)} gives ${got[1]}`);
      }
    }) as unknown as Property['property'],
  },
];
