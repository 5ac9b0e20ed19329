/**
 * Every hostile input of docs/security.md as a named case with its expected
 * result. A case names the fields it is about; the others are free.
 */

import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseBody, parsePost, PostParseError, type Body, type Post } from 'emnews';
import { summarize, type Expected } from './summary.ts';


interface Case {
  name: string;
  /** `parsePost` input, or `{ body }` for `parseBody`. */
  input: unknown;
  options?: Record<string, unknown>;
  expected: Expected;
}

const post = (frontMatter: string, body = '<p>正文。</p>', tail = '<http://finance.eastmoney.com/a/202205230000000001.html>'): string =>
  `---\n${frontMatter}\n---\n\n${body}\n\n${tail}\n`;
const body = (html: string): { body: string } => ({ body: html });
const dated = (date: string): string => post(`title: 示例\ndate: ${date}`);
const BILLION_LAUGHS = [
  'title: 示例',
  'a: &a ["笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑", "笑"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
].join('\n');
const NORMAL_URL = 'http://finance.eastmoney.com/a/202205230000000001.html';

const cases: Case[] = [
  // 1. Nothing is evaluated.
  ...['js', 'javascript', 'coffee'].map((language): Case => ({
    name: `a ---${language} opener is not front matter`,
    input: `---${language}\nmodule.exports = { title: "x" }\n---\n<p>正文。</p>\n`,
    expected: {
      frontMatter: {},
      title: '',
      texts: [`---${language} module.exports = { title: "x" }`, '正文。'],
      codes: ['missing-front-matter', 'stray-delimiter', 'empty-title', 'missing-date', 'missing-url'],
    },
  })),
  {
    name: 'YAML tags !!js/function, !!binary and !foo stay text, with warnings',
    input: post('title: !!js/function "function () { return 1 }"\nblob: !!binary aGVsbG8=\nother: !foo bar\ndate: 2022-05-23 17:03:48 +0800'),
    expected: {
      frontMatter: { title: 'function () { return 1 }', blob: 'aGVsbG8=', other: 'bar', date: '2022-05-23 17:03:48 +0800' },
      codes: ['yaml-warning', 'yaml-warning', 'yaml-warning'],
    },
  },
  // 2. No prototype pollution.
  {
    name: '__proto__, constructor, prototype and << are plain keys',
    input: post('title: 示例\n__proto__: { polluted: 1 }\nconstructor: { prototype: { polluted: 2 } }\nprototype: 3\n<<: { polluted: 4 }\ndate: 2022-05-23 17:03:48 +0800'),
    expected: {
      frontMatter: JSON.parse(
        '{"title":"示例","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":3,"<<":{"polluted":4},"date":"2022-05-23 17:03:48 +0800"}',
      ),
      codes: [],
    },
  },
  // 3. YAML resource attacks.
  {
    name: 'alias "billion laughs": aliases over the cap are kept as raw text',
    input: post(`${BILLION_LAUGHS}\ndate: 2022-05-23 17:03:48 +0800`),
    expected: {
      title: '示例',
      frontMatter: {
        title: '示例',
        a: ['笑', '笑', '笑', '笑', '笑', '笑', '笑', '笑', '笑'],
        b: '&b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        c: '&c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        d: '&d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        e: '[*d, *d, *d, *d, *d, *d, *d, *d, *d]',
        date: '2022-05-23 17:03:48 +0800',
      },
      codes: ['invalid-front-matter', 'invalid-front-matter', 'invalid-front-matter', 'invalid-front-matter'],
    },
  },
  {
    name: "'['.repeat(10000) in front matter is read as raw text, never parsed",
    input: post(`title: ${'['.repeat(10000)}\ndate: 2022-05-23 17:03:48 +0800`),
    expected: { title: '['.repeat(10000), codes: ['recovered-title'] },
  },
  {
    name: 'a 100,000-character key is kept as raw text',
    input: post(`${'键'.repeat(100000)}: 值\ntitle: 示例\ndate: 2022-05-23 17:03:48 +0800`),
    expected: { title: '示例', codes: ['invalid-front-matter'] },
  },
  {
    name: 'duplicate keys: the last wins, with a warning',
    input: post('title: 第一\ntitle: 第二\ndate: 2022-05-23 17:03:48 +0800'),
    expected: { title: '第二', codes: ['invalid-front-matter'] },
  },
  // 4. HTML.
  {
    name: '100,000 nested <div> elements',
    input: body(`${'<div>'.repeat(100000)}深处的文字${'</div>'.repeat(100000)}`),
    expected: { texts: ['深处的文字'], codes: [] },
  },
  {
    name: '100,000 unclosed <b> elements',
    input: body(`<p>${'<b>'.repeat(100000)}加粗到底`),
    expected: { texts: ['加粗到底'], codes: [] },
  },
  {
    name: '50,000 stray end tags inside 50,000 open elements',
    input: body(`${'<div>'.repeat(50000)}文字${'</span>'.repeat(50000)}`),
    expected: { texts: ['文字'], codes: [] },
  },
  {
    name: 'unclosed tags: text still recovered',
    input: body('<p>第一段<b>加粗<i>斜体<p>第二段<span>还在'),
    expected: { texts: ['第一段加粗斜体', '第二段还在'], codes: [] },
  },
  {
    name: 'an unclosed comment hides the rest, as in a browser, with a warning',
    input: body('<p>看得见</p><!-- <p>看不见</p>'),
    expected: { texts: ['看得见'], codes: ['unclosed-markup'] },
  },
  {
    name: 'the input ending inside a tag is reported',
    input: body('<p>看得见</p><p class="未闭合'),
    expected: { texts: ['看得见'], codes: ['unclosed-markup'] },
  },
  {
    name: '<script> and <style> content never reaches the output',
    input: body('<p>前<script>document.write("脚本")</script>中<style>p::after{content:"样式"}</style>后</p>'),
    expected: { texts: ['前中后'], codes: [] },
  },
  {
    name: '<script/> is an open script, as in a browser: the rest is script, with a warning',
    input: body('<p>前</p><script/>alert("脚本")<p>不可见</p>'),
    expected: { texts: ['前'], codes: ['unclosed-markup'] },
  },
  {
    name: '<plaintext> and <xmp> show their content as text',
    input: body('<xmp><b>原样</b></xmp><plaintext><i>到底</i>'),
    expected: { texts: ['<b>原样</b><i>到底</i>'], codes: [] },
  },
  {
    name: 'a stray </p> is an empty paragraph',
    input: body('前</p>后'),
    expected: { texts: ['前', '后'], codes: [] },
  },
  {
    name: 'attributes without quotes',
    input: body('<p class=em_media>（文章来源：示例报）</p><p style=display:none>隐藏</p><a href=http://example.com/a>链接</a>'),
    expected: { texts: ['链接'], hrefs: ['http://example.com/a'], codes: [] },
  },
  {
    name: 'a source block inside a table splits the table (found by fuzzing: it threw a TypeError)',
    input: body('<table><tr><td>甲</td><td><p class="em_media">（文章来源：示例报）</p></td></tr><tr><td>乙</td></tr></table>'),
    expected: { texts: ['甲\t', '乙'], codes: [] },
  },
  {
    name: 'a mention left open across a table row ends at its last character (found by fuzzing)',
    input: body('<table><a href="http://quote.eastmoney.com/unify/r/0.000816" class="keytip" data-code="0,000816"><tr>甲<tr>'),
    expected: { texts: ['甲\n'], mentions: ['甲'], codes: [] },
  },
  // 5. Character references.
  {
    name: 'character references out of range, surrogates, NUL and C1 decode per the HTML standard',
    input: body('<p>a&#x110000;b&#xD800;c&#0;d&#128;e&#x9F;f</p>'),
    expected: { texts: ['a\uFFFDb\uFFFDc\uFFFDd€eŸf'], codes: [] },
  },
  {
    name: 'legacy &nbsp without a semicolon',
    input: body('<p>a&nbspb&copy2022</p>'),
    expected: { texts: ['a b©2022'], codes: [] },
  },
  {
    name: 'references inside attributes decode per the standard (&not in a query string stays)',
    input: body('<a href="http://example.com/?a=1&amp;b=2&notit=3">链接</a>'),
    expected: { texts: ['链接'], hrefs: ['http://example.com/?a=1&b=2&notit=3'], codes: [] },
  },
  {
    name: 'raw control characters are removed and lone surrogates replaced, with a warning',
    input: body('<p>a\u0001b\u0085c\u007Fd\uD800e\uDC00f\u0008g</p>'),
    expected: { texts: ['abcd\uFFFDe\uFFFDfg'], codes: ['control-characters'] },
  },
  {
    name: 'a control character between spaces leaves one space (found by fuzzing)',
    input: body('<p><span id="bk_90.BK1061"><a class="keytip" data-code="90,BK1061">甲 \u0085 乙\n\u0085 </a></span></p>'),
    expected: { texts: ['甲 乙'], codes: ['control-characters'] },
  },
  {
    name: 'an infoCode with a NUL in the original URL is cleaned (found by fuzzing)',
    input: post('title: 示例\ndate: 2022-05-23 17:03:48 +0800', '<p>正文。</p>', '<http://finews.example.com/NewsShare.html?infoCode=%00NW202205230000000003>'),
    expected: { url: 'http://finews.example.com/NewsShare.html?infoCode=%00NW202205230000000003', codes: [] },
  },
  {
    name: 'bidi controls and zero-width characters are kept in text, with a warning',
    input: body('<p>价格\u202E01\u202C元\u200B</p><p>\u2066隔离\u2069</p>'),
    expected: { texts: ['价格\u202E01\u202C元\u200B', '\u2066隔离\u2069'], codes: ['invisible-characters', 'invisible-characters'] },
  },
  {
    name: 'control characters escaped in YAML are removed from front matter',
    input: post('title: "示\\x01例\\u202E"\ndate: 2022-05-23 17:03:48 +0800'),
    expected: { title: '示例\u202E', codes: ['control-characters', 'invisible-characters'] },
  },
  // 6. URLs.
  ...[
    ['javascript:', 'javascript:alert(1)', 'unsafe-url'],
    ['JaVa\\tScRiPt:', 'JaVa\tScRiPt:alert(1)', 'unsafe-url'],
    ['java&#x0A;script:', 'java&#x0A;script:alert(1)', 'unsafe-url'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD4=', 'unsafe-url'],
    ['vbscript:', 'vbscript:msgbox(1)', 'unsafe-url'],
    ['file:', 'file:///etc/passwd', 'unsafe-url'],
    ['an unclosed IPv6 host', 'http://[::1', 'invalid-url'],
    ['a port out of range', 'http://a:99999', 'invalid-url'],
    ['a relative address without baseUrl', '../a.html', 'relative-url'],
  ].map(([what, href, code]): Case => ({
    name: `a link and an image to ${what} are dropped with ${code}`,
    input: body(`<p><a href="${href}">链接</a><img src="${href}"></p>`),
    expected: { texts: ['链接'], hrefs: [], images: [], codes: [code!, code!] },
  })),
  {
    name: 'protocol-relative addresses become https:, relative ones resolve against baseUrl',
    input: body('<p><a href="//example.com/a">甲</a><a href="../b.html">乙</a><img src="/c.png"><a href="#top">丙</a></p>'),
    options: { baseUrl: 'https://finance.eastmoney.com/a/x/' },
    expected: {
      texts: ['甲乙丙'],
      hrefs: ['https://example.com/a', 'https://finance.eastmoney.com/a/b.html'],
      images: ['https://finance.eastmoney.com/c.png'],
      codes: [],
    },
  },
  {
    name: 'an original URL with another scheme is dropped with unsafe-url',
    input: post('title: 示例\ndate: 2022-05-23 17:03:48 +0800', '<p>正文。</p>', '<javascript://example.com/%0Aalert(1)>'),
    expected: { url: null, codes: ['unsafe-url'] },
  },
  {
    name: 'a malformed original URL is dropped with invalid-url',
    input: post('title: 示例\ndate: 2022-05-23 17:03:48 +0800', '<p>正文。</p>', '<http://a:99999/x>'),
    expected: { url: null, codes: ['invalid-url'] },
  },
  {
    name: 'navigation links to other schemes or relative without baseUrl are dropped',
    input: post('title: 示例\ndate: 2022-05-23 17:03:48 +0800', '<p>正文。</p>', `<${NORMAL_URL}>\n\n[甲](javascript:void%200)｜[乙](../)｜[丙](//example.com/)`),
    expected: { hrefs: ['https://example.com/'], codes: ['unsafe-url', 'relative-url'] },
  },
  // 7. Dates.
  { name: 'date 2022-02-30', input: dated('2022-02-30 10:00:00 +0800'), expected: { date: null, codes: ['invalid-date'] } },
  { name: 'date 24:00:00', input: dated('2022-05-23 24:00:00 +0800'), expected: { date: null, codes: ['invalid-date'] } },
  { name: 'date 23:59:60', input: dated('2022-05-23 23:59:60 +0800'), expected: { date: null, codes: ['invalid-date'] } },
  { name: 'offset +2500', input: dated('2022-05-23 10:00:00 +2500'), expected: { date: null, codes: ['invalid-date'] } },
  {
    name: 'an unknown timeZone option',
    input: dated('2022-05-23 10:00:00'),
    options: { timeZone: 'Mars/Olympus_Mons' },
    expected: { throws: 'invalid-option' },
  },
  {
    name: 'a !!timestamp tag stays text and the date is read in Beijing time',
    input: dated('!!timestamp 2022-05-23 17:03:48'),
    expected: { date: '2022-05-23T17:03:48+08:00', codes: ['yaml-warning'] },
  },
  {
    name: 'a date in China summer time (1988) is +09:00',
    input: dated('1988-07-01 12:00:00'),
    expected: { date: '1988-07-01T12:00:00+09:00', codes: [] },
  },
  // 8. Input shapes.
  { name: 'null', input: null, expected: { throws: 'invalid-input' } },
  { name: 'a number', input: 42, expected: { throws: 'invalid-input' } },
  { name: 'an object', input: { title: '示例' }, expected: { throws: 'invalid-input' } },
  { name: 'a Buffer with invalid UTF-8', input: Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28]), expected: { throws: 'invalid-utf8' } },
  {
    name: 'a 50 MB single line is refused by size',
    input: 'x'.repeat(50 * 1024 * 1024),
    expected: { throws: 'input-too-large' },
  },
  {
    name: '50 MB of bytes is refused by size',
    input: new Uint8Array(50 * 1024 * 1024),
    expected: { throws: 'input-too-large' },
  },
];


