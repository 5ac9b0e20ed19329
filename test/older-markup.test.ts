/**
 * Older and mobile stock markup (FORMAT.md, "Beyond the archive") in every
 * body reader: each form gives the market, code and secid the modern markup
 * would, or an unresolved entity with a warning where the markup does not
 * tell the market. The HTML is invented, in the real markup.
 */

import { deepStrictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle, parseBody, parsePost, type Body, type Entity, type Warning } from 'emnews';
import { invariantProblems } from './invariants.ts';

const QUOTE = 'http://quote.eastmoney.com/';
const keytip = (href: string, label: string): string => `<a class="keytip" href="${href}" target="_blank">${label}</a>`;
const span = (id: string, inner: string): string => `<span id="${id}">${inner}</span><span id="quote_${id.slice(6)}"></span>`;

function stock(market: number, code: string, label: string, extra: Partial<Entity> = {}): Entity {
  const marketType = market === 0 ? 'shenzhen-beijing' : market === 1 ? 'shanghai' : market === 116 ? 'hong-kong' : 'us';
  const exchange = market === 0 ? (code.startsWith('83') ? 'BJ' : 'SZ') : market === 1 ? 'SH' : market === 116 ? 'HK' : 'US';
  return {
    kind: 'stock', market, marketType, exchange, code, secid: `${market}.${code}`, label,
    url: `https://quote.eastmoney.com/unify/r/${market}.${code}`, mentionCount: 1, ...extra,
  } as Entity;
}

function unresolved(code: string, label: string, url: string | null): Entity {
  return { kind: 'unresolved', market: null, marketType: null, exchange: null, code, secid: null, label, url, mentionCount: 1 };
}

const unknownMarket = (code: string, column: number, line = 1): Warning => ({
  code: 'unknown-market',
  message: `the market of the security "${code}" is not in the markup; its secid is null`,
  line,
  column,
});

interface Case {
  name: string;
  /** The linked text; the paragraph is `甲<html>乙`, so the mention is at 1..1+label length. */
  html: string;
  label: string;
  entity: Entity | null;
  /** An `unknown-market` warning for this code, at the first tag of the reference (`<a` or `<span`). */
  unknown?: { code: string; at: '<a' | '<span' };
}

const cases: Case[] = [
  {
    name: 'stock_<code>1 is Shanghai (market 1), with the older sh link',
    html: span('stock_6007171', keytip(`${QUOTE}sh600717.html`, '示例港务')),
    label: '示例港务',
    entity: stock(1, '600717', '示例港务'),
  },
  {
    name: 'stock_<code>2 is Shenzhen (market 0), a keytip without href',
    html: span('stock_0000012', '<a class="keytip">示例银行</a>'),
    label: '示例银行',
    entity: stock(0, '000001', '示例银行'),
  },
  {
    name: 'stock_<code>5 is Hong Kong (116), with the mobile quota link',
    html: span('stock_013855', keytip('https://wap.eastmoney.com/quota/stock/index/013855', '示例复旦')),
    label: '示例复旦',
    entity: stock(116, '01385', '示例复旦'),
  },
  {
    name: 'stock_NASDAQ_<ticker>7 is NASDAQ (105)',
    html: span('stock_NASDAQ_EXMP7', keytip(`${QUOTE}us/EXMP.html?Market=NASDAQ`, '示例苹果')),
    label: '示例苹果',
    entity: stock(105, 'EXMP', '示例苹果'),
  },
  {
    name: 'stock_NYSE_<ticker>7 with no <a> inside: the span itself is the mention (106)',
    html: span('stock_NYSE_EXWM7', '示例零售'),
    label: '示例零售',
    entity: stock(106, 'EXWM', '示例零售'),
  },
  {
    name: 'stock_AMEX_<ticker>7 is AMEX (107)',
    html: span('stock_AMEX_EXAM7', '示例能源'),
    label: '示例能源',
    entity: stock(107, 'EXAM', '示例能源'),
  },
  {
    name: 'stock_<ticker>7 says US but not the exchange: the link\'s Market= tells it',
    html: span('stock_EXGS7', keytip(`${QUOTE}us/EXGS.html?Market=NYSE`, '示例投行')),
    label: '示例投行',
    entity: stock(106, 'EXGS', '示例投行'),
  },
  {
    name: 'stock_<ticker>7 and a US link without Market=: unresolved, never guessed',
    html: span('stock_EXGS7', keytip(`${QUOTE}us/EXGS.html`, '示例投行')),
    label: '示例投行',
    entity: unresolved('EXGS', '示例投行', `${QUOTE}us/EXGS.html`),
    unknown: { code: 'EXGS', at: '<a' },
  },
  {
    name: 'a keytip link without an id around it: /sz<code>.html is Shenzhen',
    html: keytip(`${QUOTE}sz000002.html`, '示例地产'),
    label: '示例地产',
    entity: stock(0, '000002', '示例地产'),
  },
  {
    name: '/hk/<code>.html is Hong Kong',
    html: keytip(`${QUOTE}hk/00700.html`, '示例控股'),
    label: '示例控股',
    entity: stock(116, '00700', '示例控股'),
  },
  {
    name: '/bj<code>.html is the Beijing exchange on market 0',
    html: keytip(`${QUOTE}bj830799.html`, '示例北交'),
    label: '示例北交',
    entity: stock(0, '830799', '示例北交'),
  },
  {
    name: 'an index link /ZS<code>.html alone does not tell the market: unresolved',
    html: keytip(`${QUOTE}ZS395022.html`, '示例债指'),
    label: '示例债指',
    entity: unresolved('395022', '示例债指', `${QUOTE}ZS395022.html`),
    unknown: { code: '395022', at: '<a' },
  },
  {
    name: 'the index link inside stock_<code>2: the id tells Shenzhen',
    html: span('stock_3950222', keytip(`${QUOTE}ZS395022.html`, '示例债指')),
    label: '示例债指',
    entity: stock(0, '395022', '示例债指'),
  },
  {
    name: 'a fund page link alone does not tell where (or whether) the fund is listed: unresolved',
    html: keytip('http://fund.eastmoney.com/501300.html', '示例基金'),
    label: '示例基金',
    entity: unresolved('501300', '示例基金', 'http://fund.eastmoney.com/501300.html'),
    unknown: { code: '501300', at: '<a' },
  },
  {
    name: 'the fund link inside stock_<code>1: a fund listed in Shanghai',
    html: span('stock_5013001', keytip('http://fund.eastmoney.com/501300.html', '示例基金')),
    label: '示例基金',
    entity: stock(1, '501300', '示例基金'),
  },
  {
    name: 'a trailing digit FORMAT.md does not list: unresolved',
    html: span('stock_6007179', '示例其他'),
    label: '示例其他',
    entity: unresolved('600717', '示例其他', null),
    unknown: { code: '600717', at: '<span' },
  },
  {
    name: 'an Info.<n> span with no <a> inside is a data keyword without a link',
    html: '<span id="Info.385">示例投资</span>',
    label: '示例投资',
    entity: { kind: 'keyword', market: null, marketType: null, exchange: null, code: '385', secid: null, label: '示例投资', url: null, mentionCount: 1 },
  },
  {
    name: 'a modern stock_<market>.<code> span with no <a> inside',
    html: span('stock_0.000816', '示例农业'),
    label: '示例农业',
    entity: stock(0, '000816', '示例农业'),
  },
  {
    name: 'an older data-code without a market takes it from the older id',
    html: span('stock_0023532', '<a class="keytip" data-code="002353">示例油服</a>'),
    label: '示例油服',
    entity: stock(0, '002353', '示例油服'),
  },
];

