/**
 * One post of each generation of the archive's generator (docs/format.md), with
 * the whole expected result inline. The posts are invented.
 */

import { deepStrictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePost, type Post } from 'emnews';

const lines = (...parts: string[]): string => parts.join('\n');

const cases: { name: string; input: string; fileName?: string; baseUrl?: string; expected: Post }[] = [
  {
    name: '1. digest only, early: no offset, plain paragraph, relative navigation on two lines (resolved by baseUrl)',
    baseUrl: 'https://finews.withounder.com/2021/12/08/',
    input: lines(
      '---',
      'layout: post',
      'title: "离岸示例指数升至年内高位"',
      'date: 2021-12-08 10:46:18',
      'categories: emnews',
      'tags: 东财滚动新闻',
      '---',
      '',
      '示例指数8日升至6.3512，为年内最高水平。',
      '',
      '<http://finance.eastmoney.com/news/11060,202112080000000011.html>',
      '',
      '[返回东财滚动新闻](../emnews/)',
      '[返回首页](../)',
    ),
    expected: {
      frontMatter: {
        layout: 'post',
        title: '离岸示例指数升至年内高位',
        date: '2021-12-08 10:46:18',
        categories: 'emnews',
        tags: '东财滚动新闻',
      },
      title: '离岸示例指数升至年内高位',
      originalTitle: null,
      date: {
        iso: '2021-12-08T10:46:18+08:00',
        utc: '2021-12-08T02:46:18.000Z',
        epochMs: Date.UTC(2021, 11, 8, 2, 46, 18),
        offset: '+08:00',
        assumed: true,
        raw: '2021-12-08 10:46:18',
        from: 'front-matter',
      },
      categories: ['emnews'],
      tags: ['东财滚动新闻'],
      summary: '示例指数8日升至6.3512，为年内最高水平。',
      paragraphs: [{ kind: 'paragraph', text: '示例指数8日升至6.3512，为年内最高水平。', mentions: [] }],
      entities: [],
      source: null,
      editor: null,
      url: {
        href: 'http://finance.eastmoney.com/news/11060,202112080000000011.html',
        host: 'finance.eastmoney.com',
        articleId: '202112080000000011',
        column: '11060',
        infoCode: null,
      },
      articleId: '202112080000000011',
      infoCode: null,
      images: [],
      links: [
        { text: '返回东财滚动新闻', href: 'https://finews.withounder.com/2021/12/emnews/', kind: 'navigation' },
        { text: '返回首页', href: 'https://finews.withounder.com/2021/12/', kind: 'navigation' },
      ],
      warnings: [],
    },
  },
  {
    name: '2. digest only, later: +0800, one navigation line, outlet in trailing brackets',
    input: lines(
      '---',
      'layout: post',
      'title: "示例省出台措施"',
      'date: 2021-12-08 12:58:23 +0800',
      'categories: emnews',
      'tags: 东财滚动新闻',
      '---',
      '',
      '示例省8日表示，将扩大对小微企业的首贷规模。（示例日报）',
      '',
      '<http://stock.eastmoney.com/news/1405,202112080000000012.html>',
      '',
      '[返回东财滚动新闻](//finews.withounder.com/emnews/)｜[返回首页](//finews.withounder.com/)',
    ),
    expected: {
      frontMatter: {
        layout: 'post',
        title: '示例省出台措施',
        date: '2021-12-08 12:58:23 +0800',
        categories: 'emnews',
        tags: '东财滚动新闻',
      },
      title: '示例省出台措施',
      originalTitle: null,
      date: {
        iso: '2021-12-08T12:58:23+08:00',
        utc: '2021-12-08T04:58:23.000Z',
        epochMs: Date.UTC(2021, 11, 8, 4, 58, 23),
        offset: '+08:00',
        assumed: false,
        raw: '2021-12-08 12:58:23 +0800',
        from: 'front-matter',
      },
      categories: ['emnews'],
      tags: ['东财滚动新闻'],
      summary: '示例省8日表示，将扩大对小微企业的首贷规模。（示例日报）',
      paragraphs: [{ kind: 'paragraph', text: '示例省8日表示，将扩大对小微企业的首贷规模。（示例日报）', mentions: [] }],
      entities: [],
      source: { name: '示例日报', text: '（示例日报）', from: 'digest' },
      editor: null,
      url: {
        href: 'http://stock.eastmoney.com/news/1405,202112080000000012.html',
        host: 'stock.eastmoney.com',
        articleId: '202112080000000012',
        column: '1405',
        infoCode: null,
      },
      articleId: '202112080000000012',
      infoCode: null,
      images: [],
      links: [
        { text: '返回东财滚动新闻', href: 'https://finews.withounder.com/emnews/', kind: 'navigation' },
        { text: '返回首页', href: 'https://finews.withounder.com/', kind: 'navigation' },
      ],
      warnings: [],
    },
  },
  {
    name: '3. rolling news with body: digest line, eastmoney markup, em_media source',
    input: lines(
      '---',
      'layout: post',
      'title: "示例银行一季度营收增长"',
      'date: 2022-05-23 17:03:48 +0800',
      'categories: emnews',
      'tags: 东财滚动新闻',
      '---',
      '> 示例银行一季度营收增长。（示例证券报）',
      '',
      '<p>　　<span id="stock_1.600000"><a href="http://quote.eastmoney.com/unify/r/1.600000" class="keytip" data-code="1,600000">示例银行</a></span><span id="quote_1.600000"></span>一季度<span id="Info.3323"><a href="http://data.eastmoney.com/bbsj/" class="infokey">营业收入</a></span>增长。</p><p><strong>一、业务</strong></p>' +
        '<p><span web="1" href="http://quote.eastmoney.com/unify/r/1.600000" class="em_stock_key_common" data-code="1,600000">示例银行</span>布局<span id="bk_90.BK0800"><a href="http://quote.eastmoney.com/unify/r/90.BK0800" class="keytip" data-code="90,BK0800">人工智能</a></span><span id="bkquote_90.BK0800"></span>。</p><p class="em_media">（文章来源：示例证券报）</p>',
      '',
      '<http://finance.eastmoney.com/news/1355,202205230000000013.html>',
      '',
      '[返回东财滚动新闻](//finews.withounder.com/emnews/)｜[返回首页](//finews.withounder.com/)',
    ),
    expected: {
      frontMatter: {
        layout: 'post',
        title: '示例银行一季度营收增长',
        date: '2022-05-23 17:03:48 +0800',
        categories: 'emnews',
        tags: '东财滚动新闻',
      },
      title: '示例银行一季度营收增长',
      originalTitle: null,
      date: {
        iso: '2022-05-23T17:03:48+08:00',
        utc: '2022-05-23T09:03:48.000Z',
        epochMs: Date.UTC(2022, 4, 23, 9, 3, 48),
        offset: '+08:00',
        assumed: false,
        raw: '2022-05-23 17:03:48 +0800',
        from: 'front-matter',
      },
      categories: ['emnews'],
      tags: ['东财滚动新闻'],
      summary: '示例银行一季度营收增长。（示例证券报）',
      paragraphs: [
        {
          kind: 'paragraph',
          text: '示例银行一季度营业收入增长。',
          mentions: [
            { entityIndex: 0, start: 0, end: 4 },
            { entityIndex: 1, start: 7, end: 11 },
          ],
        },
        { kind: 'heading', text: '一、业务', mentions: [] },
        {
          kind: 'paragraph',
          text: '示例银行布局人工智能。',
          mentions: [
            { entityIndex: 0, start: 0, end: 4 },
            { entityIndex: 2, start: 6, end: 10 },
          ],
        },
      ],
      entities: [
        {
          kind: 'stock',
          market: 1,
          marketType: 'shanghai',
          exchange: 'SH',
          code: '600000',
          secid: '1.600000',
          label: '示例银行',
          url: 'https://quote.eastmoney.com/unify/r/1.600000',
          mentionCount: 2,
        },
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
          kind: 'board',
          market: 90,
          marketType: 'board',
          exchange: null,
          code: 'BK0800',
          secid: '90.BK0800',
          label: '人工智能',
          url: 'https://quote.eastmoney.com/unify/r/90.BK0800',
          mentionCount: 1,
        },
      ],
      source: { name: '示例证券报', text: '（文章来源：示例证券报）', from: 'body' },
      editor: null,
      url: {
        href: 'http://finance.eastmoney.com/news/1355,202205230000000013.html',
        host: 'finance.eastmoney.com',
        articleId: '202205230000000013',
        column: '1355',
        infoCode: null,
      },
      articleId: '202205230000000013',
      infoCode: null,
      images: [],
      links: [
        { text: '返回东财滚动新闻', href: 'https://finews.withounder.com/emnews/', kind: 'navigation' },
        { text: '返回首页', href: 'https://finews.withounder.com/', kind: 'navigation' },
      ],
      warnings: [],
    },
  },
  {
    name: '4. other media (NW): no digest, CRLF between blocks, infoCode URL, outlet category',
    fileName: '2022-05-23-NW202205230000000013.md',
    input:
      '---\nlayout: post\ntitle: "示例银行一季度营收增长"\ndate: 2022-05-23 17:03:48 +0800\ncategories: shilizhengquanbao\ntags: 示例证券报新闻\n---\n' +
      '<p>示例银行一季度营业收入增长。</p>\r\n <p>示例银行布局人工智能。</p><p class="em_media">（文章来源：示例证券报）</p>\n\n' +
      '<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202205230000000013>\n\n' +
      '[返回示例证券报新闻](//finews.withounder.com/category/shilizhengquanbao.html)｜[返回首页](//finews.withounder.com/)\n',
    expected: {
      frontMatter: {
        layout: 'post',
        title: '示例银行一季度营收增长',
        date: '2022-05-23 17:03:48 +0800',
        categories: 'shilizhengquanbao',
        tags: '示例证券报新闻',
      },
      title: '示例银行一季度营收增长',
      originalTitle: null,
      date: {
        iso: '2022-05-23T17:03:48+08:00',
        utc: '2022-05-23T09:03:48.000Z',
        epochMs: Date.UTC(2022, 4, 23, 9, 3, 48),
        offset: '+08:00',
        assumed: false,
        raw: '2022-05-23 17:03:48 +0800',
        from: 'front-matter',
      },
      categories: ['shilizhengquanbao'],
      tags: ['示例证券报新闻'],
      summary: null,
      paragraphs: [
        { kind: 'paragraph', text: '示例银行一季度营业收入增长。', mentions: [] },
        { kind: 'paragraph', text: '示例银行布局人工智能。', mentions: [] },
      ],
      entities: [],
      source: { name: '示例证券报', text: '（文章来源：示例证券报）', from: 'body' },
      editor: null,
      url: {
        href: 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202205230000000013',
        host: 'finews.zning.xyz',
        articleId: '202205230000000013',
        column: null,
        infoCode: 'NW202205230000000013',
      },
      articleId: '202205230000000013',
      infoCode: 'NW202205230000000013',
      images: [],
      links: [
        { text: '返回示例证券报新闻', href: 'https://finews.withounder.com/category/shilizhengquanbao.html', kind: 'navigation' },
        { text: '返回首页', href: 'https://finews.withounder.com/', kind: 'navigation' },
      ],
      warnings: [],
    },
  },
];

describe('the generations of the archive', () => {
  for (const { name, input, fileName, baseUrl, expected } of cases) {
    it(name, () => {
      const options = { ...(fileName === undefined ? {} : { fileName }), ...(baseUrl === undefined ? {} : { baseUrl }) };
      deepStrictEqual(parsePost(input, options), expected);
    });
  }
});
