/**
 * The output types of emnews. Every value here is plain JSON data: no
 * `Date`, no class instances, no functions, so `JSON.parse(JSON.stringify(x))`
 * gives back an equal value.
 *
 * @module
 */

import type { WarningCode } from './errors.js';

/**
 * Any value that JSON can carry. Front matter values are always of this type.
 *
 * @example
 * ```ts
 * const value: JsonValue = { tags: ['东财滚动新闻'], draft: false };
 * ```
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * The YAML front matter of a post, every key as written (unknown keys kept),
 * each value as YAML 1.2's core schema reads it: faithful to the file, not
 * interpreted. So `date:  +0800` (an archive defect: an offset without a
 * date) is the number `800` here, while {@link Post.date} is `null` with a
 * `missing-date` warning; `date: 2022-05-23 17:03:48 +0800` is a string.
 * Read the interpreted fields (`title`, `date`, `categories`, `tags`) from
 * the {@link Post} itself.
 *
 * @example
 * ```ts
 * const fm: FrontMatter = { layout: 'post', title: '示例', date: 800, categories: 'emnews' };
 * ```
 */
export type FrontMatter = { [key: string]: JsonValue };

/**
 * A publication date, normalized. Built from the front matter `date` or, when
 * that is missing, from the date in `options.fileName`.
 *
 * @example
 * ```ts
 * // date: 2022-05-23 17:03:48 +0800
 * const date: PostDate = {
 *   iso: '2022-05-23T17:03:48+08:00',
 *   utc: '2022-05-23T09:03:48.000Z',
 *   epochMs: 1653296628000,
 *   offset: '+08:00',
 *   assumed: false,
 *   raw: '2022-05-23 17:03:48 +0800',
 *   from: 'front-matter',
 * };
 * ```
 */
export interface PostDate {
  /**
   * The local time as the post wrote it (Beijing time for the archive), with
   * {@link PostDate.offset}: `2022-05-23T17:03:48+08:00`, or
   * `1900-06-01T12:00:00+08:05:43` when the offset has seconds (local mean
   * time). Use it to show the time as the newsroom saw it.
   */
  iso: string;
  /**
   * The same instant converted to UTC, always ending in `Z` and with
   * milliseconds: `2022-05-23T09:03:48.000Z`. Use it to sort, join and
   * bucket by day across sources. `iso` and `utc` name one instant.
   */
  utc: string;
  /** The instant as milliseconds since the Unix epoch. */
  epochMs: number;
  /**
   * The offset from UTC that maps the written time to the instant, as
   * `+08:00`, or `+08:05:43` when it has seconds (local mean time, before a
   * zone adopted standard time). For a time that never happened (clocks set
   * forward), the offset before the change.
   */
  offset: string;
  /**
   * `true` when the source gave no offset and `options.timeZone` was applied
   * to the wall-clock time.
   */
  assumed: boolean;
  /** The text the date was read from, as written. */
  raw: string;
  /**
   * Where the date came from: the front matter or the file name fallback
   * (`parsePost`), the article page (`parseArticle`), a list item
   * (`parseNewsList`).
   */
  from: 'front-matter' | 'file-name' | 'page' | 'list';
}

/**
 * One mention of an entity inside a paragraph's text.
 * `paragraph.text.slice(start, end)` is exactly the linked label, and
 * `entities[entityIndex]` is the entity it refers to.
 *
 * @example
 * ```ts
 * const m: Mention = { entityIndex: 0, start: 32, end: 36 };
 * // post.entities[m.entityIndex].label === post.paragraphs[i].text.slice(m.start, m.end) (for its first mention)
 * ```
 */
export interface Mention {
  /** An index into `entities` (of the `Post` or `Body` this paragraph belongs to): not an entity itself. */
  entityIndex: number;
  /** UTF-16 offset where the label starts in the paragraph text. */
  start: number;
  /** UTF-16 offset just past the label's end. */
  end: number;
}

/**
 * A block of running text: a paragraph, a heading, or an image caption.
 *
 * @example
 * ```ts
 * const p: TextBlock = { kind: 'heading', text: '一、行业概况', mentions: [] };
 * ```
 */
