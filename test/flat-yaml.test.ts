/**
 * The flat front matter reader (src/_lib/flat-yaml.ts) skips the YAML
 * library for the common case. Whenever it gives an answer, the answer must
 * be the library's: checked on the archive's shapes and on generated
 * front matter full of YAML's corner cases.
 */

import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readFlatMapping } from '../src/_lib/flat-yaml.ts';

const YAML_OPTIONS = { schema: 'core', merge: false, resolveKnownTags: false } as const;

/** What the library reads, as entries, or `null` when it reports a problem. */
function library(text: string): [string, unknown][] | null {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return null;
  const value: unknown = doc.toJS();
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.entries(value);
}

const KEYS = ['title', 'date', 'categories', 'tags', 'layout', '__proto__', 'constructor', 'a-b', '_x', 'null', 'True', 'FALSE', 'Null', 'k1', 'x'];
const SEPARATORS = [': ', ':', ':  ', ':\t', ' : ', ': \t'];
const VALUES = [
  '"示例公司发布新品"', '"a # b"', '"a: b"', '" padded "', '"a\\"b"', '"a\\nb"', '"unclosed', "'single'", "'it''s'", "'#'", '""', "''",
  '2022-05-23 17:03:48 +0800', '2022-05-23', '+0800', ' +0800', '17:03:48', '1.50', '0x1F', '0o17', '.inf', '-.Inf', '.NaN', '1e5', '12', '-3', '+4', '.5', '5.',
  'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', '~', 'null', 'NULL', 'nULL', '',
  'emnews', '东财滚动新闻', 'a b c', 'a #comment', 'a#b', 'a: b', 'a:b', 'a:', 'http://x.com/a?b=c#d', '- item', '-x', '[a, b]', '{a: 1}', 'a, b', 'a [b]',
  '&anchor v', '*alias', '!!str 12', '!foo x', '|', '>', '? k', '%x', '@x', '`x`', 'a\tb', 'a  ', 'é', '\uFEFFx', '\u0085', 'x\u2028y',
];
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SEPARATORS), fc.constantFrom(...VALUES)).map(([k, s, v]) => k + s + v) },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  indented: 1', '- a', '---', '...', '%YAML 1.2', 'key', ' ') },
);
const frontMatter = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));

describe('the flat front matter reader', () => {
  it("reads the archive's front matter as the library does", () => {
    const text = ['layout: post', 'title: "示例公司发布新品"', 'date: 2022-05-23 17:03:48 +0800', 'categories: emnews', 'tags: 东财滚动新闻'].join('\n');
    const flat = readFlatMapping(text);
    deepStrictEqual(flat?.data, {
      layout: 'post',
      title: '示例公司发布新品',
      date: '2022-05-23 17:03:48 +0800',
      categories: 'emnews',
      tags: '东财滚动新闻',
    });
    deepStrictEqual(Object.entries(flat.data), library(text));
  });

  it('leaves numbers, nesting, escapes, comments and duplicates to the library', () => {
    for (const text of ['date:  +0800', 'n: 1.50', 'a:\n  b: 1', 'title: "a\\"b"', 'title: x # c', 'a: 1\na: 2', 'tags: [a, b]', 'x: &a 1']) {
      strictEqual(readFlatMapping(text), null, text);
    }
  });

  it('keeps the source text of booleans, for a title such as `true`', () => {
    deepStrictEqual(readFlatMapping('title: True'), { data: { title: true }, sources: { title: 'True' } });
  });

  it('never disagrees with the library (generated front matter)', () => {
    let answered = 0;
    fc.assert(
      fc.property(frontMatter, (text) => {
        const flat = readFlatMapping(text);
        if (flat === null) return;
        answered++;
        deepStrictEqual(Object.entries(flat.data), library(text), JSON.stringify(text));
      }),
      { seed: 20261128, numRuns: 5000 },
    );
    // The generator must reach the reader's answers, or the check says nothing.
    strictEqual(answered > 500, true, `only ${answered} generated inputs were flat`);
  });
});
