/**
 * Input that is not a post, options, strict mode, and the invariances every
 * caller relies on: BOM, line endings, bytes versus string.
 */

import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual, throws } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle, parseBody, parseNewsList, parsePost, PostParseError, type ErrorCode } from 'emnews';

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

function revokedProxy<T extends object>(target: T): T {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

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

  for (const [name, value] of notText) {
    it(`parseBody refuses ${name} with invalid-input`, () => rejects(() => parseBody(value as string), 'invalid-input'));
  }

  const lookAlikes: [string, unknown][] = [
    ['a Proxy around a Uint8Array', new Proxy(new TextEncoder().encode(SAMPLE), {})],
    ['an object that calls itself a Uint8Array', { [Symbol.toStringTag]: 'Uint8Array', length: 1, 0: 0x61 }],
    ['an Object.create(Uint8Array.prototype)', Object.create(Uint8Array.prototype)],
    ['a Uint16Array', new Uint16Array(2)],
    ['a DataView', new DataView(new ArrayBuffer(2))],
    ['a revoked Proxy', revokedProxy(new TextEncoder().encode(SAMPLE))],
    ['a Proxy whose every trap throws', new Proxy(new Uint8Array(2), new Proxy({}, { get: () => () => { throw new Error('my trap'); } }))],
  ];
  for (const [name, value] of lookAlikes) {
    // parseNewsList reads other objects as parsed JSON; a Proxy (of a Uint8Array, revoked, or throwing) it refuses too.
    const readers = name.includes('Proxy') ? [parsePost, parseBody, parseArticle, parseNewsList] : [parsePost, parseBody, parseArticle];
    it(`refuses ${name} with invalid-input, never another error (${readers.map((parse) => parse.name).join(', ')})`, () => {
      for (const parse of readers) rejects(() => parse(value as Uint8Array), 'invalid-input');
    });
  }

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

  it('counts maxInputBytes the same for the same text in every form: UTF-8 of the text, byte order mark excluded', () => {
    const text = '一二三\uD800a'; // 9 + 3 (a lone surrogate becomes U+FFFD) + 1 = 13 bytes in UTF-8
    const le = Buffer.from(text, 'utf16le');
    const forms: [string, string | Uint8Array, { encoding?: string }][] = [
      ['a string', text, {}],
      ['a string with a BOM', `\uFEFF${text}`, {}],
      ['UTF-8 bytes', new TextEncoder().encode('一二三\uFFFDa'), {}],
      ['UTF-8 bytes with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('一二三\uFFFDa')]), {}],
      ['UTF-16LE bytes with a BOM (26 + 2 bytes)', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), {}],
      ['UTF-16BE bytes with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]), {}],
      ['UTF-16LE bytes by the encoding option', le, { encoding: 'utf-16le' }],
    ];
    for (const [name, input, options] of forms) {
      rejects(() => parseBody(input, { ...options, maxInputBytes: 12 }), 'input-too-large');
      strictEqual(parseBody(input, { ...options, maxInputBytes: 13 }).paragraphs.length, 1, name);
    }
  });

  it('refuses the default 10 MiB limit plus one byte', () => {
    rejects(() => parsePost('a'.repeat(10 * 1024 * 1024 + 1)), 'input-too-large');
  });
});

