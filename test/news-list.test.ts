/**
 * parseNewsList on invented responses in each endpoint's format: the full
 * expected items, then duplicates, bad items, unknown shapes and malformed
 * JSON (with positions), one at a time.
 */

import { deepStrictEqual, strictEqual, throws } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNewsList, PostParseError, type Entity, type NewsItem, type NewsList, type PostDate, type PostUrl } from 'emnews';
import { listInvariantProblems } from './invariants.ts';

function listDate(raw: string, utc: string): PostDate {
  const iso = `${raw.replace(' ', 'T')}+08:00`;
  return { iso, utc, epochMs: Date.parse(utc), offset: '+08:00', assumed: true, raw, from: 'list' };
}

function articleUrl(id: string, host = 'finance.eastmoney.com'): PostUrl {
  return { href: `http://${host}/a/${id}.html`, host, articleId: id, column: null, infoCode: null };
}

const QUOTE = 'https://quote.eastmoney.com/unify/r/';
const SH_STOCK: Entity = {
  kind: 'stock', market: 1, marketType: 'shanghai', exchange: 'SH', code: '600001', secid: '1.600001', label: '', url: `${QUOTE}1.600001`, mentionCount: 0,
};

function parsed(input: Parameters<typeof parseNewsList>[0], options?: Parameters<typeof parseNewsList>[1]): NewsList {
  const list = parseNewsList(input, options);
  deepStrictEqual(listInvariantProblems(list), []);
  return list;
}

const ROLLING = `var ajaxResult={"rc":1,"me":"","LivesList":[
{"id":"202607270000000001","newsid":"N1","url_w":"http://finance.eastmoney.com/a/202607270000000001.html","url_m":"http://m.example.com/1",
"title":"示例板块快速拉升","digest":"示例板块快速拉升，示例公司涨停。（示例新闻网）","showtime":"2026-07-27 10:00:57","ordertime":"2026-07-27 10:00:57"},
{"id":"202607270000000002","url_w":"http://finance.eastmoney.com/a/202607270000000002.html",
"title":"示例指数涨逾2%","digest":"【示例指数涨逾2%】指数走强。","showtime":"2026-07-27 09:57:39"}
],"PageCount":5}
`;

const rollingItems: NewsItem[] = [
  {
    title: '示例板块快速拉升',
    date: listDate('2026-07-27 10:00:57', '2026-07-27T02:00:57.000Z'),
    summary: '示例板块快速拉升，示例公司涨停。（示例新闻网）',
    source: { name: '示例新闻网', text: '（示例新闻网）', from: 'digest' },
    url: articleUrl('202607270000000001'),
    articleId: '202607270000000001',
    entities: [],
  },
  {
    title: '示例指数涨逾2%',
    date: listDate('2026-07-27 09:57:39', '2026-07-27T01:57:39.000Z'),
    summary: '指数走强。',
    source: null,
    url: articleUrl('202607270000000002'),
    articleId: '202607270000000002',
    entities: [],
  },
];