export interface TextBlock {
  /**
   * `'heading'` for `<h1>`–`<h6>` and for short blocks that are bold
   * throughout; `'caption'` for the text under an image (`图片来源：…`,
   * `注：…`); `'paragraph'` otherwise.
   */
  kind: 'paragraph' | 'heading' | 'caption';
  /** Clean text: entities decoded, whitespace collapsed, `<br>` as `\n`. */
  text: string;
  /** Entity mentions in document order. */
  mentions: Mention[];
}

/**
 * A table. Its `text` is the cells joined by `\t` and the rows by `\n`, so
 * mention offsets work the same way as in a text block.
 *
 * @example
 * ```ts
 * const t: TableBlock = {
 *   kind: 'table',
 *   text: '代码\t名称\n000001\t示例',
 *   mentions: [],
 *   rows: [['代码', '名称'], ['000001', '示例']],
 * };
 * ```
 */
export interface TableBlock {
  /** Always `'table'`. */
  kind: 'table';
  /** Cells joined by `\t`, rows joined by `\n`. */
  text: string;
  /** Entity mentions in document order, offsets into `text`. */
  mentions: Mention[];
  /** The clean text of each cell, row by row. */
  rows: string[][];
}

/**
 * A visible text block of the body, in document order.
 *
 * @example
 * ```ts
 * function plain(p: Paragraph): string {
 *   return p.kind === 'table' ? p.rows.map((r) => r.join(' | ')).join('\n') : p.text;
 * }
 * ```
 */
export type Paragraph = TextBlock | TableBlock;

/**
 * What an entity is, the discriminant of {@link Entity}:
 * - `'stock'`: any listed security (shares, indexes, futures, FX… on any market);
 * - `'board'`: an eastmoney board (sector, concept, region), code `BK…`;
 * - `'keyword'`: a data keyword (`infokey` link), code from `Info.<n>`;
 * - `'glossary'`: a glossary term linked to `baike.eastmoney.com`;
 * - `'unresolved'`: a security named by its code alone, whose market the
 *   markup does not tell (older pages), so it has no `secid`.
 *
 * @example
 * ```ts
 * const kinds: EntityKind[] = ['stock', 'board', 'keyword', 'glossary', 'unresolved'];
 * ```
 */
export type EntityKind = Entity['kind'];

/**
 * What an eastmoney market number stands for. Numbers we do not know are
 * kept in `Entity.market` and typed `'unknown'` here.
 *
 * @example
 * ```ts
 * const t: MarketType = 'hong-kong'; // market 116 or 128
 * ```
 */
export type MarketType =
  | 'shenzhen-beijing'
  | 'shanghai'
  | 'board'
  | 'hong-kong'
  | 'us'
  | 'global-index'
  | 'futures'
  | 'gold-spot'
  | 'forex'
  | 'london'
  | 'unknown';

/**
 * The exchange a security trades on, where the market number and code tell it.
 *
 * @example
 * ```ts
 * const e: Exchange = 'BJ'; // market 0, code 830799
 * ```
 */
export type Exchange = 'SZ' | 'SH' | 'BJ' | 'HK' | 'US';

/**
 * A listed security: shares, an index, a fund, a future, a currency pair…
 * on the market its `market` number names.
 *
 * @example
 * ```ts
 * const e: StockEntity = {
 *   kind: 'stock',
 *   market: 0,
 *   marketType: 'shenzhen-beijing',
 *   exchange: 'SZ',
 *   code: '000816',
 *   secid: '0.000816',
 *   label: '智慧农业',
 *   url: 'https://quote.eastmoney.com/unify/r/0.000816',
 *   mentionCount: 1,
 * };
 * ```
 */
