/**
 * parseArticle on invented pages in eastmoney's page layouts
 * (test/fixtures/pages/): the full expected Post of each, then the
 * fallbacks (title, date, address) and the errors, one at a time.
 */

import { deepStrictEqual, strictEqual, throws } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseArticle, PostParseError, type Entity, type Mention, type Post, type PostDate } from 'emnews';
import { invariantProblems } from './invariants.ts';

const page = (name: string): string => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

/** The mention of `label` in `text` (its first occurrence). */
function mention(text: string, label: string, entityIndex: number): Mention {
  const start = text.indexOf(label);
  if (start === -1) throw new Error(`${label} is not in ${text}`);
  return { entityIndex, start, end: start + label.length };
}

function pageDate(raw: string, iso: string, utc: string): PostDate {
  return { iso, utc, epochMs: Date.parse(utc), offset: '+08:00', assumed: true, raw, from: 'page' };
}

function stock(market: number, code: string, label: string): Entity {
  const [marketType, exchange] =
    market === 1 ? (['shanghai', 'SH'] as const) : market === 116 ? (['hong-kong', 'HK'] as const) : market === 105 ? (['us', 'US'] as const) : (['shenzhen-beijing', 'SZ'] as const);
  return { kind: 'stock', market, marketType, exchange, code, secid: `${market}.${code}`, label, url: `https://quote.eastmoney.com/unify/r/${market}.${code}`, mentionCount: 1 };
}

function parsed(html: string, options: Parameters<typeof parseArticle>[1] = {}): Post {
  const post = parseArticle(html, options);
  deepStrictEqual(invariantProblems(post), []);
  return post;
}

const OLDER_P1 = '示例科技1月15日晚间披露年报。';
const OLDER_P2 = '公司表示，海外业务由示例美股公司代理，港股子公司示例港股贡献增量。';
const olderExpected: Post = {
  frontMatter: {},
  title: '示例科技发布年度报告 营收增长两成',
  originalTitle: null,
  date: pageDate('2023年01月15日 09:30', '2023-01-15T09:30:00+08:00', '2023-01-15T01:30:00.000Z'),
  categories: [],
  tags: [],
  summary: '示例科技今日发布年度报告，营业收入同比增长两成。',
  paragraphs: [
    { kind: 'paragraph', text: OLDER_P1, mentions: [mention(OLDER_P1, '示例科技', 0)] },
    { kind: 'paragraph', text: OLDER_P2, mentions: [mention(OLDER_P2, '示例美股公司', 1), mention(OLDER_P2, '示例港股', 2)] },
  ],
  entities: [stock(1, '688001', '示例科技'), stock(105, 'EXMP', '示例美股公司'), stock(116, '01234', '示例港股')],
  source: { name: '示例证券报', text: '（文章来源：示例证券报）', from: 'body' },
  editor: '示例编辑',
  url: {
    href: 'http://finance.eastmoney.com/news/1354,202301150000000101.html',
    host: 'finance.eastmoney.com',
    articleId: '202301150000000101',
    column: '1354',
    infoCode: null,
  },
  articleId: '202301150000000101',
  infoCode: null,
  images: [],
  links: [],
  warnings: [],
};

