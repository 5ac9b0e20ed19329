/**
 * Issue 13 (hostile input, round two): every input the attack found, as a
 * named case with its expected result. The classes each have a generator in
 * test/generators/ that the property suite runs (test/properties.ts).
 */

import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { parseBody, parsePost, PostParseError, type Body, type Post } from 'emnews';
import { OUTPUT_CONSTANT, OUTPUT_FACTOR } from './invariants.ts';
import { summarize, type Expected } from './summary.ts';


interface Case {
  name: string;
  /** `parsePost` input, or `{ body }` for `parseBody`. */
  input: string | { body: string };
  expected: Expected;
}

const URL_LINE = '<http://finance.eastmoney.com/a/202205230000000001.html>';
const ARTICLE_URL = 'http://finance.eastmoney.com/a/202205230000000001.html';
const post = (frontMatter: string, body = '<p>正文。</p>', tail = URL_LINE): string => `---\n${frontMatter}\n---\n\n${body}\n\n${tail}\n`;
const body = (html: string): { body: string } => ({ body: html });
const DATE = 'date: 2022-05-23 17:03:48 +0800';
const keys = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

const cases: Case[] = [
  // 1. Time: runs of one character where regular expressions read.
  {
    name: '20,000 spaces inside an href: one pass, the address is relative',
    input: body(`<p><a href="h${' '.repeat(20000)}x">链接</a></p>`),
    expected: { texts: ['链接'], links: [], codes: ['relative-url'] },
  },
  {
    name: '20,000 spaces inside an <img src>: one pass, the spaces are percent-encoded',
    input: body(`<p><img src="http://e.com/${' '.repeat(20000)}x"></p>`),
    expected: { texts: [], images: [`http://e.com/${'%20'.repeat(20000)}x`], codes: [] },
  },
  {
    name: '20,000 control characters inside <http://…>: one pass, the URL is malformed',
    input: post(`title: 示例\n${DATE}`, '<p>正文。</p>', `<http://${'\x01'.repeat(20000)}x>`),
    expected: { url: null, codes: ['invalid-url'] },
  },
  {
    // The URL line must be the last but for footer links; `<http://…>` in the body is an (unknown) element, not text.
    name: "a last line of 20,000 '[': one pass, it is text, so the URL line is not the last",
    input: post(`title: 示例\n${DATE}`, '<p>正文。</p>', `${URL_LINE}\n\n${'['.repeat(20000)}`),
    expected: { texts: ['正文。', '['.repeat(20000)], url: null, codes: ['missing-url'] },
  },
  {
    name: 'a footer of links separated by ｜ and |, read left to right',
    input: post(`title: 示例\n${DATE}`, '<p>正文。</p>', `${URL_LINE}\n\n[返回](//e.com/a)｜[首页](//e.com/) | [[x](//e.com/b)`),
    expected: { links: [['返回', 'https://e.com/a'], ['首页', 'https://e.com/'], ['[x', 'https://e.com/b']], url: ARTICLE_URL, codes: [] },
  },
  // 2. Front matter: the flat reader reads the shapes that made the library slow.
  {
    name: 'flow collections, anchors, aliases, merge keys and block lists are read without the library, as YAML reads them',
    input: post(['title: 示例', DATE, 'tags: [甲, "乙", 3]', 'base: &base {a: 1, b: [x, y]}', '<<: *base', 'list:', '  - &v 一', '  - *v', 'none: ~ # comment'].join('\n')),
    expected: {
      frontMatter: {
        title: '示例', date: '2022-05-23 17:03:48 +0800', tags: ['甲', '乙', 3], base: { a: 1, b: ['x', 'y'] }, '<<': { a: 1, b: ['x', 'y'] }, list: ['一', '一'], none: null,
      },
      codes: [],
    },
  },
  {
    name: '3,000 keys with one duplicate: read key by key, the last wins, the warning points at the duplicate',
    input: post(`title: 示例\n${DATE}\n${keys(3000, (i) => `k${i}: ${i}`)}\nk7: 七`),
    expected: { title: '示例', codes: ['invalid-front-matter'] },
  },
  {
    name: 'a broken title among 3,000 keys: the title from its raw line, the other keys read',
    input: post(`title: "示例"称"新品"\n${DATE}\n${keys(3000, (i) => `k${i}: v`)}`),
    expected: { title: '示例"称"新品', codes: ['recovered-title'] },
  },
  {
    name: '60-deep flow sequences are data, not raw text',
    input: post(`title: 示例\n${DATE}\nk: ${'['.repeat(60)}x${']'.repeat(60)}`),
    expected: { frontMatter: { title: '示例', date: '2022-05-23 17:03:48 +0800', k: JSON.parse(`${'['.repeat(60)}"x"${']'.repeat(60)}`) }, codes: [] },
  },
  {
    name: 'over 4,096 characters, what only the library reads keeps its raw text, with front-matter-too-large',
    input: post(`title: 示例\n${DATE}\nnested:\n  a: |\n    ${'长'.repeat(5000)}`),
    expected: {
      frontMatter: { title: '示例', date: '2022-05-23 17:03:48 +0800', nested: `a: |\n    ${'长'.repeat(5000)}` },
      codes: ['front-matter-too-large'],
    },
  },
  {
    name: 'under 4,096 characters the library still reads it',
    input: post(`title: 示例\n${DATE}\nnested:\n  a: |\n    ${'长'.repeat(100)}`),
    expected: { frontMatter: { title: '示例', date: '2022-05-23 17:03:48 +0800', nested: { a: `${'长'.repeat(100)}\n` } }, codes: [] },
  },
  {
    // Key by key, each alias lacks its anchor: 101 keys kept as raw text, 100 warnings and one that counts the rest.
    name: 'more than 100 aliases of one anchor: rejected as the library rejects them, read key by key',
    input: post(`title: 示例\n${DATE}\nbase: &b [1]\n${keys(101, (i) => `k${i}: *b`)}`),
    expected: { title: '示例', codes: Array<string>(101).fill('invalid-front-matter') },
  },
  // 4. Output amplification: anchors never nest.
  {
    name: 'nested <b><a href>: each link ends at the next <a>, so no text is repeated',
    input: body('<p><b><a href="http://e.com/1">一<b><a href="http://e.com/2">二<b><a href="http://e.com/3">三</p>'),
    expected: { texts: ['一二三'], links: [['一', 'http://e.com/1'], ['二', 'http://e.com/2'], ['三', 'http://e.com/3']], codes: [] },
  },
  {
    name: 'an <a> inside a link ends the link, even inside a <span>',
    input: body('<p><a href="http://e.com/1">前<span id="stock_0.000001"><a data-code="0,000001">甲</a></span>后</a></p>'),
    expected: { texts: ['前甲后'], links: [['前', 'http://e.com/1']], mentions: ['甲'], entities: ['000001'], codes: [] },
  },
  {
    name: 'an <a> inside a mention ends the mention',
    input: body('<p><a data-code="0,000001">甲<b><a href="http://e.com/">乙</a></b>丙</a></p>'),
    expected: { texts: ['甲乙丙'], links: [['乙', 'http://e.com/']], mentions: ['甲'], entities: ['000001'], codes: [] },
  },
  {
    name: '100,000 nested <span><a href> without text: 100,000 links without text, in linear time',
    input: body('<span><a href="http://e.com/">'.repeat(100000)),
    expected: { texts: [], codes: [] },
  },
  {
    name: '150 relative links: 100 warnings, and one that counts the other 50',
    input: body(`<p>${Array.from({ length: 150 }, (_, i) => `<a href="x${i}">链</a>`).join('')}</p>`),
    expected: { texts: ['链'.repeat(150)], links: [], codes: [...Array<string>(101).fill('relative-url')] },
  },
  // 6. The smaller ones.
  {
    name: 'numbers with no JSON form keep their source text: 1e400, .NaN, -.Inf',
    input: post(`title: 1e400\n${DATE}\nratio: .NaN\nlow: -.Inf\nlist: [1e400, 2]`),
    expected: {
      title: '1e400',
      frontMatter: { title: '1e400', date: '2022-05-23 17:03:48 +0800', ratio: '.NaN', low: '-.Inf', list: ['1e400', 2] },
      codes: ['non-json-value', 'non-json-value', 'non-json-value', 'non-json-value'],
    },
  },
  ...[
    ['display:/**/none', 'a comment between tokens'],
    ['display:\\6e one', 'a hex escape'],
    ['display:n\\one', 'a character escape'],
    ['visibility:collapse', 'visibility: collapse'],
    ['DISPLAY : NONE ! IMPORTANT', 'any case and spacing, !important'],
    ['display:none !important; display:block', 'an !important declaration over a later one'],
    ['display:none; display: 5', 'an invalid later declaration, which is dropped'],
  ].map(([style, what]): Case => ({
    name: `style="${style}" hides the paragraph (${what})`,
    input: body(`<p style="${style}">隐藏</p><p>可见</p>`),
    expected: { texts: ['可见'], codes: [] },
  })),
  ...[
    ['display:none; display:block', 'a later valid declaration'],
    ['dis/**/play:none', 'a comment inside the property name'],
    ["content:'a;display:none'", 'a declaration inside a string'],
  ].map(([style, what]): Case => ({
    name: `style="${style}" does not hide the paragraph (${what})`,
    input: body(`<p style="${style}">显示</p><p>可见</p>`),
    expected: { texts: ['显示', '可见'], codes: [] },
  })),
  {
    name: 'the hidden attribute hides unless style sets display; visibility: visible shows inside visibility: hidden',
    input: body('<p hidden>甲</p><p hidden style="display:block">乙</p><p style="visibility:hidden">丙<span style="visibility:visible">丁</span></p>'),
    expected: { texts: ['乙', '丁'], codes: [] },
  },
  {
    name: 'a glossary link whose term cleans to nothing (%00, %20) is an invalid reference, not an entity',
    input: body('<p><a href="https://baike.eastmoney.com/item/%00">甲</a><a href="https://baike.eastmoney.com/item/%E8%AF%8D">乙</a></p>'),
    expected: { texts: ['甲乙'], entities: ['词'], mentions: ['乙'], codes: ['invalid-data-code'] },
  },
  {
    name: 'ad links match the host exactly: acttg.eastmoney.com.evil.com and acttg.eastmoney.com@evil.com are not ads',
    input: body(
      '<p>' +
        ['http://acttg.eastmoney.com/ad', '//ACTTG.eastmoney.com/ad', 'http://acttg.eastmoney.com.evil.com/x', 'http://acttg.eastmoney.com@evil.com/y', 'http://evil.com/acttg.eastmoney.com']
          .map((href, i) => `<a href="${href}">${i}</a>`)
          .join('') +
        '</p>',
    ),
    expected: {
      texts: ['234'],
      links: [['2', 'http://acttg.eastmoney.com.evil.com/x'], ['3', 'http://acttg.eastmoney.com@evil.com/y'], ['4', 'http://evil.com/acttg.eastmoney.com']],
      codes: [],
    },
  },
  {
    name: 'a key that is a list has no JSON form: its lines are skipped, with a warning in the result, and the other keys read',
    input: post(`? [a, b]\n: c\ntitle: 示例\n${DATE}`),
    expected: { frontMatter: { title: '示例', date: '2022-05-23 17:03:48 +0800' }, codes: ['invalid-front-matter'] },
  },
];