export interface StockEntity {
  /** Always `'stock'`. */
  kind: 'stock';
  /** The eastmoney market number: `0`, `1`, `116`, `105`, … */
  market: number;
  /** What `market` stands for. */
  marketType: MarketType;
  /** `SZ`, `SH`, `BJ`, `HK` or `US` where the market and code tell it, else `null`. */
  exchange: Exchange | null;
  /** The code as written: `'000816'`, `'00700'`, `'NIO'`. */
  code: string;
  /** eastmoney's security id, `<market>.<code>`: `'0.000816'`. */
  secid: string;
  /** The label of the first text mention (`''` when only a chart refers to it). */
  label: string;
  /** The quote page: `https://quote.eastmoney.com/unify/r/<secid>`. */
  url: string;
  /** How many text mentions point at this entity (0 for chart-only references). */
  mentionCount: number;
}

/**
 * An eastmoney board: a sector, concept or region index, code `BK…`, market `90`.
 *
 * @example
 * ```ts
 * const e: BoardEntity = {
 *   kind: 'board',
 *   market: 90,
 *   marketType: 'board',
 *   exchange: null,
 *   code: 'BK1061',
 *   secid: '90.BK1061',
 *   label: '数字经济',
 *   url: 'https://quote.eastmoney.com/unify/r/90.BK1061',
 *   mentionCount: 2,
 * };
 * ```
 */
export interface BoardEntity {
  /** Always `'board'`. */
  kind: 'board';
  /** The eastmoney market number, `90` for boards. */
  market: number;
  /** What `market` stands for (`'board'` for market 90). */
  marketType: MarketType;
  /** Always `null`: boards are not traded on an exchange. */
  exchange: null;
  /** The board code: `'BK1061'`. */
  code: string;
  /** eastmoney's security id, `<market>.<code>`: `'90.BK1061'`. */
  secid: string;
  /** The label of the first text mention (`''` when only a chart refers to it). */
  label: string;
  /** The quote page: `https://quote.eastmoney.com/unify/r/<secid>`. */
  url: string;
  /** How many text mentions point at this entity. */
  mentionCount: number;
}

/**
 * A data keyword (`<span id="Info.3323"><a class="infokey">营业收入</a></span>`).
 * A few keywords link a quote (`Info.3259` → 创业板指 `0.399006`); they carry
 * its market and secid, and keep the keyword id as `code`.
 *
 * @example
 * ```ts
 * const e: KeywordEntity = {
 *   kind: 'keyword',
 *   market: null,
 *   marketType: null,
 *   exchange: null,
 *   code: '3323',
 *   secid: null,
 *   label: '营业收入',
 *   url: 'http://data.eastmoney.com/bbsj/',
 *   mentionCount: 1,
 * };
 * ```
 */
export interface KeywordEntity {
  /** Always `'keyword'`. */
  kind: 'keyword';
  /** The market of the quote the keyword links, or `null` when it links none. */
  market: number | null;
  /** What `market` stands for; `null` when `market` is `null`. */
  marketType: MarketType | null;
  /** Always `null`. */
  exchange: null;
  /** The keyword id from `Info.<n>`: `'3323'`. */
  code: string;
  /** The secid of the quote the keyword links, or `null`. */
  secid: string | null;
  /** The label of the first text mention. */
  label: string;
  /** The linked page, or `null` when the keyword links none. */
  url: string | null;
  /** How many text mentions point at this entity. */
  mentionCount: number;
}

/**
 * A glossary term linked to `baike.eastmoney.com/item/<term>`.
 *
 * @example
 * ```ts
 * const e: GlossaryEntity = {
 *   kind: 'glossary',
 *   market: null,
 *   marketType: null,
 *   exchange: null,
 *   code: '市盈率',
 *   secid: null,
 *   label: '市盈率',
 *   url: 'https://baike.eastmoney.com/item/市盈率',
 *   mentionCount: 1,
 * };
 * ```
 */
export interface GlossaryEntity {
  /** Always `'glossary'`. */
  kind: 'glossary';
  /** Always `null`. */
  market: null;
  /** Always `null`. */
  marketType: null;
  /** Always `null`. */
  exchange: null;
  /** The term, percent-decoded from the link. */
  code: string;
  /** Always `null`. */
  secid: null;
  /** The label of the first text mention. */
  label: string;
  /** The glossary page. */
  url: string;
  /** How many text mentions point at this entity. */
  mentionCount: number;
}