describe('parseNewsList: formats', () => {
  it('the rolling list (var ajaxResult=…): a 【title】 prefix that repeats the title goes, a trailing outlet is the source', () => {
    deepStrictEqual(parsed(ROLLING), { format: 'rolling', items: rollingItems, warnings: [] });
  });

  it('the same response as bytes, and already parsed, reads the same', () => {
    deepStrictEqual(parsed(new TextEncoder().encode(ROLLING)).items, rollingItems);
    const json = ROLLING.slice(ROLLING.indexOf('{'), ROLLING.lastIndexOf('}') + 1);
    deepStrictEqual(parsed(JSON.parse(json) as object).items, rollingItems);
  });

  it('fast news (data.fastNewsList): stockList secids are typed entities; no address', () => {
    const list = parsed(
      '{"code":"1","message":"success","data":{"fastNewsList":[{"summary":" 示例公司盘口异动。 ","code":"202606160000000003","realSort":"1","showTime":"2026-06-16 14:09:57",' +
        '"title":"示例公司快速回调","stockList":["1.600001","0.000002","116.00700","90.BK1061","105.EXMP","830799"],"image":[]}]}}',
    );
    const entity = (market: number, code: string, kind: 'stock' | 'board', marketType: string, exchange: string | null): Entity =>
      ({ kind, market, marketType, exchange, code, secid: `${market}.${code}`, label: '', url: `${QUOTE}${market}.${code}`, mentionCount: 0 }) as Entity;
    deepStrictEqual(list, {
      format: 'fast-news',
      items: [
        {
          title: '示例公司快速回调',
          date: listDate('2026-06-16 14:09:57', '2026-06-16T06:09:57.000Z'),
          summary: '示例公司盘口异动。',
          source: null,
          url: null,
          articleId: '202606160000000003',
          entities: [
            SH_STOCK,
            entity(0, '000002', 'stock', 'shenzhen-beijing', 'SZ'),
            entity(116, '00700', 'stock', 'hong-kong', 'HK'),
            entity(90, 'BK1061', 'board', 'board', null),
            entity(105, 'EXMP', 'stock', 'us', 'US'),
            { kind: 'unresolved', market: null, marketType: null, exchange: null, code: '830799', secid: null, label: '', url: null, mentionCount: 0 },
          ],
        },
      ],
      warnings: [
        { code: 'unknown-market', message: 'the market of the security "830799" of item 1 is not given; its secid is null', line: null, column: null },
      ],
    });
  });

  it('a column list (data.list): mediaName is the source, url or uniqueUrl the address', () => {
    const list = parsed({
      code: 1,
      data: {
        list: [
          { code: '202305060000000004', title: '示例 行业 观察', summary: '', showTime: '2023-05-06 08:00:00', mediaName: '示例周刊', uniqueUrl: 'http://finance.eastmoney.com/a/202305060000000004.html' },
        ],
      },
    });
    deepStrictEqual(list, {
      format: 'column',
      items: [
        {
          title: '示例 行业 观察',
          date: listDate('2023-05-06 08:00:00', '2023-05-06T00:00:00.000Z'),
          summary: null,
          source: { name: '示例周刊', text: '示例周刊', from: 'list' },
          url: articleUrl('202305060000000004'),
          articleId: '202305060000000004',
          entities: [],
        },
      ],
      warnings: [],
    });
  });

  it('a stock\'s list (Art_… items), in data.list, as an array, or one item alone', () => {
    const item = {
      Art_ShowTime: '2022-02-11 14:29:25', Art_Image: '', Art_MediaName: '示例经济新闻', Art_Code: '202202110000000005', Art_Title: '示例动力：子公司不纳入合并报表',
      Art_SortStart: '1', Art_VideoCount: 0, Art_OriginUrl: 'http://finance.eastmoney.com/news/1354,202202110000000005.html',
      Art_Url: 'http://finance.eastmoney.com/a/202202110000000005.html',
    };
    const expected: NewsList = {
      format: 'per-stock',
      items: [
        {
          title: '示例动力：子公司不纳入合并报表',
          date: listDate('2022-02-11 14:29:25', '2022-02-11T06:29:25.000Z'),
          summary: null,
          source: { name: '示例经济新闻', text: '示例经济新闻', from: 'list' },
          url: articleUrl('202202110000000005'),
          articleId: '202202110000000005',
          entities: [],
        },
      ],
      warnings: [],
    };
    deepStrictEqual(parsed(JSON.stringify({ data: { list: [item] } })), expected);
    deepStrictEqual(parsed(JSON.stringify([item])), expected);
    deepStrictEqual(parsed(JSON.stringify(item, null, 4)), expected);
  });

  it('the search JSONP (jQuery…({…})): <em> highlights and character references in title and content', () => {
    const list = parsed(
      'jQuery35107761297885905_1700000000000({"code":0,"msg":"","result":{"cmsArticleWebOld":[{"date":"2024-01-02 03:04:05",' +
        '"title":"<em>示例</em>公司&amp;伙伴签约","content":"双方就<em>示例</em>项目达成合作……","mediaName":"示例时报",' +
        '"url":"http://finance.eastmoney.com/a/202401020000000006.html","code":"202401020000000006"}]}});',
    );
    deepStrictEqual(list, {
      format: 'search',
      items: [
        {
          title: '示例公司&伙伴签约',
          date: listDate('2024-01-02 03:04:05', '2024-01-01T19:04:05.000Z'),
          summary: '双方就示例项目达成合作……',
          source: { name: '示例时报', text: '示例时报', from: 'list' },
          url: articleUrl('202401020000000006'),
          articleId: '202401020000000006',
          entities: [],
        },
      ],
      warnings: [],
    });
  });
});

