/**
 * The property-based suite, shared by `npm test` (a fixed seed, a few
 * hundred runs each) and `npm run fuzz` (random seeds, for hours).
 *
 * Inputs: arbitrary UTF-16 strings (lone surrogates included), HTML-ish
 * token soups, and mutations of the invented posts in `examples/posts/`
 * (lines deleted, duplicated, swapped; cuts at random offsets; hostile
 * fragments injected).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseArticle, parseBody, parseNewsList, parsePost, type Body, type NewsList, type Post } from 'emnews';
import { attempt, invariantProblems, listInvariantProblems } from './invariants.ts';
import { anyListText, listValue } from './generators/lists.ts';
import { olderMarkupBody } from './generators/older-markup.ts';
import { anyPage } from './generators/pages.ts';
import { DATE_PROPERTIES } from './generators/dates.ts';
import { INPUT_PROPERTIES } from './generators/input.ts';
import { ROUND2_PROPERTIES } from './generators/round2.ts';
import { UNREADABLE_PROPERTIES } from './generators/unreadable.ts';
import { CLOCK_PROPERTIES } from './generators/clock.ts';
import { LIMIT_PROPERTIES } from './generators/limits.ts';
import { ZONE_PROPERTIES } from './generators/zones.ts';
import { GLOSSARY_PROPERTIES } from './generators/glossary.ts';

const POSTS_DIR = fileURLToPath(new URL('../examples/posts/', import.meta.url));
const POSTS = readdirSync(POSTS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readFileSync(POSTS_DIR + name, 'utf8'));

/** The hostile fragments of docs/security.md, and pieces of eastmoney markup. */
export const FRAGMENTS: readonly string[] = [
  '---', '---js', '...', '> ', '\n', '\n\n', '\r', '\r\n', '\uFEFF', '\0', '\u0085', '\uD800', '\uDC00', '\u202E', '\u2066', '\u200B',
  '<http://finance.eastmoney.com/a/202205230000000001.html>', '<>', '<javascript://x/%0Aalert(1)>', '[返回](../)', '[首页](//example.com/)',
  'title: "未闭合', 'date: 2022-02-30 24:00:00 +2500', 'date: !!timestamp 2022-05-23', '__proto__: {a: 1}', '<<: {b: 2}',
  '!!js/function "f"', '&a [*a]', '*a', '['.repeat(200), '{', 'key: [1, 2', '  - - -',
  '<p>', '</p>', '<div>', '</div>', '<b>', '</b>', '<br>', '<br/>', '<hr>', '<h2>', '</h2>', '<center>', '<table>', '<tr>', '<td>', '</td>', '</table>',
  '<span id="stock_0.000816">', '</span>', '<a href="http://quote.eastmoney.com/unify/r/0.000816" class="keytip" data-code="0,000816">', '</a>',
  '<span id="bk_90.BK1061"><a class="keytip" data-code="90,BK1061">', '<span id="Info.3259"><a class="infokey" href="//quote.eastmoney.com/unify/r/0.399006">',
  '<a class="EmImageRemark" data-code="NIO|106|7">', '<img data-code="K 000816|0|2">', '<a data-code="x,y">', '<a data-code="1,">',
  '<p class="em_media">', '（文章来源：示例报）', '<img src="//example.com/a.png" alt="图">', '<img src="javascript:alert(1)">',
  '<a href="JaVa\tScRiPt:alert(1)">', '<a href="java&#x0A;script:1">', '<a href="http://[::1">', '<a href="http://a:99999">', '<a href="../x">',
  '<script>', '</script>', '<script/>', '<style>', '</style>', '<!--', '-->', '<![CDATA[', ']]>', '<plaintext>', '<xmp>', '</xmp>', '<svg><path/>', '</svg>',
  '<p style="display:none">', '<div hidden>', '<a class="toplink">', '<p class=x id=y>', '<p title="', '"', '<', '>', '&', '&amp;', '&#x110000;',
  '&#xD800;', '&#0;', '&#128;', '&nbsp', '&notit;', '示例公司', '。', ' ', '\t',
];

/** Any UTF-16 code unit, so lone surrogates and controls appear too. */
const codeUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 400 });

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** HTML-ish token soup: fragments and text in any order. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));

type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'cut'; at: number }
  | { kind: 'inject'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fragment, tokenSoup) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const lines = result.split('\n');
    if (m.kind === 'delete') lines.splice(m.line % lines.length, 1);
    else if (m.kind === 'duplicate') lines.splice(m.line % lines.length, 0, lines[m.line % lines.length]!);
    else if (m.kind === 'swap') {
      const a = m.line % lines.length;
      const b = m.other % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
    result = lines.join('\n');
    if (m.kind === 'cut') result = result.slice(0, m.at % (result.length + 1));
    if (m.kind === 'inject') {
      const at = m.at % (result.length + 1);
      result = result.slice(0, at) + m.text + result.slice(at);
    }
  }
  return result;
}