/**
 * A security named by its code alone, whose market the markup does not
 * tell (`data-code="002353"` with no market in the element id or link, on
 * older pages). emnews never guesses a market: the entity has no `secid`,
 * and the post has an `unknown-market` warning.
 *
 * @example
 * ```ts
 * const e: UnresolvedEntity = {
 *   kind: 'unresolved',
 *   market: null,
 *   marketType: null,
 *   exchange: null,
 *   code: '002353',
 *   secid: null,
 *   label: '示例股份',
 *   url: null,
 *   mentionCount: 1,
 * };
 * ```
 */
export interface UnresolvedEntity {
  /** Always `'unresolved'`. */
  kind: 'unresolved';
  /** Always `null`: the market is unknown. */
  market: null;
  /** Always `null`. */
  marketType: null;
  /** Always `null`. */
  exchange: null;
  /** The code as written: `'002353'`. */
  code: string;
  /** Always `null`: without a market there is no secid. */
  secid: null;
  /** The label of the first text mention. */
  label: string;
  /** The linked page when the markup gives one, else `null`. */
  url: string | null;
  /** How many text mentions point at this entity. */
  mentionCount: number;
}

/**
 * A security, board, data keyword or glossary term the post refers to, a
 * union discriminated by `kind`: every variant has the same fields, and
 * checking `kind` narrows them (`e.kind === 'stock'` makes `e.secid` a
 * `string`). Unique per `(kind, market, code)`, in first-seen order;
 * {@link Mention.entityIndex} points into the list.
 *
 * @example
 * ```ts
 * function secids(entities: Entity[]): string[] {
 *   const out: string[] = [];
 *   for (const e of entities) if (e.kind === 'stock' || e.kind === 'board') out.push(e.secid);
 *   return out;
 * }
 * ```
 */
export type Entity = StockEntity | BoardEntity | KeywordEntity | GlossaryEntity | UnresolvedEntity;

/**
 * Who first published the article.
 *
 * @example
 * ```ts
 * const s: Source = { name: '中国新闻网', text: '（文章来源：中国新闻网）', from: 'body' };
 * ```
 */
export interface Source {
  /** The outlet's name: `中国新闻网`. */
  name: string;
  /** The whole attribution as it reads, links stripped. */
  text: string;
  /**
   * `'body'` for the `em_media` block, `'digest'` for a trailing `（…）` or
   * `(…)` in the digest, `'page'` for the page's info line (`来源：…`,
   * `data-source`, `.sourcebox`, with `parseArticle`), `'list'` for a list
   * item's outlet field (`mediaName`, with `parseNewsList`).
   */
  from: 'body' | 'digest' | 'page' | 'list';
}

/**
 * The original article's address (the `<http://…>` line).
 *
 * @example
 * ```ts
 * const u: PostUrl = {
 *   href: 'http://finance.eastmoney.com/news/1355,202205230000000003.html',
 *   host: 'finance.eastmoney.com',
 *   articleId: '202205230000000003',
 *   column: '1355',
 *   infoCode: null,
 * };
 * ```
 */
export interface PostUrl {
  /** The address as normalized by the WHATWG URL parser. */
  href: string;
  /** Its host name. */
  host: string;
  /** The 18-digit eastmoney article id, when the address names one. */
  articleId: string | null;
  /** The eastmoney column from `news/<column>,<id>.html`. */
  column: string | null;
  /** The `infoCode` query parameter (`NW…`) of other-media copies. */
  infoCode: string | null;
}

/**
 * An image of the body (K-line chart placeholders and ads are not images).
 *
 * @example
 * ```ts
 * const img: Image = {
 *   src: 'https://dfscdn.dfcfw.com/download/D1.jpg',
 *   alt: '图片',
 *   caption: '图片来源：示例官网',
 *   width: 552,
 *   height: null,
 *   originalSrc: null,
 *   position: 1,
 * };
 * ```
 */