describe('parseNewsList: recovery', () => {
  it('a repeated code collapses to its first item with a warning; a non-object item is skipped with a warning', () => {
    const list = parsed({
      data: {
        fastNewsList: [
          { code: '202606160000000007', title: '甲', showTime: '2026-06-16 14:09:57' },
          'not an item',
          { code: '202606160000000007', title: '甲（重复）', showTime: '2026-06-16 14:09:57' },
          { code: '202606160000000008', title: '乙', showTime: '2026-06-16 25:00:00', stockList: ['1.600001', 'x.y', 7] },
          { title: '', showTime: '' },
        ],
      },
    });
    deepStrictEqual(list.items.map((item) => [item.title, item.articleId, item.date?.raw ?? null, item.entities.length]), [
      ['甲', '202606160000000007', '2026-06-16 14:09:57', 0],
      ['乙', '202606160000000008', null, 1],
      ['', null, null, 0],
    ]);
    deepStrictEqual(list.warnings, [
      { code: 'invalid-list-item', message: 'item 2 is a string, not an object; skipped', line: null, column: null },
      { code: 'duplicate-item', message: 'item 3 repeats the code "202606160000000007" of item 1; kept item 1', line: null, column: null },
      { code: 'invalid-date', message: 'the date "2026-06-16 25:00:00" of item 4 is not a valid date; date is null', line: null, column: null },
      { code: 'invalid-data-code', message: 'cannot read the security "x.y" of item 4', line: null, column: null },
      { code: 'invalid-data-code', message: 'cannot read the security (a number) of item 4', line: null, column: null },
      { code: 'empty-title', message: 'item 5 has no title', line: null, column: null },
      { code: 'missing-date', message: 'item 5 has no date; date is null', line: null, column: null },
    ]);
  });

  it('relative item addresses need baseUrl; unsafe ones are dropped', () => {
    const response = { data: { list: [{ code: '1', title: '甲', showTime: '2023-05-06 08:00:00', url: '/a/202305060000000009.html' }, { code: '2', title: '乙', showTime: '2023-05-06 08:00:00', url: 'javascript:alert(1)' }] } };
    const without = parsed(response);
    deepStrictEqual([without.items.map((item) => item.url), without.warnings.map((w) => w.code)], [[null, null], ['relative-url', 'unsafe-url']]);
    strictEqual(parsed(response, { baseUrl: 'https://finance.eastmoney.com/' }).items[0]?.articleId, '202305060000000009');
  });

  it('strict mode throws the first warning', () => {
    throws(
      () => parseNewsList({ data: { fastNewsList: [{ code: '1', title: '甲' }, { code: '1', title: '甲' }] } }, { strict: true }),
      (error: unknown) => error instanceof PostParseError && error.code === 'missing-date',
    );
  });
});

