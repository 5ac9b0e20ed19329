/**
 * Responses of eastmoney's list endpoints: every format with random field
 * values (missing, mistyped, hostile text, bad dates, bad secids, repeated
 * codes), in every wrapper (bare JSON, `var x=`, JSONP), then cut or with
 * JSON fragments injected; and token soups of JSON.
 */

import fc from 'fast-check';

const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 24 });
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('示例', '', ' ', '【示例】示例。', '<em>示例</em>公司', '&amp;&lt;', '示例。（示例网）', '目标。(示例台)', '\u202E示例', '\u0000') },
  { weight: 1, arbitrary: codeUnits },
);
const time = fc.oneof(
  fc.constantFrom('2026-06-16 14:09:57', '2026-02-30 10:00:00', '2026-06-16', '2026-06-16T14:09:57+08:00', '1988-07-01 12:00:00', '', '+0800', 'x'),
  codeUnits,
);
const code = fc.oneof(fc.constantFrom('202606160000000001', '202606160000000002', '1', '', ' '), fc.integer(), codeUnits);
const url = fc.oneof(
  fc.constantFrom(
    'http://finance.eastmoney.com/a/202606160000000001.html', '//finance.eastmoney.com/news/1354,202606160000000002.html', '/a/x.html',
    'javascript:alert(1)', '', 'http://[::1', 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202606160000000003',
  ),
  codeUnits,
);
const secid = fc.oneof(
  fc.constantFrom('1.601068', '0.000001', '116.00700', '90.BK1061', '105.AAPL', '601068', 'x.y', '1.', '.1', '99999.1', '', ' 1.600000 '),
  fc.integer(),
  fc.constant(null),
  codeUnits,
);
/** A field's value: usually of its type, sometimes not. */
const value = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: fc.constantFrom(null, 1, true, [], {}, 1e21) });
const stockList = value(fc.array(secid, { maxLength: 5 }));

const record = (model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> => fc.record(model, { requiredKeys: [] });
const rollingItem = record({ id: value(code), newsid: value(code), url_w: value(url), url_m: value(url), title: value(text), digest: value(text), showtime: value(time), ordertime: value(time) });
const plainItem = record({ code: value(code), title: value(text), summary: value(text), showTime: value(time), mediaName: value(text), url: value(url), uniqueUrl: value(url), stockList });
const articleItem = record({ Art_Code: value(code), Art_Title: value(text), Art_ShowTime: value(time), Art_MediaName: value(text), Art_Url: value(url), Art_OriginUrl: value(url) });
const searchItem = record({ code: value(code), title: value(text), content: value(text), date: value(time), mediaName: value(text), url: value(url) });
const junk = fc.constantFrom<unknown>(null, 'item', 7, [], [1]);
const items = (item: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> =>
  fc.array(fc.oneof({ weight: 8, arbitrary: item }, { weight: 1, arbitrary: junk }), { maxLength: 6 }).chain((list) =>
    // Repeat an item now and then, as the endpoints do.
    fc.nat({ max: 3 }).map((n) => (n === 0 && list.length > 0 ? [...list, list[0]] : list)),
  );

/** A response's JSON value, in one of the formats (or almost: a few are of no known shape). */
export const listValue: fc.Arbitrary<unknown> = fc.oneof(
  items(rollingItem).map((list) => ({ rc: 1, me: '', LivesList: list, PageCount: 5 })),
  items(plainItem).map((list) => ({ code: '1', message: 'success', data: { fastNewsList: list } })),
  items(plainItem).map((list) => ({ code: 1, data: { list } })),
  items(articleItem).map((list) => ({ data: { list } })),
  items(articleItem),
  articleItem,
  items(searchItem).map((list) => ({ code: 0, result: { cmsArticleWebOld: list } })),
  fc.constantFrom<unknown>({}, [], { data: null }, { LivesList: {} }, { LivesList: [], data: { list: [] } }),
);

const wrapper = fc.constantFrom(
  (json: string) => json,
  (json: string) => `var ajaxResult=${json}\n`,
  (json: string) => `var ajaxResult = ${json};`,
  (json: string) => `jQuery35107761297885905_1700000000000(${json})`,
  (json: string) => `\n cb ( ${json} ) ;\n`,
);

/** JSON and JSONP pieces, valid and broken. */
const JSON_FRAGMENTS: readonly string[] = [
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\uD800', '"LivesList"', '"data"', '"fastNewsList"', '"list"', '"Art_Code"', '"result"', '"cmsArticleWebOld"',
  'null', 'true', '-', '0', '1e', '01', 'var', 'var x=', 'jQuery1_2(', ')', ';', '\n', '\r', '\t', '\u0000', '\uFEFF', '<em>', '示例', "'", '/**/', '(', 'NaN',
];

type Edit = { kind: 'cut'; at: number } | { kind: 'inject'; at: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.constantFrom(...JSON_FRAGMENTS) }),
);

/** A response body as the endpoint would send it. */
export const listText: fc.Arbitrary<string> = fc
  .tuple(listValue, wrapper, fc.constantFrom(undefined, 2))
  .map(([root, wrap, indent]) => wrap(JSON.stringify(root, null, indent)));

/** A response body after a few edits. */
export const mutatedListText: fc.Arbitrary<string> = fc.tuple(listText, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([body, edits]) => {
  let result = body;
  for (const e of edits) {
    const at = e.at % (result.length + 1);
    result = e.kind === 'cut' ? result.slice(0, at) : result.slice(0, at) + e.text + result.slice(at);
  }
  return result;
});

/** Any response text a caller might pass. */
export const anyListText: fc.Arbitrary<string> = fc.oneof(
  listText,
  mutatedListText,
  fc.array(fc.constantFrom(...JSON_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
);