export interface Image {
  /** The image address. */
  src: string;
  /** The `alt` text as written, or `null` when missing. */
  alt: string | null;
  /** The caption block's text, when one follows the image. */
  caption: string | null;
  /** The `width` attribute, when numeric. */
  width: number | null;
  /** The `height` attribute, when numeric. */
  height: number | null;
  /** The full-size address from `orginial_src` (sic) or `original_src`. */
  originalSrc: string | null;
  /** How many paragraphs come before the image: its place in `paragraphs`. */
  position: number;
}

/**
 * A hyperlink that is not an entity: the footer navigation, or a link in
 * the body.
 *
 * @example
 * ```ts
 * const l: Link = { text: '返回首页', href: 'https://finews.withounder.com/', kind: 'navigation' };
 * ```
 */
export interface Link {
  /** The link text. */
  text: string;
  /** The address; protocol-relative addresses are resolved to `https:`. */
  href: string;
  /** `'navigation'` for the footer links, `'article'` for links in the body. */
  kind: 'navigation' | 'article';
}

/**
 * Something that was recovered from. In `strict` mode it is thrown instead.
 *
 * @example
 * ```ts
 * const w: Warning = { code: 'empty-url', message: 'the original-URL line is empty (<>)', line: 11, column: 1 };
 * const v: Warning = { code: 'missing-date', message: 'the post has no date; date is null', line: null, column: null };
 * ```
 */
export interface Warning {
  /** What happened; every code is explained in [Errors and warnings](../docs/errors.md). */
  code: WarningCode;
  /** A sentence for people. */
  message: string;
  /** 1-based line in the input, or `null` when the warning is about no one place. */
  line: number | null;
  /** 1-based column in the input (UTF-16 code units), or `null` with `line`. */
  column: number | null;
}

/**
 * What `parseBody` returns: the body's content without the post around it.
 *
 * @example
 * ```ts
 * import { parseBody } from 'emnews';
 * const body: Body = parseBody('<p>示例</p>');
 * ```
 */
export interface Body {
  /** Every visible text block, in document order. */
  paragraphs: Paragraph[];
  /** Entities, unique per `(kind, market, code)`, in first-seen order. */
  entities: Entity[];
  /** The `em_media` source attribution, or `null`. */
  source: Source | null;
  /** Images with their captions. */
  images: Image[];
  /** Links in the body that are not entities. */
  links: Link[];
  /** What was recovered from. */
  warnings: Warning[];
}

/**
 * A parsed post (`parsePost`) or article page (`parseArticle`). A page has
 * no front matter (`{}`), categories or tags (`[]`); its `url` is the
 * page's canonical address.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parsePost, type Post } from 'emnews';
 *
 * const post: Post = parsePost(readFileSync('2022-05-23-202205230000000003.md'));
 * for (const p of post.paragraphs) console.log(p.kind, p.text);
 * ```
 */
export interface Post {
  /** The front matter, every key as written. */
  frontMatter: FrontMatter;
  /** The title; `''` when empty or missing. */
  title: string;
  /**
   * The title the article first had elsewhere, from an article page's
   * `原标题：…` line (`parseArticle`); `null` when the page has none, and
   * always `null` from `parsePost`.
   */
  originalTitle: string | null;
  /** The publication date, or `null` (with a warning) when missing or invalid. */
  date: PostDate | null;
  /** Jekyll's reading of `categories`: a space-separated string becomes a list. */
  categories: string[];
  /** Jekyll's reading of `tags`. */
  tags: string[];
  /**
   * The digest: the `> ` line, or the whole text of a digest-only post; for
   * an article page, its summary box (`.b-review`, `.abstract`) or else its
   * `description` meta tag.
   */
  summary: string | null;
  /** Every visible text block of the body, in document order. */
  paragraphs: Paragraph[];
  /** Entities, unique per `(kind, market, code)`, in first-seen order. */
  entities: Entity[];
  /** The source attribution, or `null`. */
  source: Source | null;
  /**
   * The responsible editor, from an article page's `（责任编辑：…）` line
   * (`parseArticle`); `null` when the page has none, and always `null` from
   * `parsePost`.
   */
  editor: string | null;
  /**
   * The original article's address, or `null`; for an article page, its
   * `<link rel="canonical">`, else `og:url`, else `options.url`.
   */
  url: PostUrl | null;
  /** The 18-digit eastmoney article id, from the URL or else from `options.fileName`. */
  articleId: string | null;
  /** The other-media id (`NW…`), from the URL or else from `options.fileName`. */
  infoCode: string | null;
  /** Images with their captions. */
  images: Image[];
  /** Body links and footer navigation. */
  links: Link[];
  /** What was recovered from, in input order by stage. */
  warnings: Warning[];
}

