/**
 * `options.encoding`: bytes in GBK/GB18030 (older eastmoney pages) and other
 * TextDecoder labels, for parsePost and parseBody. The GBK fixture is
 * encoded here by hand from a small table of GB2312 codes (checked against
 * the runtime's decoder first), so no encoder is needed at runtime.
 */

import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle, parseBody, parseNewsList, parsePost, PostParseError, type ErrorCode } from 'emnews';

/** GB2312 codes (two bytes each) of the characters the fixture uses. */
const GBK: Record<string, number> = {
  示: 0xcabe, 例: 0xc0fd, 公: 0xb9ab, 司: 0xcbbe, 中: 0xd6d0, 文: 0xcec4, 正: 0xd5fd, 新: 0xd0c2, 品: 0xc6b7,
  发: 0xb7a2, 布: 0xb2bc, '。': 0xa1a3, '，': 0xa3ac, '（': 0xa3a8, '）': 0xa3a9, 日: 0xc8d5, 报: 0xb1a8, 甲: 0xbcd7,
  乙: 0xd2d2, '：': 0xa3ba, 来: 0xc0b4, 源: 0xd4b4, 章: 0xd5c2, 一: 0xd2bb, 二: 0xb6fe, 三: 0xc8fd,
};

function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else if (GBK[char] !== undefined) bytes.push(GBK[char] >> 8, GBK[char] & 0xff);
    else throw new Error(`no GBK code for ${char} in the test table`);
  }
  return Uint8Array.from(bytes);
}

const POST = [
  '---',
  'title: "示例公司发布新品"',
  'date: 2022-05-23 17:03:48 +0800',
  '---',
  '> 示例公司发布新品。（示例日报）',
  '',
  '<p><span id="stock_0.000001"><a href="http://quote.eastmoney.com/unify/r/0.000001" class="keytip" data-code="0,000001">示例公司</a></span>发布新品，正文一。</p>',
  '<p>正文二。</p><p class="em_media">（文章来源：示例日报）</p>',
  '',
  '<http://finance.eastmoney.com/a/202205230000000051.html>',
].join('\n');
const BODY = '<p>甲乙：示例公司发布新品。</p><p class="em_media">（文章来源：示例日报）</p>';

function rejects(run: () => unknown, code: ErrorCode, position?: { line: number; column: number }): PostParseError {
  let caught: PostParseError | undefined;
  throws(run, (error: unknown) => {
    ok(error instanceof PostParseError, `expected a PostParseError, got ${String(error)}`);
    strictEqual(error.code, code);
    if (position) deepStrictEqual({ line: error.line, column: error.column }, position);
    caught = error;
    return true;
  });
  return caught!;
}

const PAGE =
  '<html><head><title>示例公司发布新品</title></head><body><div id="ContentBody">' +
  '<p>示例公司发布新品，正文一。</p><p class="em_media">（文章来源：示例日报）</p></div></body></html>';
const LIST =
  '{"code":"1","data":{"fastNewsList":[{"code":"202606160000000001","title":"示例公司发布新品",' +
  '"summary":"正文一。","showTime":"2026-06-16 14:09:57","stockList":["1.600001"]}]}}';