describe('parseArticle: page layouts', () => {
  it('the older template: .newsContent > h1, .Info, #ContentBody.Body; ads, share prompt, editor line and related list are not paragraphs', () => {
    deepStrictEqual(parsed(page('older-template.html')), olderExpected);
  });

  it('without #ContentBody, .newsContent is the container: its heading and info line are not paragraphs', () => {
    const html = page('older-template.html').replace('<div id="ContentBody" class="Body">', '<div class="text">');
    deepStrictEqual(parsed(html), olderExpected);
  });

  it('the newer template: .mainleft > .title, .infos .item, .sublab, #ContentBody.txtinfos; an AI notice is not a paragraph', () => {
    const p1 = '示例银行宣布，自8月20日起上调存款利率。';
    const p2 = '分析人士认为，银行板块有望受益。';
    deepStrictEqual(parsed(page('newer-template.html')), {
      frontMatter: {},
      title: '示例银行上调存款利率',
      originalTitle: '示例银行宣布上调部分存款产品利率',
      date: pageDate('2024-08-19 17:46:05', '2024-08-19T17:46:05+08:00', '2024-08-19T09:46:05.000Z'),
      categories: [],
      tags: [],
      summary: null,
      paragraphs: [
        { kind: 'paragraph', text: p1, mentions: [mention(p1, '存款利率', 0)] },
        { kind: 'paragraph', text: p2, mentions: [mention(p2, '银行', 1)] },
        { kind: 'caption', text: '图片来源：示例银行官网', mentions: [] },
      ],
      entities: [
        { kind: 'keyword', market: null, marketType: null, exchange: null, code: '3323', secid: null, label: '存款利率', url: 'http://data.eastmoney.com/cjsj/yhll.html', mentionCount: 1 },
        { kind: 'board', market: 90, marketType: 'board', exchange: null, code: 'BK0475', secid: '90.BK0475', label: '银行', url: 'https://quote.eastmoney.com/unify/r/90.BK0475', mentionCount: 1 },
      ],
      source: { name: '示例财经', text: '来源：示例财经', from: 'page' },
      editor: '示例',
      url: {
        href: 'https://finance.eastmoney.com/a/202408190000000201.html',
        host: 'finance.eastmoney.com',
        articleId: '202408190000000201',
        column: null,
        infoCode: null,
      },
      articleId: '202408190000000201',
      infoCode: null,
      images: [
        { src: 'https://dfscdn.dfcfw.com/download/D1.jpg', alt: '图片', caption: '图片来源：示例银行官网', width: 552, height: null, originalSrc: null, position: 2 },
      ],
      links: [],
      warnings: [],
    });
  });

  it('the mobile layout: .atitle, article#zwtext, data-source; the address from options.url', () => {
    const p1 = '示例港口上月吞吐量创历史新高，示例港股份表示将继续扩建。';
    deepStrictEqual(parsed(page('mobile.html'), { url: 'https://wap.eastmoney.com/a/202203050000000301.html' }), {
      frontMatter: {},
      title: '示例港口吞吐量创新高',
      originalTitle: null,
      date: pageDate('2022年3月5日 8:05', '2022-03-05T08:05:00+08:00', '2022-03-05T00:05:00.000Z'),
      categories: [],
      tags: [],
      summary: '示例港口上月吞吐量创历史新高。',
      paragraphs: [{ kind: 'paragraph', text: p1, mentions: [mention(p1, '示例港股份', 0)] }],
      entities: [stock(1, '600018', '示例港股份')],
      source: { name: '示例日报', text: '示例日报', from: 'page' },
      editor: null,
      url: {
        href: 'https://wap.eastmoney.com/a/202203050000000301.html',
        host: 'wap.eastmoney.com',
        articleId: '202203050000000301',
        column: null,
        infoCode: null,
      },
      articleId: '202203050000000301',
      infoCode: null,
      images: [],
      links: [],
      warnings: [],
    });
  });

  it('a source named only by .sourcebox (文章来源：…), which is not a paragraph; the info line, data-source and em_media come first', () => {
    const html = page('sourcebox.html');
    const post = parsed(html);
    deepStrictEqual(
      [post.title, post.date?.iso, post.paragraphs.map((p) => p.text), post.source, post.articleId, post.warnings],
      [
        '示例农场秋收完成 产量再创新高',
        '2024-10-08T16:20:00+08:00',
        ['示例农场今年秋收已经完成，粮食产量再创新高。', '农场负责人说，明年将试种两个新品种。'],
        { name: '示例农业周刊', text: '文章来源：示例农业周刊', from: 'page' },
        '202410080000000401',
        [],
      ],
    );
    const withInfo = html.replace('16:20</div>', '16:20</div><div class="item">来源：示例晨报</div>');
    deepStrictEqual(parsed(withInfo).source, { name: '示例晨报', text: '来源：示例晨报', from: 'page' });
    const withDataSource = html.replace('<div class="infos">', '<div class="infos" data-source="示例晚报">');
    deepStrictEqual(parsed(withDataSource).source, { name: '示例晚报', text: '示例晚报', from: 'page' });
    const withMedia = html.replace('新品种。</p>', '新品种。</p><p class="em_media">（文章来源：示例日报）</p>');
    deepStrictEqual(parsed(withMedia).source, { name: '示例日报', text: '（文章来源：示例日报）', from: 'body' });
  });

  it('no recognizable container: a coded warning and a best-effort body, without the heading, info line or tag list', () => {
    const p2 = '消费券可在示例百货等商户使用。';
    const post = parsed(page('no-container.html'));
    deepStrictEqual(
      { title: post.title, date: post.date, source: post.source, paragraphs: post.paragraphs, entities: post.entities, links: post.links, warnings: post.warnings },
      {
        title: '示例城市推出消费券',
        date: pageDate('2021-11-02 10:15:00', '2021-11-02T10:15:00+08:00', '2021-11-02T02:15:00.000Z'),
        source: { name: '示例晚报', text: '来源：示例晚报', from: 'page' },
        paragraphs: [
          { kind: 'paragraph', text: '示例城市今日宣布推出新一轮消费券。', mentions: [] },
          { kind: 'paragraph', text: p2, mentions: [mention(p2, '示例百货', 0)] },
        ],
        entities: [stock(1, '600001', '示例百货')],
        links: [],
        warnings: [
          { code: 'missing-url', message: 'the page names no address of its own (no canonical link, no og:url) and options.url is not given', line: null, column: null },
          {
            code: 'no-article-container',
            message:
              'the page has no article container (#ContentBody, .txtinfos, .Body, #zwtext, .newsContent, .article-content); the body is a best effort: the element whose paragraphs hold the most text',
            line: null,
            column: null,
          },
        ],
      },
    );
  });
});

