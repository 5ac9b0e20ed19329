/**
 * The flat front matter reader (src/_lib/flat-yaml.ts) skips the YAML
 * library for the shapes posts write. Whenever it gives an answer, the
 * answer must be the library's: the whole front matter stage is run with
 * and without the reader on generated front matter full of YAML's corner
 * cases, and must give the same data, sources and warnings.
 */

import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KEY_LINE, readFlatYaml } from '../src/_lib/flat-yaml.ts';
import { keyOf } from '../src/_lib/recovery.ts';
import { jsonLength } from '../src/_lib/yaml-json.ts';
import { readFrontMatter } from '../src/_lib/front-matter.ts';
import { createWarnings } from '../src/_lib/warnings.ts';
import { frontMatterText } from './generators/yaml.ts';

/** The front matter stage's answer, with or without the flat reader. */
function stage(text: string, flat: boolean): unknown {
  const warnings = createWarnings(false);
  const { data, sources } = readFrontMatter({ text, line: 1 }, warnings, flat);
  // Sources matter only for numbers and booleans (a title `1.50`, a date `+0800`).
  const used = Object.entries(sources).filter(([key]) => typeof data[key] === 'number' || typeof data[key] === 'boolean');
  return { json: JSON.stringify(data), data, sources: Object.fromEntries(used), warnings: warnings.list };
}

describe('the flat front matter reader', () => {
  it("reads the archive's front matter", () => {
    const text = ['layout: post', 'title: "示例公司发布新品"', 'date: 2022-05-23 17:03:48 +0800', 'categories: emnews', 'tags: 东财滚动新闻'].join('\n');
    const flat = readFlatYaml(text);
    deepStrictEqual(flat, {
      kind: 'mapping',
      data: { layout: 'post', title: '示例公司发布新品', date: '2022-05-23 17:03:48 +0800', categories: 'emnews', tags: '东财滚动新闻' },
      sources: {},
      notes: [],
      cleaned: 0,
    });
  });

  it('reads numbers, lists, flow collections, anchors and aliases, keeping number sources', () => {
    const text = [
      'date:  +0800',
      'ratio: 1.50 # a comment',
      'big: 1e400',
      'tags: [甲, "乙", 3, {k: v}]',
      'base: &base {a: 1}',
      '<<: *base',
      'list:',
      '  - 一',
      '  - &x 二',
      '  - *x',
      'done: True',
    ].join('\n');
    deepStrictEqual(readFlatYaml(text), {
      kind: 'mapping',
      data: { date: 800, ratio: 1.5, big: '1e400', tags: ['甲', '乙', 3, { k: 'v' }], base: { a: 1 }, '<<': { a: 1 }, list: ['一', '二', '二'], done: true },
      sources: { date: '+0800' },
      notes: ['1e400'],
      cleaned: 0,
    });
  });

  it('reads nested mappings, lists of mappings and a front matter that is a list', () => {
    const text = ['meta:', '  source: 示例网', '  scores:', '  - 1', '  - 2', '# a comment at column 0', '  people:', '    - name: 甲', '      role: 编辑', '    - name: 乙'].join('\n');
    deepStrictEqual(readFlatYaml(text), {
      kind: 'mapping',
      data: { meta: { source: '示例网', scores: [1, 2], people: [{ name: '甲', role: '编辑' }, { name: '乙' }] } },
      sources: {},
      notes: [],
      cleaned: 0,
    });
    // Only top-level title and date keep their source.
    deepStrictEqual(readFlatYaml('a:\n  title: 1.50\ntitle: 1.50').kind === 'mapping' && readFlatYaml('a:\n  title: 1.50\ntitle: 1.50'), {
      kind: 'mapping', data: { a: { title: 1.5 }, title: 1.5 }, sources: { title: '1.50' }, notes: [], cleaned: 0,
    });
    deepStrictEqual(readFlatYaml('- 甲\n- k: .inf\n# c\n- "\\x01"'), { kind: 'sequence', notes: ['.inf'], cleaned: 1 });
    // Equal keys in a nested mapping are the library's error too; a list followed by a key is the library's to read.
    strictEqual(readFlatYaml('a:\n  b: 1\n  b: 2').kind, 'invalid');
    strictEqual(readFlatYaml('- a\nk: v').kind, 'unsupported');
    for (const text of ['a:\n   b: 1\n  c: 2', 'a:\n  - k: 1\n   j: 2', 'a:\n  -\n    k: v', 'a:\n  - - x', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')]) {
      strictEqual(readFlatYaml(text).kind, 'unsupported', text);
    }
  });

  it('says what the library rejects, and leaves what it is not sure of to the library', () => {
    const duplicate = readFlatYaml('a: 1\nb: 2\na: 3');
    deepStrictEqual(duplicate.kind === 'invalid' && [duplicate.message, duplicate.offset], ['Map keys must be unique', 10]);
    strictEqual(readFlatYaml('title: "a"b"').kind, 'invalid');
    strictEqual(readFlatYaml('title: "C:\\示例"').kind, 'invalid');
    strictEqual(readFlatYaml('a: *undefined').kind, 'invalid');
    for (const text of ['a: |\n  x', 'a: x\n  y', 'a: !!str 1', '? [a, b]\n: c', 'a: [a,\n  b]', 'a: "x\n  y"', 'a: &x [*x]', 'a: []\nb: &a\n- *a']) {
      strictEqual(readFlatYaml(text).kind, 'unsupported', text);
    }
  });

  it("finds a block's key and value as the key-line expression's groups do (generated lines)", () => {
    const line = fc.oneof(
      frontMatterText.map((text) => text.split('\n')[0]!),
      fc.string({ unit: fc.constantFrom('a', '键', ' ', '\t', ':', '#', '"', '-', 'x') }),
    );
    let matched = 0;
    fc.assert(
      fc.property(line, (text) => {
        const match = KEY_LINE.exec(text);
        if (match === null) return;
        matched++;
        deepStrictEqual(keyOf(text), { written: match[1]!.trim(), valueAt: match[0].length });
      }),
      { seed: 20261130, numRuns: 3000 },
    );
    strictEqual(matched > 1000, true, `only ${matched} lines were key lines`);
  });

  it('weighs an anchored value at its length as JSON, as the library path measures it (generated values)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\0', '\x1F', '\uD800', '\uDC00', '\u2028', '\x7F'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(fc.oneof(text, fc.jsonValue()), (value) => strictEqual(jsonLength(value), JSON.stringify(value).length)),
      { seed: 20261130, numRuns: 2000 },
    );
  });

  it('gives the same front matter, sources and warnings as the library (generated front matter)', () => {
    const kinds = { mapping: 0, sequence: 0, invalid: 0, unsupported: 0 };
    fc.assert(
      fc.property(frontMatterText, (text) => {
        kinds[readFlatYaml(text).kind]++;
        deepStrictEqual(stage(text, true), stage(text, false), JSON.stringify(text));
      }),
      { seed: 20261128, numRuns: 3000 },
    );
    // The generator must reach each of the reader's answers, or the check says little.
    strictEqual(kinds.mapping > 600 && kinds.sequence > 100 && kinds.invalid > 150 && kinds.unsupported > 150, true, JSON.stringify(kinds));
  });
});