describe('bytes and strings agree', () => {
  const read = (input: string | Uint8Array, options?: { encoding?: string }) => {
    try {
      return parsePost(input, options);
    } catch (error) {
      return error instanceof PostParseError ? error.code : error;
    }
  };

  it('reads a UTF-8 post whose text holds many NUL pairs as the same post as the string (no UTF-16 guess)', () => {
    const text = SAMPLE.replace('示例标题', `x\0x\0${'y\0'.repeat(600)}标题`).replace('第二段', `第二段${'z\0'.repeat(2000)}`);
    const expected = parsePost(text);
    strictEqual(expected.title, `xx${'y'.repeat(600)}标题`); // NULs removed, the rest intact
    deepStrictEqual(parsePost(new TextEncoder().encode(text)), expected);
  });

  it('reads bytes without a byte order mark as UTF-8, even when they look like UTF-16', () => {
    const ascii = '---\ntitle: hello\ndate: 2022-05-23 17:03:48 +0800\n---\n<p>text</p>\n';
    const le = Buffer.from(ascii, 'utf16le'); // valid UTF-8 too: ASCII and NUL bytes
    const asUtf8 = read(new TextDecoder('utf-8', { fatal: true }).decode(le));
    deepStrictEqual(read(le), asUtf8);
    notDeepStrictEqual(asUtf8, read(ascii));
    // With a byte order mark, or the option, they are UTF-16.
    deepStrictEqual(read(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), read(ascii));
    deepStrictEqual(read(le, { encoding: 'utf-16le' }), read(ascii));
    // Chinese text in UTF-16 without a mark is simply not UTF-8.
    strictEqual(read(Buffer.from(SAMPLE, 'utf16le')), 'invalid-utf8');
  });

  it('keeps a lone surrogate in UTF-16 bytes, so it gets the control-characters warning a string gets', () => {
    const text = SAMPLE.replace('第二段', '第\uD800二段\uDC00');
    const expected = parsePost(text);
    ok(expected.warnings.some((w) => w.code === 'control-characters'));
    strictEqual(expected.paragraphs[1]?.text, '第\uFFFD二段\uFFFD');
    const le = Buffer.from(text, 'utf16le');
    deepStrictEqual(parsePost(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), expected);
    deepStrictEqual(parsePost(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])), expected);
  });

  it('refuses UTF-16 bytes of odd length with invalid-bytes at the lone last byte', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\nab', 'utf16le'), Buffer.from([0x41])]);
    rejects(() => parsePost(bytes), 'invalid-bytes', { line: 2, column: 5 });
  });

  it('reads a SharedArrayBuffer-backed Uint8Array like bytes', () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 8), 4, bytes.length);
    shared.set(bytes);
    deepStrictEqual(parsePost(shared), parsePost(SAMPLE));
    deepStrictEqual(parseBody(shared.subarray(SAMPLE.indexOf('<p>'))), parseBody(new TextEncoder().encode(SAMPLE).subarray(SAMPLE.indexOf('<p>'))));
  });

  it('reads a Uint8Array subclass by its bytes, whatever its methods say', () => {
    class Odd extends Uint8Array {
      override get byteLength(): number {
        throw new Error('not asked');
      }
      override subarray(): never {
        throw new Error('not asked');
      }
    }
    const bytes = new TextEncoder().encode(SAMPLE);
    const odd = new Odd(bytes.length);
    odd.set(bytes);
    deepStrictEqual(parsePost(odd), parsePost(SAMPLE));
  });

  it('reads a Uint8Array over a detached buffer as empty input', () => {
    const buffer = new ArrayBuffer(8);
    const view = new Uint8Array(buffer);
    structuredClone(buffer, { transfer: [buffer] });
    deepStrictEqual(parsePost(view), parsePost(''));
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

  it("passes the caller's own error through unchanged when reading an option throws", () => {
    const mine = new Error('my getter failed');
    const getter = { get strict(): boolean {
      throw mine;
    } };
    const trap = new Proxy({}, { ownKeys: () => {
      throw mine;
    } });
    for (const options of [getter, trap]) {
      throws(() => parsePost(SAMPLE, options), (error: unknown) => error === mine);
      throws(() => parseBody('<p>甲</p>', options), (error: unknown) => error === mine);
    }
  });

  it('reads each option once', () => {
    let reads = 0;
    const options = { get timeZone(): string {
      reads++;
      return reads === 1 ? 'UTC' : 'not a zone';
    } };
    strictEqual(parsePost(SAMPLE.replace(' +0800', ''), options).date?.offset, '+00:00');
    strictEqual(reads, 1);
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