describe('options.encoding', () => {
  it('parseArticle and parseNewsList read GBK bytes as the same result as the string', () => {
    const url = 'https://finance.eastmoney.com/a/202606160000000001.html';
    const article = parseArticle(encodeGbk(PAGE), { encoding: 'gbk', url });
    deepStrictEqual(article, parseArticle(PAGE, { url }));
    strictEqual(article.paragraphs[0]?.text, '示例公司发布新品，正文一。');
    const list = parseNewsList(encodeGbk(LIST), { encoding: 'gb18030' });
    deepStrictEqual(list, parseNewsList(LIST));
    strictEqual(list.items[0]?.title, '示例公司发布新品');
  });

  it('the hand-made GBK fixture decodes to its text (the table is right)', () => {
    strictEqual(new TextDecoder('gbk').decode(encodeGbk(POST)), POST);
  });

  for (const encoding of ['gbk', 'GBK', ' gb2312 ', 'gb18030']) {
    it(`parsePost reads GBK bytes with encoding: ${JSON.stringify(encoding)} as the same post as the string`, () => {
      const expected = parsePost(POST);
      deepStrictEqual(expected.warnings, []);
      deepStrictEqual(parsePost(encodeGbk(POST), { encoding }), expected);
    });
  }

  it('parseBody reads GBK bytes as the same body as the string', () => {
    const expected = parseBody(BODY);
    strictEqual(expected.source?.name, '示例日报');
    deepStrictEqual(parseBody(encodeGbk(BODY), { encoding: 'gbk' }), expected);
  });

  it('without the option, GBK bytes are not UTF-8: invalid-utf8, never a guess', () => {
    // 示 (CA BE) happens to be valid UTF-8 (U+02BE); 例 (C0 FD) is not.
    rejects(() => parsePost(encodeGbk(POST)), 'invalid-utf8', { line: 2, column: 11 });
  });

  it('a byte order mark wins over the option, as in browsers', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(POST)]);
    deepStrictEqual(parsePost(utf8, { encoding: 'gbk' }), parsePost(POST));
  });

  it('the TSDoc example of parseBody', () => {
    const gbk = new Uint8Array([0x3c, 0x70, 0x3e, 0xd6, 0xd0, 0xce, 0xc4, 0x3c, 0x2f, 0x70, 0x3e]); // <p>中文</p>
    strictEqual(parseBody(gbk, { encoding: 'gbk' }).paragraphs[0]?.text, '中文');
  });

  it('strings are text already and ignore the option', () => {
    deepStrictEqual(parsePost(POST, { encoding: 'gbk' }), parsePost(POST));
    deepStrictEqual(parseBody(BODY, { encoding: 'gb18030' }), parseBody(BODY));
  });

  it('other labels TextDecoder knows work too (KOI8-R)', () => {
    const body = parseBody(Uint8Array.from([0x3c, 0x70, 0x3e, 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x3c, 0x2f, 0x70, 0x3e]), { encoding: 'koi8-r' });
    deepStrictEqual(body.paragraphs.map((p) => p.text), ['Привет']);
  });

  it('refuses bytes that are not valid GBK with invalid-bytes, at the first byte of the bad sequence', () => {
    // Line 2 of the post: `title: "` then a lead byte 0x81 followed by a space, which is no trail byte.
    const good = encodeGbk(POST);
    const bad = Uint8Array.from([...good.subarray(0, 12), 0x81, 0x20, ...good.subarray(12)]);
    const error = rejects(() => parsePost(bad, { encoding: 'gbk' }), 'invalid-bytes', { line: 2, column: 9 });
    ok(error.message.includes('at byte 12'), error.message);
    // A lead byte cut off at the very end.
    rejects(() => parseBody(Uint8Array.from([...encodeGbk(BODY), 0xd6]), { encoding: 'gbk' }), 'invalid-bytes', {
      line: 1,
      column: encodeGbk(BODY).length + 1,
    });
    // 0x7F is no trail byte; the bad pair sits past the first 64 KiB chunk.
    const long = Uint8Array.from([...new TextEncoder().encode(`<p>${'a'.repeat(70_000)}`), 0x81, 0x7f]);
    rejects(() => parseBody(long, { encoding: 'gbk' }), 'invalid-bytes', { line: 1, column: 70_004 });
    // And across the chunk boundary: the lead byte ends the first chunk.
    const split = Uint8Array.from([...new TextEncoder().encode('a'.repeat(65_535)), 0x81, 0x20]);
    rejects(() => parseBody(split, { encoding: 'gbk' }), 'invalid-bytes', { line: 1, column: 65_536 });
  });

  it('counts maxInputBytes in UTF-8 of the decoded text, so GBK bytes get the same limit as the string', () => {
    const text = '一二三'; // 9 bytes of UTF-8, 6 of GBK
    rejects(() => parseBody(encodeGbk(text), { encoding: 'gbk', maxInputBytes: 8 }), 'input-too-large');
    strictEqual(parseBody(encodeGbk(text), { encoding: 'gbk', maxInputBytes: 9 }).paragraphs[0]?.text, text);
    // Past the first chunk the decoder stops at the limit, not at the end.
    const big = encodeGbk('一'.repeat(100_000)); // 200 KB of GBK, 300 KB of UTF-8
    rejects(() => parseBody(big, { encoding: 'gbk', maxInputBytes: 250_000 }), 'input-too-large');
    strictEqual(parseBody(big, { encoding: 'gbk', maxInputBytes: 300_000 }).paragraphs[0]?.text.length, 100_000);
  });

  const badLabels: [string, unknown][] = [
    ['an unknown label', 'klingon'],
    ['a label TextDecoder refuses (the replacement encoding)', 'iso-2022-kr'],
    ['an empty label', ''],
    ['a number', 936],
    ['null', null],
  ];
  for (const [name, encoding] of badLabels) {
    it(`refuses ${name} with invalid-option`, () => {
      rejects(() => parsePost(POST, { encoding: encoding as string }), 'invalid-option');
      rejects(() => parseBody(BODY, { encoding: encoding as string }), 'invalid-option');
    });
  }

  it('says unsupported-encoding when the runtime lacks a decoder the Encoding Standard names', () => {
    // A runtime without GBK (Node.js built with small ICU): its TextDecoder refuses the label.
    const real = globalThis.TextDecoder;
    class WithoutGbk extends real {
      constructor(label?: string, options?: TextDecoderOptions) {
        if (label !== undefined && /^\s*(?:gbk|gb2312|gb18030)\s*$/i.test(label)) throw new RangeError(`The "${label}" encoding is not supported`);
        super(label, options);
      }
    }
    globalThis.TextDecoder = WithoutGbk;
    try {
      rejects(() => parsePost(encodeGbk(POST), { encoding: 'gbk' }), 'unsupported-encoding');
      rejects(() => parseBody(encodeGbk(BODY), { encoding: 'GB18030' }), 'unsupported-encoding');
      rejects(() => parseBody(BODY, { encoding: 'klingon' }), 'invalid-option');
      deepStrictEqual(parsePost(new TextEncoder().encode(POST)), parsePost(POST));
    } finally {
      globalThis.TextDecoder = real;
    }
  });
});
