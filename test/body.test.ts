/**
 * parseBody on each piece of eastmoney markup docs/format.md describes, with the
 * full expected value of every field a case is about. The HTML is invented
 * in the real markup.
 */

import { deepStrictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBody, type Body, type Entity } from 'emnews';
import { invariantProblems } from './invariants.ts';

const QUOTE = 'http://quote.eastmoney.com/unify/r/';
const stockLink = (secid: string, label: string): string => {
  const [market, code] = secid.split('.');
  return `<span id="stock_${secid}"><a href="${QUOTE}${secid}" class="keytip" data-code="${market},${code}">${label}</a></span><span id="quote_${secid}"></span>`;
};
const boardLink = (code: string, label: string): string =>
  `<span id="bk_90.${code}"><a href="${QUOTE}90.${code}" class="keytip" data-code="90,${code}">${label}</a></span><span id="bkquote_90.${code}"></span>`;
const repeated = (secid: string, label: string): string =>
  `<span web="1" href="${QUOTE}${secid}" class="em_stock_key_common" data-code="${secid.replace('.', ',')}">${label}</span>`;

interface Case {
  name: string;
  html: string;
  expected: Partial<Body>;
}

const cases: Case[] = [
  {
    name: 'a stock link landing mid-word: the label is exactly the linked characters',
    html: `<p>信息技术创${stockLink('0.300832', '新产业')}发展</p>`,
    expected: {
      paragraphs: [{ kind: 'paragraph', text: '信息技术创新产业发展', mentions: [{ entityIndex: 0, start: 5, end: 8 }] }],
      entities: [
        {
          kind: 'stock',
          market: 0,
          marketType: 'shenzhen-beijing',
          exchange: 'SZ',
          code: '300832',
          secid: '0.300832',
          label: '新产业',
          url: 'https://quote.eastmoney.com/unify/r/0.300832',
          mentionCount: 1,
        },
      ],
    },
  },
  {
    name: 'a board link and its repeated, unlinked mention make one entity',
    html: `<p>发展${boardLink('BK1061', '数字经济')}。</p><p>打造${repeated('90.BK1061', '数字经济')}园区</p>`,
    expected: {
      paragraphs: [
        { kind: 'paragraph', text: '发展数字经济。', mentions: [{ entityIndex: 0, start: 2, end: 6 }] },
        { kind: 'paragraph', text: '打造数字经济园区', mentions: [{ entityIndex: 0, start: 2, end: 6 }] },
      ],
      entities: [
        {
          kind: 'board',
          market: 90,
          marketType: 'board',
          exchange: null,
          code: 'BK1061',
          secid: '90.BK1061',
          label: '数字经济',
          url: 'https://quote.eastmoney.com/unify/r/90.BK1061',
          mentionCount: 2,
        },
      ],
    },
  },
  {
    name: 'Hong Kong, US, Beijing and unknown markets',
    html:
      `<p><span id="Info.116.00700"><a href="${QUOTE}116.00700" class="keytip" data-code="116,00700">港股甲</a></span>、` +
      `${stockLink('106.NIO', '美股乙')}、${stockLink('0.830799', '北交所丙')}、${stockLink('999.XYZ1', '未知丁')}</p>`,
    expected: {
      paragraphs: [
        {
          kind: 'paragraph',
          text: '港股甲、美股乙、北交所丙、未知丁',
          mentions: [
            { entityIndex: 0, start: 0, end: 3 },
            { entityIndex: 1, start: 4, end: 7 },
            { entityIndex: 2, start: 8, end: 12 },
            { entityIndex: 3, start: 13, end: 16 },
          ],
        },
      ],
      entities: [
        {
          kind: 'stock',
          market: 116,
          marketType: 'hong-kong',
          exchange: 'HK',
          code: '00700',
          secid: '116.00700',
          label: '港股甲',
          url: 'https://quote.eastmoney.com/unify/r/116.00700',
          mentionCount: 1,
        },
        {
          kind: 'stock',
          market: 106,
          marketType: 'us',
          exchange: 'US',
          code: 'NIO',
          secid: '106.NIO',
          label: '美股乙',
          url: 'https://quote.eastmoney.com/unify/r/106.NIO',
          mentionCount: 1,
        },
        {
          kind: 'stock',
          market: 0,
          marketType: 'shenzhen-beijing',
          exchange: 'BJ',
          code: '830799',
          secid: '0.830799',
          label: '北交所丙',
          url: 'https://quote.eastmoney.com/unify/r/0.830799',
          mentionCount: 1,
        },
        {
          kind: 'stock',
          market: 999,
          marketType: 'unknown',
          exchange: null,
          code: 'XYZ1',
          secid: '999.XYZ1',
          label: '未知丁',
          url: 'https://quote.eastmoney.com/unify/r/999.XYZ1',
          mentionCount: 1,
        },
      ],
    },
  },
  {
    name: 'older markup: the market comes from the element id, else from the href',
    html:
      `<p><span id="stock_0.002353"><a href="${QUOTE}0.002353" class="keytip" data-code="002353">旧甲</a></span>和` +
      `<a href="${QUOTE}1.600001" class="keytip" data-code="600001">旧乙</a></p>`,
    expected: {
      entities: [
        {
          kind: 'stock',
          market: 0,
          marketType: 'shenzhen-beijing',
          exchange: 'SZ',
          code: '002353',
          secid: '0.002353',
          label: '旧甲',
          url: 'https://quote.eastmoney.com/unify/r/0.002353',
          mentionCount: 1,
        },
        {
          kind: 'stock',
          market: 1,
          marketType: 'shanghai',
          exchange: 'SH',
          code: '600001',
          secid: '1.600001',
          label: '旧乙',
          url: 'https://quote.eastmoney.com/unify/r/1.600001',
          mentionCount: 1,
        },
      ],
    },
  },
  {
    name: 'older markup without any market: an unresolved entity, never a guessed market, and one warning',
    html: '<p>据<a class="keytip" data-code="002353">旧丙</a>公告，<a class="keytip" data-code="002353">旧丙</a>称</p>',
    expected: {
      paragraphs: [
        {
          kind: 'paragraph',
          text: '据旧丙公告，旧丙称',
          mentions: [
            { entityIndex: 0, start: 1, end: 3 },
            { entityIndex: 0, start: 6, end: 8 },
          ],
        },
      ],
      entities: [
        {
          kind: 'unresolved',
          market: null,
          marketType: null,
          exchange: null,
          code: '002353',
          secid: null,
          label: '旧丙',
          url: null,
          mentionCount: 2,
        },
      ],
      warnings: [
        { code: 'unknown-market', message: 'the market of the security "002353" is not in the markup; its secid is null', line: 1, column: 5 },
      ],
    },
  },
  {
    name: 'data keywords: the code from Info.<n>; an index link names its market',
    html:
      '<p><span id="Info.3323"><a href="http://data.eastmoney.com/bbsj/" class="infokey">营业收入</a></span>与' +
      '<span id="Info.3259"><a href="http://quote.eastmoney.com/unify/r/0.399006" class="infokey">创业板指</a></span></p>',
    expected: {
      paragraphs: [
        {
          kind: 'paragraph',
          text: '营业收入与创业板指',
          mentions: [
            { entityIndex: 0, start: 0, end: 4 },
            { entityIndex: 1, start: 5, end: 9 },
          ],
        },
      ],
      entities: [
        {
          kind: 'keyword',
          market: null,
          marketType: null,
          exchange: null,
          code: '3323',
          secid: null,
          label: '营业收入',
          url: 'http://data.eastmoney.com/bbsj/',
          mentionCount: 1,
        },
        {
          kind: 'keyword',
          market: 0,
          marketType: 'shenzhen-beijing',
          exchange: null,
          code: '3259',
          secid: '0.399006',
          label: '创业板指',
          url: 'http://quote.eastmoney.com/unify/r/0.399006',
          mentionCount: 1,
        },
      ],
    },
  },
  {
    name: 'glossary links to baike are terms, not securities',
    html: '<p>关注<a href="http://baike.eastmoney.com/item/%E5%B8%82%E7%9B%88%E7%8E%87" class="em_stock_key_common">市盈率</a>变化</p>',
    expected: {
      paragraphs: [{ kind: 'paragraph', text: '关注市盈率变化', mentions: [{ entityIndex: 0, start: 2, end: 5 }] }],
      entities: [
        {
          kind: 'glossary',
          market: null,
          marketType: null,
          exchange: null,
          code: '市盈率',
          secid: null,
          label: '市盈率',
          url: 'http://baike.eastmoney.com/item/%E5%B8%82%E7%9B%88%E7%8E%87',
          mentionCount: 1,
        },
      ],
      links: [],
    },
  },
  {
    name: 'K-line chart blocks (with and without the anchor) give entities, no text, no images',
    html:
      '<!-- EM_StockImg_Start --><p style="text-align:center;"><a href="http://quote.eastmoney.com/unify/r/106.NIO" data-code="NIO|106|7" class="EmImageRemark" target="_blank">' +
      '<img src="https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=106.NIO&imageType=k&token=x" border="0" alt="K图 NIO_0" data-code="K NIO|106|7" /></a></p><!-- EM_StockImg_End -->' +
      '<!-- EM_StockImg_Start --><p style="text-align:center;"><img src="https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=0.000625&imageType=k" alt="K图 000625_0" data-code="K 000625|0|2" /></p>',
    expected: {
      paragraphs: [],
      images: [],
      entities: [
        {
          kind: 'stock',
          market: 106,
          marketType: 'us',
          exchange: 'US',
          code: 'NIO',
          secid: '106.NIO',
          label: '',
          url: 'https://quote.eastmoney.com/unify/r/106.NIO',
          mentionCount: 0,
        },
        {
          kind: 'stock',
          market: 0,
          marketType: 'shenzhen-beijing',
          exchange: 'SZ',
          code: '000625',
          secid: '0.000625',
          label: '',
          url: 'https://quote.eastmoney.com/unify/r/0.000625',
          mentionCount: 0,
        },
      ],
    },
  },
  {
    name: 'hidden paragraphs, scripts, styles and comments are not text',
    html:
      '<p style="display:none;height:1px;overflow:hidden;"><br /></p><p style="display: none"> 隐藏 </p>' +
      '<script>var a = "脚本";</script><style>p { color: red }</style><!-- 注释 --><p>正文</p>',
    expected: { paragraphs: [{ kind: 'paragraph', text: '正文', mentions: [] }] },
  },
  {
    name: 'images with captions: centered source lines and notes after an image',
    html:
      '<center><img src="https://dfscdn.dfcfw.com/download/A_w800h555.jpg" alt="Image" width="552" orginial_src="https://dfscdn.dfcfw.com/download/A_o.jpg" /></center>' +
      '<p style="text-align:center;">图片来源：示例官网</p><p>正文一</p>' +
      '<center><img src="//dfscdn.dfcfw.com/download/B.jpg" /></center><p>注：数据截至5月底</p>' +
      '<p>正文二</p><center><img src="https://dfscdn.dfcfw.com/download/C.jpg" alt="图片" height="300" /></center><p>正文三</p>',
    expected: {
      paragraphs: [
        { kind: 'caption', text: '图片来源：示例官网', mentions: [] },
        { kind: 'paragraph', text: '正文一', mentions: [] },
        { kind: 'caption', text: '注：数据截至5月底', mentions: [] },
        { kind: 'paragraph', text: '正文二', mentions: [] },
        { kind: 'paragraph', text: '正文三', mentions: [] },
      ],
      images: [
        {
          src: 'https://dfscdn.dfcfw.com/download/A_w800h555.jpg',
          alt: 'Image',
          caption: '图片来源：示例官网',
          width: 552,
          height: null,
          originalSrc: 'https://dfscdn.dfcfw.com/download/A_o.jpg',
          position: 0,
        },
        {
          src: 'https://dfscdn.dfcfw.com/download/B.jpg',
          alt: null,
          caption: '注：数据截至5月底',
          width: null,
          height: null,
          originalSrc: null,
          position: 2,
        },
        {
          src: 'https://dfscdn.dfcfw.com/download/C.jpg',
          alt: '图片',
          caption: null,
          width: null,
          height: 300,
          originalSrc: null,
          position: 4,
        },
      ],
    },
  },
  {
    name: 'headings: <h3>, short all-bold paragraphs; bold sentences and inline bold stay paragraphs',
    html:
      '<h3 class="emh3">延伸阅读</h3><p><strong>一、行业概况</strong></p>' +
      '<p><strong>示例公司获悉，相关产品暂停发行。</strong></p><p>重点关注<strong>龙头公司</strong>。</p>',
    expected: {
      paragraphs: [
        { kind: 'heading', text: '延伸阅读', mentions: [] },
        { kind: 'heading', text: '一、行业概况', mentions: [] },
        { kind: 'paragraph', text: '示例公司获悉，相关产品暂停发行。', mentions: [] },
        { kind: 'paragraph', text: '重点关注龙头公司。', mentions: [] },
      ],
    },
  },
  {
    name: 'tables keep their rows, and mentions index into the joined text',
    html:
      '<table><tr><th>证券代码</th><th>名称</th></tr>' +
      `<tr><td> 000001 </td><td><a href="${QUOTE}0.000001" class="keytip" data-code="0,000001">示例银行</a></td></tr></table>`,
    expected: {
      paragraphs: [
        {
          kind: 'table',
          text: '证券代码\t名称\n000001\t示例银行',
          mentions: [{ entityIndex: 0, start: 15, end: 19 }],
          rows: [
            ['证券代码', '名称'],
            ['000001', '示例银行'],
          ],
        },
      ],
    },
  },
  {
    name: 'tables: <br> in a cell is a space, stray text joins the current cell, empty cells stay',
    html: '<table><tr><td>甲<br>乙</td><td></td></tr>散落<tr><td><p>丙</p><p>丁</p></td></tr></table><p>表后</p>',
    expected: {
      paragraphs: [
        {
          kind: 'table',
          text: '甲 乙\t散落\n丙 丁',
          mentions: [],
          rows: [
            ['甲 乙', '散落'],
            ['丙 丁'],
          ],
        },
        { kind: 'paragraph', text: '表后', mentions: [] },
      ],
    },
  },
  {
    name: 'text cleaning: entities, &nbsp;, ideographic indentation, <br>, whitespace runs',
    html: '<p>　　第一段&nbsp;&nbsp;内容&lt;示例&gt;  &amp; 更多<br />第二行 <br/> </p>\n<p>\n  第二\n  段\n</p>',
    expected: {
      paragraphs: [
        { kind: 'paragraph', text: '第一段 内容<示例> & 更多\n第二行', mentions: [] },
        { kind: 'paragraph', text: '第二 段', mentions: [] },
      ],
    },
  },
  {
    name: 'links inside the source line are stripped and make no entity',
    html: `<p>正文</p><p class="em_media">（文章来源：上海${boardLink('BK0473', '证券')}报）</p>`,
    expected: {
      paragraphs: [{ kind: 'paragraph', text: '正文', mentions: [] }],
      entities: [],
      source: { name: '上海证券报', text: '（文章来源：上海证券报）', from: 'body' },
    },
  },
  {
    name: 'promotions, ad images and the toplink anchor are dropped',
    html:
      '<p><a href="http://acttg.eastmoney.com/pub/web_app_1" class="toplink">开户有礼</a></p>' +
      '<p>在东方财富看资讯行情，选东方财富证券一站式开户交易>></p>' +
      '<p><img class="em_handle_adv_close" src="https://example.com/ad.png" /></p><p>正文</p>',
    expected: { paragraphs: [{ kind: 'paragraph', text: '正文', mentions: [] }], images: [], links: [] },
  },
  {
    name: 'links to other articles are listed and their text stays in the paragraph',
    html: '<p>（<a href="https://finance.eastmoney.com/a/202205230000000009.html">点击阅读报告全文</a >）</p>',
    expected: {
      paragraphs: [{ kind: 'paragraph', text: '（点击阅读报告全文）', mentions: [] }],
      links: [{ text: '点击阅读报告全文', href: 'https://finance.eastmoney.com/a/202205230000000009.html', kind: 'article' }],
    },
  },
  {
    name: 'an unreadable data-code is a warning and its text stays',
    html: '<p>甲\n<a class="keytip" data-code="0,">乙</a>丙</p>',
    expected: {
      paragraphs: [{ kind: 'paragraph', text: '甲 乙丙', mentions: [] }],
      entities: [],
      warnings: [{ code: 'invalid-data-code', message: 'cannot read the entity reference data-code="0,"', line: 2, column: 1 }],
    },
  },
  {
    name: 'plain text outside any element: blank lines separate paragraphs',
    html: '第一段文字。\n\n第二段\n文字。',
    expected: {
      paragraphs: [
        { kind: 'paragraph', text: '第一段文字。', mentions: [] },
        { kind: 'paragraph', text: '第二段 文字。', mentions: [] },
      ],
    },
  },
];

describe('parseBody: eastmoney markup', () => {
  for (const { name, html, expected } of cases) {
    it(name, () => {
      const body = parseBody(html);
      const actual: Partial<Body> = {};
      for (const key of Object.keys(expected) as (keyof Body)[]) Object.assign(actual, { [key]: body[key] });
      deepStrictEqual(actual, expected);
      deepStrictEqual(invariantProblems(body), []);
    });
  }
});

describe('parseBody: entity bookkeeping', () => {
  it('keeps one entity per (kind, market, code), in first-seen order, with the first label', () => {
    const body = parseBody(`<p>${stockLink('1.600519', '甲')}${stockLink('0.000001', '乙')}${repeated('1.600519', '甲公司')}</p>`);
    deepStrictEqual(
      body.entities.map((e: Entity) => [e.secid, e.label, e.mentionCount]),
      [
        ['1.600519', '甲', 2],
        ['0.000001', '乙', 1],
      ],
    );
    deepStrictEqual(body.paragraphs[0]?.mentions, [
      { entityIndex: 0, start: 0, end: 1 },
      { entityIndex: 1, start: 1, end: 2 },
      { entityIndex: 0, start: 2, end: 5 },
    ]);
  });
});