const run = (input: Case['input']): Post | Body => (typeof input === 'string' ? parsePost(input) : parseBody(input.body));

/** Runs `script` (an ES module) in a fresh Node process; its stdout, stderr and status. */
function child(script: string, flags: string[] = []): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('hostile input, round two (issue 13)', () => {
  for (const { name, input, expected } of cases) {
    it(name, () => {
      deepStrictEqual(summarize(run(input), expected), expected);
    });
  }

  it('1 MB of <b><a href>x: only PostParseError could escape, and the output stays within the documented bound', () => {
    const html = '<b><a href="http://e.com/">x'.repeat(36000);
    let result: Body;
    try {
      result = parseBody(html);
    } catch (error) {
      ok(error instanceof PostParseError, String(error));
      return;
    }
    strictEqual(result.links.length, 36000);
    deepStrictEqual(new Set(result.links.map((link) => link.text)), new Set(['x']));
    deepStrictEqual(result.paragraphs.map((p) => p.text), ['x'.repeat(36000)]);
    const size = JSON.stringify(result).length;
    ok(size <= OUTPUT_FACTOR * html.length + OUTPUT_CONSTANT, `${size} characters of JSON for ${html.length} of input`);
  });

  it('never writes to stderr or emits a process warning, even for YAML the library would warn about', () => {
    const script = [
      "import { parsePost } from './dist/index.js';",
      "process.on('warning', (w) => console.log('WARNING', w.message));",
      "const post = parsePost('---\\n? [a, b]\\n: c\\n? {x: 1}\\n: d\\ntitle: t\\n---\\n<p>x</p>\\n');",
      "console.log(JSON.stringify(post.warnings.map((w) => w.code)));",
      'setTimeout(() => {}, 50);',
    ].join('\n');
    const { stdout, stderr, status } = child(script);
    strictEqual(status, 0, stderr);
    strictEqual(stderr, '');
    strictEqual(stdout.trim(), JSON.stringify(['invalid-front-matter', 'invalid-front-matter', 'missing-date', 'missing-url']));
  });

  it('parses 9 MB of the memory-hungry shapes under a 512 MB heap limit (9 MB of YAML once took all memory)', () => {
    const script = [
      "import { parsePost } from './dist/index.js';",
      `const deep = 'k: ' + '['.repeat(60) + 'x' + ']'.repeat(60);`,
      "const shapes = {",
      "  deep: '---\\n' + Array.from({ length: 72000 }, (_, i) => 'k' + i + deep.slice(1)).join('\\n') + '\\n---\\n<p>x</p>\\n',",
      "  links: '---\\ntitle: t\\n---\\n' + '<b><a href=\"http://e.com/\">x'.repeat(320000),",
      "  keys: '---\\n' + Array.from({ length: 600000 }, (_, i) => 'k' + i + ': ' + i).join('\\n') + '\\n---\\n<p>x</p>\\n',",
      '};',
      'for (const [name, text] of Object.entries(shapes)) {',
      '  const post = parsePost(text);',
      "  console.log(name, Buffer.byteLength(text) > 8e6, Object.keys(post.frontMatter).length, post.links.length);",
      '}',
    ].join('\n');
    const { stdout, stderr, status } = child(script, ['--max-old-space-size=512']);
    strictEqual(status, 0, stderr.slice(-2000));
    deepStrictEqual(stdout.trim().split('\n'), ['deep true 72000 0', 'links true 1 320000', 'keys true 600000 0']);
  });
});