describe('parseNewsList: parsed JSON that cannot be read', () => {
  const revoked = <T extends object>(target: T): T => {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  };
  const throwing = <T extends object>(target: T, trap: keyof ProxyHandler<T>): T =>
    new Proxy(target, { [trap]: () => { throw new Error(`my ${String(trap)} trap`); } });
  const withGetter = (target: object, key: string): object =>
    Object.defineProperty(target, key, { enumerable: true, get: () => { throw new RangeError(`my ${key} getter`); } });
  const item = (code: string): object => ({ code, title: code, showTime: '2026-06-16 14:09:57' });
  const isInvalidInput = (text: string) => (error: unknown): boolean =>
    error instanceof PostParseError && error.code === 'invalid-input' && error.message.includes(text);

  it('a revoked Proxy, or a throwing trap or getter, on the way to the items is invalid-input, naming what was thrown', () => {
    throws(() => parseNewsList(revoked({ data: { fastNewsList: [] } })), isInvalidInput("on a proxy that has been revoked"));
    throws(() => parseNewsList(revoked([])), isInvalidInput('revoked'));
    throws(() => parseNewsList(throwing({}, 'getPrototypeOf')), isInvalidInput('Error: my getPrototypeOf trap'));
    throws(() => parseNewsList({ data: throwing({ fastNewsList: [] }, 'getOwnPropertyDescriptor') }), isInvalidInput('my getOwnPropertyDescriptor trap'));
    throws(() => parseNewsList(withGetter({}, 'data')), isInvalidInput('RangeError: my data getter'));
    throws(() => parseNewsList({ data: { fastNewsList: revoked([]) } }), isInvalidInput('revoked'));
    throws(() => parseNewsList({ data: { fastNewsList: throwing([item('1')], 'get') } }), isInvalidInput('my get trap'));
  });

  it('an item that cannot be read is skipped with an invalid-list-item warning naming what was thrown, as a non-object item is', () => {
    const list = parsed({
      data: { fastNewsList: [revoked(item('1')), item('2'), throwing(item('3'), 'get'), withGetter(item('4'), 'title'), { ...item('5'), stockList: revoked([]) }] },
    });
    deepStrictEqual(list.items.map((i) => i.title), ['2']);
    const revokedMessage = (place: number): string =>
      `item ${place} cannot be read (a revoked Proxy, a getter or a Proxy trap threw "TypeError: Cannot perform 'IsArray' on a proxy that has been revoked" while the parsed JSON was read); skipped`;
    const thrownMessage = (place: number, what: string): string =>
      `item ${place} cannot be read (a revoked Proxy, a getter or a Proxy trap threw "${what}" while the parsed JSON was read); skipped`;
    deepStrictEqual(list.warnings.map((w) => w.message), [revokedMessage(1), thrownMessage(3, 'Error: my get trap'), thrownMessage(4, 'RangeError: my title getter'), revokedMessage(5)]);
    deepStrictEqual(new Set(list.warnings.map((w) => w.code)), new Set(['invalid-list-item']));
    // In data.list, where the items decide the shape, an unreadable item has no say and is reported the same way.
    const column = parsed({ data: { list: [throwing({ Art_Title: '甲' }, 'get'), item('6')] } });
    deepStrictEqual([column.format, column.items.length, column.warnings.map((w) => w.message)], ['column', 1, [thrownMessage(1, 'Error: my get trap')]]);
  });

  it('a sparse list of length 2³² − 1 reads its two items at once, neither hanging nor running out of memory', () => {
    const sparse: object[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[3] = item('1');
    sparse[4e9] = item('2');
    deepStrictEqual(parsed({ data: { fastNewsList: sparse } }).items.map((i) => i.title), ['1', '2']);
  });

  it('a transparent Proxy reads as the object it wraps', () => {
    const value = { data: { fastNewsList: [item('1'), item('2')] } };
    deepStrictEqual(parsed(new Proxy({ data: new Proxy({ fastNewsList: new Proxy(value.data.fastNewsList.map((i) => new Proxy(i, {})), {}) }, {}) }, {})), parsed(value));
  });
});

describe('parseNewsList: errors', () => {
  const unknownShapes: [string, unknown][] = [
    ['an object of no known list', { data: { items: [] } }],
    ['a list where items are expected', { data: { fastNewsList: { code: '1' } } }],
    ['data.list mixing column and Art_ items', { data: { list: [{ code: '1', title: '甲' }, { Art_Code: '2', Art_Title: '乙' }] } }],
    ['two lists at once', { LivesList: [], data: { fastNewsList: [] } }],
    ['a bare array of column items', [{ code: '1', title: '甲' }]],
    ['an error response', { code: '-1', message: 'error', data: null }],
  ];
  for (const [name, value] of unknownShapes) {
    it(`unknown-list-shape: ${name}, also as text`, () => {
      for (const input of [value as object, JSON.stringify(value)]) {
        throws(() => parseNewsList(input), (error: unknown) => error instanceof PostParseError && error.code === 'unknown-list-shape' && error.line === null);
      }
    });
  }

  const malformed: [string, string, number, number][] = [
    ['a missing closing brace', '{"data":{"list":[]}', 1, 20],
    ['a trailing comma', '{"LivesList":[1,]}', 1, 17],
    ['single quotes', "{'LivesList':[]}", 1, 2],
    ['a raw line break inside a string', '{"LivesList":[{"title":"甲\n乙"}]}', 1, 26],
    ['a bad escape', '{"a":"\\x41"}', 1, 7],
    ['a bad number', '{"a":01}', 1, 7],
    ['text after the value', '{"a":1} x', 1, 9],
    ['JSONP without its parenthesis', 'jQuery1_2({"a":1};', 1, 18],
    ['a call that is not JSON inside', 'cb(alert(1))', 1, 4],
    ['HTML instead of JSON', '<html><body>502</body></html>', 1, 1],
    ['an error on a later line', 'var ajaxResult={\n"LivesList":[\n{"id":"1",}\n]}', 3, 11],
    ['nesting deeper than 1,000 levels', `${'['.repeat(1001)}${']'.repeat(1001)}`, 1, 1001],
  ];
  for (const [name, text, line, column] of malformed) {
    it(`invalid-json with its position: ${name}`, () => {
      throws(
        () => parseNewsList(text),
        (error: unknown) => error instanceof PostParseError && error.code === 'invalid-json' && error.line === line && error.column === column,
      );
    });
  }

  it('nothing is evaluated: a JSONP body that would run code is a parse error', () => {
    const before = (globalThis as { hacked?: unknown }).hacked;
    throws(() => parseNewsList('cb((globalThis.hacked = 1))'), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-json');
    strictEqual((globalThis as { hacked?: unknown }).hacked, before);
  });

  it('input that is not a response is invalid-input; options are checked', () => {
    for (const input of [null, 5, true, undefined]) {
      throws(() => parseNewsList(input as never), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-input');
    }
    throws(() => parseNewsList('{}', { url: 'x' } as never), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-option');
  });
});

describe('parseNewsList: the TSDoc examples', () => {
  it('parseNewsList gives the values its comments promise', () => {
    const list = parseNewsList(
      '{"code":"1","data":{"fastNewsList":[{"code":"202606160000000001","title":"示例公司快速回调",' +
        '"summary":"示例公司盘中快速回调。","showTime":"2026-06-16 14:09:57","stockList":["1.600001"]}]}}',
    );
    deepStrictEqual(
      [list.format, list.items[0]?.title, list.items[0]?.date?.utc, list.items[0]?.articleId, list.items[0]?.entities[0]?.secid],
      ['fast-news', '示例公司快速回调', '2026-06-16T06:09:57.000Z', '202606160000000001', '1.600001'],
    );
    // NewsItem's example is this item.
    deepStrictEqual(list.items[0], {
      title: '示例公司快速回调',
      date: listDate('2026-06-16 14:09:57', '2026-06-16T06:09:57.000Z'),
      summary: '示例公司盘中快速回调。',
      source: null,
      url: null,
      articleId: '202606160000000001',
      entities: [SH_STOCK],
    });
    strictEqual(parseNewsList('{"data":{"fastNewsList":[]}}').format, 'fast-news');
  });
});