function run(input: unknown, options: Record<string, unknown> | undefined): Post | Body {
  if (input !== null && typeof input === 'object' && 'body' in input) {
    return parseBody((input as { body: string }).body, options);
  }
  return parsePost(input as string, options);
}

describe('hostile input', () => {
  for (const { name, input, options, expected } of cases) {
    it(name, () => {
      let result: Post | Body;
      try {
        result = run(input, options);
      } catch (error) {
        ok(error instanceof PostParseError, `only PostParseError may escape, got ${String(error)}`);
        strictEqual(error.code, expected.throws, error.message);
        return;
      }
      strictEqual(expected.throws, undefined, 'expected a PostParseError');
      deepStrictEqual(summarize(result, expected), expected);
    });
  }

  it('requires a yaml with the fixes for CVE-2023-2251 and CVE-2026-33532 (>= 2.8.3)', () => {
    const atLeast = (version: string, minimum: number[]): boolean => {
      const parts = version.split('.').map(Number);
      for (let i = 0; i < minimum.length; i++) if (parts[i] !== minimum[i]) return (parts[i] ?? 0) > minimum[i]!;
      return true;
    };
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const range = manifest.dependencies['yaml']!;
    strictEqual(/^\^2\.\d+\.\d+$/.test(range) && atLeast(range.slice(1), [2, 8, 3]), true, `yaml range ${range}`);
    const installed = (JSON.parse(readFileSync(new URL('../node_modules/yaml/package.json', import.meta.url), 'utf8')) as { version: string }).version;
    strictEqual(atLeast(installed, [2, 8, 3]), true, `installed yaml ${installed}`);
  });

  it('leaves Object.prototype untouched', () => {
    parsePost(post('__proto__: { polluted: 1 }\nconstructor: { prototype: { polluted: 2 } }\n<<: { polluted: 3 }'));
    parseBody('<p __proto__="x" constructor="y" hidden>隐藏</p><p>x</p>');
    strictEqual(Object.getOwnPropertyNames(Object.prototype).includes('polluted'), false);
    strictEqual(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('parses a 9 MB post of many paragraphs', () => {
    const paragraph = `<p>${'示例公司发布公告，营收增长。'.repeat(20)}</p>\n`;
    const count = Math.floor((9 * 1024 * 1024) / Buffer.byteLength(paragraph));
    const result = parsePost(post('title: 大文件\ndate: 2022-05-23 17:03:48 +0800', paragraph.repeat(count)));
    strictEqual(result.paragraphs.length, count);
    deepStrictEqual(result.warnings, []);
  });

  it('gives the same result for UTF-16 bytes with a byte order mark, or with encoding: utf-16le/be, as for UTF-8', () => {
    const text = post('title: 示例\ndate: 2022-05-23 17:03:48 +0800', '<p>中文正文。</p>');
    const expected = parsePost(text);
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(text, 'utf16le').swap16();
    deepStrictEqual(parsePost(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), expected);
    deepStrictEqual(parsePost(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), expected);
    deepStrictEqual(parsePost(le, { encoding: 'utf-16le' }), expected);
    deepStrictEqual(parsePost(be, { encoding: 'utf-16be' }), expected);
    // Without a byte order mark or the option, bytes are UTF-8, never guessed at (test/input.test.ts): these are not.
    throws(() => parsePost(le), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-utf8');
  });

  it('gives the same result whatever was parsed before (no state between calls)', () => {
    const first = post('title: 甲\ndate: 2022-05-23 17:03:48 +0800', '<p><span id="stock_0.000001"><a data-code="0,000001">甲公司</a></span></p>');
    const second = post('title: 乙\ndate: 2022-05-23', '<p><b>乙</b></p><!-- 未闭合');
    const alone = JSON.stringify(parsePost(first));
    parsePost(second);
    parsePost(post(`title: ${'['.repeat(10000)}`));
    strictEqual(JSON.stringify(parsePost(first)), alone);
  });
});
