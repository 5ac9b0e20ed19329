/**
 * Input that is not a post, options, strict mode, and the invariances every
 * caller relies on: BOM, line endings, bytes versus string.
 */

import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBody, parsePost, PostParseError, type ErrorCode } from 'emnews';

const SAMPLE = [
  '---',
  'layout: post',
  'title: "示例标题"',
  'date: 2022-05-23 17:03:48 +0800',
  'categories: emnews',
  'tags: 东财滚动新闻',
  '---',
  '> 摘要。（示例报）',
  '',
  '<p>第一段<br />第二行</p>',
  ' <p>第二段</p><p class="em_media">（文章来源：示例报）</p>',
  '',
  '<http://finance.eastmoney.com/news/1355,202205230000000041.html>',
  '',
  '[返回东财滚动新闻](//finews.withounder.com/emnews/)｜[返回首页](//finews.withounder.com/)',
].join('\n');

function rejects(run: () => unknown, code: ErrorCode, position?: { line: number; column: number }): void {
  throws(run, (error: unknown) => {
    ok(error instanceof PostParseError, `expected a PostParseError, got ${String(error)}`);
    strictEqual(error.code, code);
    if (position) deepStrictEqual({ line: error.line, column: error.column }, position);
    return true;
  });
}

describe('input that is not a post', () => {
  const notText: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { title: '甲' }],
    ['an array', ['---']],
    ['an ArrayBuffer', new ArrayBuffer(4)],
  ];
  for (const [name, value] of notText) {
    it(`parsePost refuses ${name} with invalid-input`, () => rejects(() => parsePost(value as string), 'invalid-input'));
  }

  it('parseBody refuses anything but a string', () => rejects(() => parseBody(new Uint8Array(2) as unknown as string), 'invalid-input'));

  it('refuses invalid UTF-8 and says where', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\nab'), 0xff, 0x41]);
    rejects(() => parsePost(bytes), 'invalid-utf8', { line: 2, column: 3 });
  });

  it('refuses a truncated multi-byte sequence', () => {
    const bytes = new TextEncoder().encode('正文').slice(0, 5);
    rejects(() => parsePost(bytes), 'invalid-utf8', { line: 1, column: 4 });
  });

  it('refuses input over maxInputBytes, counting UTF-8 bytes', () => {
    const text = '一二三'; // 9 bytes in UTF-8
    rejects(() => parsePost(text, { maxInputBytes: 8 }), 'input-too-large');
    rejects(() => parsePost(new TextEncoder().encode(text), { maxInputBytes: 8 }), 'input-too-large');
    rejects(() => parseBody('<p>一二三</p>', { maxInputBytes: 8 }), 'input-too-large');
    strictEqual(parsePost(text, { maxInputBytes: 9 }).paragraphs[0]?.text, '一二三');
  });

  it('refuses the default 10 MiB limit plus one byte', () => {
    rejects(() => parsePost('a'.repeat(10 * 1024 * 1024 + 1)), 'input-too-large');
  });
});

describe('options', () => {
  it('refuses unknown option names, wrong types and non-objects', () => {
    rejects(() => parsePost(SAMPLE, { timezone: 'UTC' } as never), 'invalid-option');
    rejects(() => parsePost(SAMPLE, { strict: 'yes' } as never), 'invalid-option');
    rejects(() => parsePost(SAMPLE, { fileName: 3 } as never), 'invalid-option');
    rejects(() => parsePost(SAMPLE, { maxInputBytes: -1 }), 'invalid-option');
    rejects(() => parsePost(SAMPLE, 'strict' as never), 'invalid-option');
    rejects(() => parseBody('<p>甲</p>', { timeZone: 'UTC' } as never), 'invalid-option');
  });

  it('strict turns the first warning into a PostParseError with its position', () => {
    const broken = SAMPLE.replace('title: "示例标题"', 'title: "示例"标题"');
    strictEqual(parsePost(broken).warnings[0]?.code, 'recovered-title');
    rejects(() => parsePost(broken, { strict: true }), 'recovered-title', { line: 3, column: 1 });
    rejects(() => parseBody('<a class="keytip" data-code="?">甲</a>', { strict: true }), 'invalid-data-code', { line: 1, column: 1 });
  });

  it('strict keeps the code of a warning raised while reading YAML values', () => {
    rejects(() => parsePost(SAMPLE.replace('layout: post', 'ratio: .nan'), { strict: true }), 'non-json-value', { line: 2, column: 1 });
    // Duplicate keys send the block to key-by-key recovery, which meets the same value first.
    rejects(() => parsePost(SAMPLE.replace('layout: post', 'ratio: .nan\nratio: 1'), { strict: true }), 'non-json-value');
  });

  it('strict changes nothing for a clean post', () => {
    deepStrictEqual(parsePost(SAMPLE, { strict: true }), parsePost(SAMPLE));
  });
});

describe('invariances', () => {
  const expected = parsePost(SAMPLE);

  it('the sample itself parses cleanly', () => {
    deepStrictEqual(expected.warnings, []);
    deepStrictEqual(
      expected.paragraphs.map((p) => p.text),
      ['第一段\n第二行', '第二段'],
    );
  });

  const variants: [string, string | Uint8Array][] = [
    ['CRLF line endings', SAMPLE.replace(/\n/g, '\r\n')],
    ['lone CR line endings', SAMPLE.replace(/\n/g, '\r')],
    ['a BOM in a string', `\uFEFF${SAMPLE}`],
    ['UTF-8 bytes', new TextEncoder().encode(SAMPLE)],
    ['UTF-8 bytes with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)])],
    ['a Node.js Buffer', Buffer.from(SAMPLE, 'utf8')],
  ];
  for (const [name, input] of variants) {
    it(`gives the same result for ${name}`, () => deepStrictEqual(parsePost(input), expected));
  }

  it('gives the same result on repeated and interleaved calls (no state kept between calls)', () => {
    const other = parsePost(SAMPLE.replace('第一段', '别的段落'), { timeZone: 'UTC', strict: false });
    deepStrictEqual(parsePost(SAMPLE), expected);
    ok(other.paragraphs[0]?.text.startsWith('别的段落'));
  });

  it('returns plain data only: no Date, no class instance, JSON round trip is lossless', () => {
    const seen: unknown[] = [expected];
    while (seen.length > 0) {
      const value = seen.pop();
      if (value !== null && typeof value === 'object') {
        const proto = Object.getPrototypeOf(value);
        ok(proto === Object.prototype || proto === Array.prototype, `found a ${String(proto?.constructor?.name)}`);
        seen.push(...Object.values(value));
      } else {
        ok(['string', 'number', 'boolean'].includes(typeof value) || value === null, `found a ${typeof value}`);
      }
    }
    deepStrictEqual(JSON.parse(JSON.stringify(expected)), expected);
  });
});