/** A real-format post (one of the invented examples) after a few mutations. */
export const mutatedPost: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: POSTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([index, mutations]) => mutate(POSTS[index]!, mutations));

/** Any input a caller might pass. */
export const anyPostText: fc.Arbitrary<string> = fc.oneof(codeUnitString, tokenSoup, mutatedPost);

function assertInvariants(result: Post | Body | NewsList | null, input?: string): void {
  if (result === null) return;
  const problems = 'items' in result ? listInvariantProblems(result) : invariantProblems(result, input);
  if (problems.length > 0) throw new Error(`broken invariants:\n${problems.join('\n')}`);
}

function assertSame(a: unknown, b: unknown, what: string): void {
  if (!isDeepStrictEqual(a, b)) throw new Error(`${what} changed the result`);
}

/** One property of the suite. */
export interface Property {
  name: string;
  property: fc.IProperty<never> | fc.IProperty<[string]>;
}

const property = <T = string>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (input: T) => void): Property => ({
  name,
  property: fc.property(arbitrary, predicate) as unknown as fc.IProperty<[string]>,
});

const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham'];

export const PROPERTIES: readonly Property[] = [
  property('parsePost: only PostParseError escapes, and every invariant holds (any UTF-16 string)', codeUnitString, (input) => {
    assertInvariants(attempt(() => parsePost(input)), input);
  }),
  property('parsePost: only PostParseError escapes, and every invariant holds (token soup)', tokenSoup, (input) => {
    assertInvariants(attempt(() => parsePost(input)), input);
  }),
  property('parsePost: only PostParseError escapes, and every invariant holds (mutated posts)', mutatedPost, (input) => {
    assertInvariants(attempt(() => parsePost(input, { fileName: '2022-05-23-202205230000000001.md' })), input);
  }),
  property('parseBody: only PostParseError escapes, and every invariant holds', anyPostText, (input) => {
    assertInvariants(attempt(() => parseBody(input)), input);
  }),
  property('parseBody: every invariant holds on older and mobile markup', olderMarkupBody, (input) => assertInvariants(attempt(() => parseBody(input)))),
  property('parseArticle: only PostParseError escapes, and every invariant holds', anyPage, (input) => assertInvariants(attempt(() => parseArticle(input)))),
  property('parseNewsList: only PostParseError escapes, and every invariant holds (text)', anyListText, (input) => assertInvariants(attempt(() => parseNewsList(input)))),
  property('parseNewsList: the same on parsed JSON', listValue, (input) => assertInvariants(attempt(() => parseNewsList(input as object)))),
  property('strict mode: only PostParseError escapes', anyPostText, (input) => {
    attempt(() => parsePost(input, { strict: true }));
  }),
  property('CRLF, CR, a BOM, UTF-8 and UTF-16 bytes give the same result as LF', anyPostText, (input) => {
    // One leading BOM is a byte order mark; a second one is text.
    const lf = input.replace(/\r/g, '').replace(/^\uFEFF+/, '');
    const expected = attempt(() => parsePost(lf));
    assertSame(attempt(() => parsePost(lf.replace(/\n/g, '\r\n'))), expected, 'CRLF');
    assertSame(attempt(() => parsePost(lf.replace(/\n/g, '\r'))), expected, 'CR');
    assertSame(attempt(() => parsePost(`\uFEFF${lf}`)), expected, 'a BOM');
    // Bytes are UTF-8 unless a byte order mark says otherwise (docs/errors.md); UTF-8 cannot carry lone surrogates.
    if (!/[\uD800-\uDFFF]/.test(lf)) assertSame(attempt(() => parsePost(new TextEncoder().encode(lf))), expected, 'UTF-8 bytes');
    assertSame(attempt(() => parsePost(Buffer.from(`\uFEFF${lf}`, 'utf16le'))), expected, 'UTF-16 bytes');
  }),
  property('the host time zone never matters', mutatedPost, (input) => {
    const saved = process.env['TZ'];
    try {
      const results = ZONES.map((zone) => {
        process.env['TZ'] = zone;
        return attempt(() => parsePost(input));
      });
      for (const result of results.slice(1)) assertSame(result, results[0], 'the host time zone');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  }),
  ...DATE_PROPERTIES,
  ...INPUT_PROPERTIES,
  ...ROUND2_PROPERTIES,
  ...UNREADABLE_PROPERTIES,
  ...CLOCK_PROPERTIES,
  ...LIMIT_PROPERTIES,
  ...ZONE_PROPERTIES,
  ...GLOSSARY_PROPERTIES,
];
