/**
 * The fast path for canonical addresses (src/_lib/url.ts) must agree with
 * the URL parser on every address it accepts.
 */

import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readPostUrl, resolveHref } from '../src/_lib/url.ts';

const PIECES = [
  'http://', 'https://', 'HTTP://', '//', 'quote.eastmoney.com', 'finance.eastmoney.com', 'a.b', 'xn--abc.com', 'a.xn--p1ai', '127.0.0.1', '0x7f.1', 'a.1',
  'A.com', 'a..b', 'a.b.', ':80', ':8080', '/', '//', '/unify/r/0.000816', '/a/202205230000000001.html', '/news/1355,202205230000000001.html', '/.', '/..',
  '/./', '/../', '.', '..', '%2e', '%2E%2E', '%20', '%zz', '\\', ' ', '\t', "'", '"', '<', '>', '`', '{', '}', '|', '^', '#', '#x', '?', '?a=1&b=2', "?q='x'",
  '?infoCode=NW1', '@', 'user@', ':', ';', '=', '!', '$', '(', ')', '*', '+', ',', '~', '_', '-', 'é', '中', '\u0000', 'a', 'Z', '9',
];
const soup = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
// scheme + host + path + query, each drawn from near-canonical pieces.
const shaped = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTP://', 'http:/', 'https:///'),
    fc.constantFrom('quote.eastmoney.com', 'a.b', 'a.1', '1.2.3.4', 'xn--p1ai.com', 'a.xn--p1ai', 'A.b', 'a-b.c-d', 'a_b.c', 'a.b.', 'a.b:80', ''),
    fc.array(fc.constantFrom('/', 'a', 'r', '0.000816', '.', '..', 'x.html', ',', '%2e', '~', "'", '@', ':', ';', 'é', ' ', '\\'), { maxLength: 8 }),
    fc.constantFrom('', '?', '?a=1', '?infoCode=NW1&x=y', "?q='", '?a b', '#f', '?a/b?c', '??infoCode=NW1', '?infoCode+=1', '?x=1&infoCode=NW202205230000000001', '?infoCode=a+b&infoCode=c'),
  )
  .map(([scheme, host, path, query]) => `${scheme}${host}/${path.join('')}${query}`);
const href = fc.oneof(soup, shaped);

function parserHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

describe('resolveHref', () => {
  it('keeps eastmoney links as written', () => {
    for (const link of ['http://quote.eastmoney.com/unify/r/0.000816', 'https://finance.eastmoney.com/a/202205230000000001.html']) {
      strictEqual(resolveHref(link, null), link);
    }
  });

  it('agrees with the URL parser on every address (generated)', () => {
    let unchanged = 0;
    fc.assert(
      fc.property(href, (text) => {
        const result = resolveHref(text, null);
        if (result === text) unchanged++;
        // What the URL standard ignores, then protocol-relative as https:.
        const trimmed = text.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
        const expected = parserHref(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
        if (result === null || result.endsWith('-url')) return;
        strictEqual(result, expected, JSON.stringify(text));
      }),
      { seed: 20261128, numRuns: 20000 },
    );
    // Enough generated addresses must be canonical for the check to mean something.
    strictEqual(unchanged > 200, true, `only ${unchanged} canonical addresses were generated`);
  });
});

/** The post URL's fields as the URL parser reads them (ids by the same patterns as src/_lib/url.ts). */
function parserPostUrl(text: string): unknown {
  const trimmed = text.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
  let url: URL;
  try {
    url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'unsafe-url';
  const news = /\/news\/(\d{1,8}),(\d{18})\.html$/.exec(url.pathname);
  const article = news ? null : /\/a\/(\d{18})\.html$/.exec(url.pathname);
  const infoCode = url.searchParams.get('infoCode');
  const info = infoCode === null ? null : /^NW(\d{18})$/.exec(infoCode);
  return { href: url.href, host: url.hostname, articleId: news?.[2] ?? article?.[1] ?? info?.[1] ?? null, column: news?.[1] ?? null, infoCode: infoCode || null };
}

describe('readPostUrl', () => {
  it('reads canonical addresses as the URL parser does (generated)', () => {
    fc.assert(
      fc.property(shaped, (text) => {
        const result = readPostUrl(text);
        if (result === 'relative-url' || result === 'invalid-url' || result === 'unsafe-url') return;
        deepStrictEqual(result, parserPostUrl(text), JSON.stringify(text));
      }),
      { seed: 20261129, numRuns: 20000 },
    );
  });

  it('reads the ids of an article address with an infoCode query', () => {
    deepStrictEqual(readPostUrl('https://finance.eastmoney.com/a/x.html?y=1&infoCode=NW202205230000000003'), {
      href: 'https://finance.eastmoney.com/a/x.html?y=1&infoCode=NW202205230000000003',
      host: 'finance.eastmoney.com',
      articleId: '202205230000000003',
      column: null,
      infoCode: 'NW202205230000000003',
    });
  });
});