describe('parseArticle: fallbacks and errors', () => {
  const body = '<div id="ContentBody"><p>正文。</p></div>';

  it('the title: the heading, else <title> without its site suffix, else og:title, else empty with a warning', () => {
    strictEqual(parsed(`<title>甲_乙_东方财富网</title><h1>丙</h1>${body}`).title, '丙');
    strictEqual(parsed(`<title>标题_财经频道_东方财富网</title>${body}`).title, '标题');
    // More than 40 characters after the underscore: part of the title, not a site name.
    const long = 'A_B 这个标题里的下划线之后还有很长的一段文字，它是标题本身的一部分，不是网站名称，所以一个字也不能去掉';
    strictEqual(parsed(`<title>${long}</title>${body}`).title, long);
    strictEqual(parsed(`<meta property="og:title" content=" 示例 标题 ">${body}`).title, '示例 标题');
    const empty = parsed(body, { url: 'https://finance.eastmoney.com/a/202301010000000001.html' });
    deepStrictEqual([empty.title, empty.warnings.map((w) => w.code)], ['', ['empty-title', 'missing-date']]);
  });

  it('the date: a meta tag with its own offset is read as written; an impossible date is a warning', () => {
    const meta = parsed(`<meta property="article:published_time" content="2024-02-29T08:00:00+00:00"><h1>甲</h1>${body}`);
    deepStrictEqual(meta.date, {
      iso: '2024-02-29T08:00:00+00:00', utc: '2024-02-29T08:00:00.000Z', epochMs: Date.UTC(2024, 1, 29, 8), offset: '+00:00', assumed: false,
      raw: '2024-02-29T08:00:00+00:00', from: 'page',
    });
    const bad = parsed(`<h1>甲</h1><div class="time">2023年02月30日 10:00</div>${body}`);
    deepStrictEqual([bad.date, bad.warnings.find((w) => w.code === 'invalid-date')?.message], [
      null,
      'the page\'s date "2023年02月30日 10:00" is not a valid date; date is null',
    ]);
  });

  it('a date in the article text is not the page date; one before the heading (a menu bar) neither', () => {
    const post = parsed(`<div class="top">2020年01月01日 星期三</div><h1>甲</h1><div id="ContentBody"><p>2021年5月6日 12:00 发布。</p></div>`);
    strictEqual(post.date, null);
  });

  it('the address: a relative canonical link resolves against options.url; an unsafe one is dropped for og:url', () => {
    const relative = parsed(`<link rel="canonical" href="/a/202301010000000002.html">${body}`, { url: 'https://finance.eastmoney.com/x/' });
    strictEqual(relative.url?.href, 'https://finance.eastmoney.com/a/202301010000000002.html');
    const unsafe = parsed(
      `<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://finance.eastmoney.com/a/202301010000000003.html">${body}`,
    );
    deepStrictEqual([unsafe.articleId, unsafe.warnings.find((w) => w.code === 'unsafe-url')], [
      '202301010000000003',
      { code: 'unsafe-url', message: 'dropped the page address "javascript:alert(1)" from the canonical link: it is not an http(s) address', line: null, column: null },
    ]);
  });

  it('a dropped block takes its mentions and links along, and an image in it stands before the next paragraph', () => {
    const post = parsed(
      '<h1>甲</h1><div id="ContentBody"><p>正文。</p><p>郑重声明：<a href="https://example.com/x">示例</a>与本站立场无关。' +
        '<span id="stock_6007171">示例</span><img src="https://example.com/a.png"></p></div>',
      { url: 'https://finance.eastmoney.com/a/202301010000000006.html' },
    );
    deepStrictEqual([post.paragraphs.map((p) => p.text), post.entities, post.links, post.images.map((i) => [i.src, i.position])], [
      ['正文。'],
      [],
      [],
      [['https://example.com/a.png', 1]],
    ]);
  });

  it("an ad's label alone in its block is chrome; a sentence that mentions ads is text", () => {
    const post = parsed(
      '<h1>甲</h1><div id="ContentBody"><p>广告</p><p>正文。</p><p>【 广告 】</p><div>(广告)</div><p>公司广告收入增长。</p><p>广告费用</p></div>',
      { url: 'https://finance.eastmoney.com/a/202301010000000007.html' },
    );
    deepStrictEqual(post.paragraphs.map((p) => p.text), ['正文。', '公司广告收入增长。', '广告费用']);
  });

  it('names outside the BMP are never cut inside a surrogate pair (found by fuzzing)', () => {
    const long = '\u{20000}'.repeat(45);
    const post = parsed(`<h1>甲</h1><div class="infos">来源：${long}</div><p>（责任编辑：${long}）</p><div id="ContentBody"><p>正文。</p></div>`);
    deepStrictEqual([post.source?.name, post.editor], ['\u{20000}'.repeat(40), null]);
    const short = '\u{20000}'.repeat(20);
    deepStrictEqual(parsed(`<p>（责任编辑：${short}）</p>`).editor, short);
  });

  it('relative links in the body resolve against the page address', () => {
    const post = parsed('<link rel="canonical" href="https://finance.eastmoney.com/a/202301010000000004.html"><div id="ContentBody"><p><a href="/a/202301010000000005.html">上一篇</a>之后</p></div>');
    deepStrictEqual(post.links, [{ text: '上一篇', href: 'https://finance.eastmoney.com/a/202301010000000005.html', kind: 'article' }]);
  });

  it('bytes read as UTF-8, like text', () => {
    deepStrictEqual(parseArticle(new TextEncoder().encode(page('older-template.html'))), olderExpected);
  });

  it('strict mode throws the first warning', () => {
    throws(() => parseArticle(page('no-container.html'), { strict: true, url: 'https://example.com/a.html' }), (error: unknown) => {
      return error instanceof PostParseError && error.code === 'no-article-container';
    });
  });

  it('options: unknown names, a bad url, and an encoding that is no encoding are invalid-option', () => {
    for (const options of [{ fileName: 'x.md' }, { url: 'not a url' }, { url: 'ftp://example.com/' }, { encoding: 'no-such-encoding' }, { encoding: 7 }]) {
      throws(() => parseArticle(body, options as never), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-option');
    }
    strictEqual(parseArticle(body, { encoding: 'UTF-8', url: 'https://example.com/a.html' }).paragraphs.length, 1);
  });

  it('input that is not a page is invalid-input', () => {
    for (const input of [null, 5, {}, [] as unknown]) {
      throws(() => parseArticle(input as string), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-input');
    }
  });
});

describe('parseArticle: the TSDoc example', () => {
  it('gives the values its comments promise', () => {
    const post = parseArticle(
      '<html><head><title>示例公司发布新品_东方财富网</title>' +
        '<link rel="canonical" href="https://finance.eastmoney.com/a/202608190000000001.html"></head><body>' +
        '<div class="newsContent"><h1>示例公司发布新品</h1>' +
        '<div class="Info"><div class="time">2026年08月19日 17:46</div><div class="source">来源：示例日报</div></div>' +
        '<div id="ContentBody" class="Body"><p><span id="stock_6000011"><a class="keytip" ' +
        'href="http://quote.eastmoney.com/sh600001.html">示例公司</a></span>发布新品。</p>' +
        '<p>（责任编辑：示例）</p></div></div></body></html>',
    );
    deepStrictEqual(
      [post.title, post.date?.iso, post.source?.name, post.articleId, post.paragraphs[0]?.text, post.entities[0]?.secid, post.editor],
      ['示例公司发布新品', '2026-08-19T17:46:00+08:00', '示例日报', '202608190000000001', '示例公司发布新品。', '1.600001', '示例'],
    );
    deepStrictEqual([post.paragraphs.length, post.warnings], [1, []]);
  });
});