/**
 * Which list endpoint a response came from, as {@link NewsList.format}
 * tells it:
 * - `'rolling'`: the rolling news list, `var ajaxResult={…"LivesList":[…]}`;
 * - `'fast-news'`: the fast-news list, `{"data":{"fastNewsList":[…]}}`;
 * - `'column'`: a column's list, `{"data":{"list":[…]}}`;
 * - `'per-stock'`: a stock's news list, items with `Art_…` fields;
 * - `'search'`: the search endpoint's JSONP, `jQuery…({"result":{"cmsArticleWebOld":[…]}})`.
 *
 * @example
 * ```ts
 * const format: NewsListFormat = 'fast-news';
 * ```
 */
export type NewsListFormat = 'rolling' | 'fast-news' | 'column' | 'per-stock' | 'search';

/**
 * One item of a news list response: the same fields, in the same shapes,
 * as the {@link Post} the article would give.
 *
 * @example
 * ```ts
 * const item: NewsItem = {
 *   title: '示例公司快速回调',
 *   date: {
 *     iso: '2026-06-16T14:09:57+08:00',
 *     utc: '2026-06-16T06:09:57.000Z',
 *     epochMs: 1781590197000,
 *     offset: '+08:00',
 *     assumed: true,
 *     raw: '2026-06-16 14:09:57',
 *     from: 'list',
 *   },
 *   summary: '示例公司盘中快速回调。',
 *   source: null,
 *   url: null,
 *   articleId: '202606160000000001',
 *   entities: [
 *     {
 *       kind: 'stock',
 *       market: 1,
 *       marketType: 'shanghai',
 *       exchange: 'SH',
 *       code: '600001',
 *       secid: '1.600001',
 *       label: '',
 *       url: 'https://quote.eastmoney.com/unify/r/1.600001',
 *       mentionCount: 0,
 *     },
 *   ],
 * };
 * ```
 */
export interface NewsItem {
  /** The title, clean text (search highlights such as `<em>` removed); `''` when missing. */
  title: string;
  /** The publication time (Beijing time unless `options.timeZone` says otherwise), or `null`. */
  date: PostDate | null;
  /** The digest or summary, clean text, without a `【title】` prefix that repeats the title; `null` when empty. */
  summary: string | null;
  /** The outlet (`mediaName`, `Art_MediaName`; `from: 'list'`), else a trailing `（…）` of the summary (`from: 'digest'`), else `null`. */
  source: Source | null;
  /** The article's address, or `null` when the item has none (fast news). */
  url: PostUrl | null;
  /** The 18-digit eastmoney article id, from the item's code or its address. */
  articleId: string | null;
  /**
   * The securities the item names (`stockList: ["1.601068"]`), each an
   * {@link Entity} with `label` `''` and `mentionCount` `0` (a list has no
   * text to mention them in).
   */
  entities: Entity[];
}

/**
 * What `parseNewsList` returns: the items of one list response, the format
 * it was recognized as, and what was recovered from.
 *
 * @example
 * ```ts
 * import { parseNewsList } from 'emnews';
 * const list: NewsList = parseNewsList('{"data":{"fastNewsList":[]}}');
 * list.format; // 'fast-news'
 * ```
 */
export interface NewsList {
  /** The endpoint the response's shape belongs to. */
  format: NewsListFormat;
  /** The items in response order, duplicates (same code) collapsed to the first. */
  items: NewsItem[];
  /** What was recovered from; item warnings name the item's 1-based place in the response. */
  warnings: Warning[];
}
