/**
 * Whole article pages: the invented pages of test/fixtures/pages/ after a
 * few mutations (cuts, injected page and body fragments), and soups of page
 * parts (containers, headings, info lines, meta tags, chrome, older
 * markup) in any order.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { OLDER_FRAGMENTS } from './older-markup.ts';

const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const PAGES = readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html')).sort().map((name) => readFileSync(PAGES_DIR + name, 'utf8'));

/** Pieces of article pages, valid and broken. */
export const PAGE_FRAGMENTS: readonly string[] = [
  '<html>', '<head>', '</head>', '<body>', '</body>', '<title>', '</title>', '示例_东方财富网', '_', '<title>甲_乙</title>', '<svg><title>图</title></svg>',
  '<meta name="description" content="示例摘要">', '<meta property="og:title" content="示例">', '<meta property="og:url" content="https://finance.eastmoney.com/a/202301010000000001.html">',
  '<meta property="og:url" content="javascript:1">', '<meta property="article:published_time" content="2024-02-29T08:00:00+00:00">', '<meta name="pubdate" content="2024年13月1日">',
  '<link rel="canonical" href="/a/202301010000000002.html">', '<link rel="canonical" href="http://[::1">', '<div id="ContentBody">', '<div class="txtinfos">',
  '<div class="Body">', '<div class="newsContent">', '<article id="zwtext">', '</article>', '<div class="article-content">', '<div class="mainleft">',
  '<h1>', '</h1>', '<div class="title">', '<div class="atitle">', '<div class="infos"><div class="item">', '<div class="time">', '2026年08月19日 17:46', '2026-08-19 17:46:00',
  '2026年2月30日', '来源：', '来源：示例日报', '文章来源：', '<div class="sourcebox">', 'data-source="示例"', '<div data-source="示例">', '<div class="b-review">',
  '<div class="abstract">', '<p class="res-edit">（责任编辑：示例）</p>', '（责任编辑：', '原标题：', '<div class="sublab">', '郑重声明：与本站立场无关。',
  '免责声明：本文基于AI生产', '打开微信，点击底部的“发现”，使用“扫一扫”即可将网页分享至朋友圈。', '<div id="ad_context2">', '<div class="ad_context">',
  '<div class="zwothers">', '<nav>', '</nav>', '<footer>', '<form>', '<script>', '</script>', '<!--文章主体-->', '<!--', '-->', '<p>', '</p>', '<div>', '</div>',
  // Names read from the info line, editor and original-title lines, in characters outside the BMP (found by fuzzing: a cut pair).
  `<p>来源：${'\u{20000}'.repeat(30)}</p>`, `<p>（责任编辑：${'\u{20000}'.repeat(30)}）</p>`, `<p>原标题：${'\u{20000}'.repeat(120)}</p>`,
  '<a href="https://example.com/tag">', '</a>', '<img src="https://example.com/a.png">', '<p>郑重声明：与本站立场无关。<img src="https://example.com/b.png">',
  '<p>在东方财富看资讯行情<img src="https://example.com/c.png"><span id="stock_6007171">示例</span>', '示例正文。', '\n', '\r\n', '\uFEFF', '\u202E', '&amp;', '&#0;', '<', '"',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAGE_FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...OLDER_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
);

/** Page parts in any order. */
export const pageSoup: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));

type Edit = { kind: 'cut'; at: number } | { kind: 'inject'; at: number; text: string } | { kind: 'delete'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fragment, pageSoup) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
);

function apply(page: string, edits: Edit[]): string {
  let result = page;
  for (const e of edits) {
    const at = e.at % (result.length + 1);
    if (e.kind === 'cut') result = result.slice(0, at);
    else if (e.kind === 'inject') result = result.slice(0, at) + e.text + result.slice(at);
    else result = result.slice(0, at) + result.slice(at + e.length);
  }
  return result;
}

/** An invented page after a few edits. */
export const mutatedPage: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: PAGES.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }))
  .map(([index, edits]) => apply(PAGES[index]!, edits));

/** Any page a caller might pass. */
export const anyPage: fc.Arbitrary<string> = fc.oneof(pageSoup, mutatedPage);