function checked(body: Body): Body {
  deepStrictEqual(invariantProblems(body), []);
  return body;
}

describe('older and mobile markup', () => {
  for (const { name, html, label, entity, unknown } of cases) {
    it(name, () => {
      const p = `<p>甲${html}乙</p>`;
      const body = checked(parseBody(p));
      const warnings = unknown === undefined ? [] : [unknownMarket(unknown.code, p.indexOf(unknown.at, 4) + 1)];
      deepStrictEqual(body.paragraphs, [
        { kind: 'paragraph', text: `甲${label}乙`, mentions: entity === null ? [] : [{ entityIndex: 0, start: 1, end: 1 + label.length }] },
      ]);
      deepStrictEqual(body.entities, entity === null ? [] : [entity]);
      deepStrictEqual(body.warnings, warnings);
    });
  }

  it('a context span with a link inside is not a second mention', () => {
    const body = checked(parseBody(`<p>${span('stock_6007171', keytip(`${QUOTE}sh600717.html`, '示例港务'))}</p>`));
    deepStrictEqual(body.paragraphs[0]?.mentions, [{ entityIndex: 0, start: 0, end: 4 }]);
    deepStrictEqual(body.entities.map((e) => [e.secid, e.mentionCount]), [['1.600717', 1]]);
  });

  it('an empty context span, and one whose text crosses a block, mention nothing', () => {
    const body = checked(parseBody('<p>甲<span id="stock_6007171"></span>乙</p><div><span id="stock_6007171">丙<p>丁</p></span></div>'));
    deepStrictEqual(body.paragraphs.map((p) => [p.text, p.mentions]), [['甲乙', []], ['丙', []], ['丁', []]]);
    deepStrictEqual(body.entities, []);
  });

  it('a keytip link whose markup names no security is still a warning, its text kept', () => {
    const body = checked(parseBody(`<p>甲${keytip('http://example.com/x.html', '乙')}</p>`));
    deepStrictEqual(body.paragraphs, [{ kind: 'paragraph', text: '甲乙', mentions: [] }]);
    deepStrictEqual(body.warnings.map((w) => w.code), ['invalid-data-code']);
  });

  it('the same rules in parsePost and parseArticle, with warning positions in their input', () => {
    const html = `<p>甲${span('stock_EXGS7', keytip(`${QUOTE}us/EXGS.html`, '示例投行'))}</p>`;
    const column = html.indexOf('<a') + 1;
    const post = parsePost(`---\ntitle: 示例\ndate: 2017-05-08 10:00:00\n---\n${html}\n\n<http://finance.eastmoney.com/a/201705080000000001.html>\n`);
    deepStrictEqual(post.entities, [unresolved('EXGS', '示例投行', `${QUOTE}us/EXGS.html`)]);
    deepStrictEqual(post.warnings, [unknownMarket('EXGS', column, 5)]);
    const page = parseArticle(`<html><body>\n<h1>示例</h1>\n<div id="ContentBody">\n${html}</div></body></html>`, {
      url: 'http://finance.eastmoney.com/a/201705080000000001.html',
    });
    deepStrictEqual(page.entities, post.entities);
    deepStrictEqual(page.warnings.filter((w) => w.code === 'unknown-market'), [unknownMarket('EXGS', column, 4)]);
  });
});
