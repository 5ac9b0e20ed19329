import { PostParseError } from './errors.js';
import { walkBody } from './_lib/body/walker.js';
import { DEFAULT_TIME_ZONE } from './_lib/date.js';
import { readInput } from './_lib/input.js';
import { checkBaseUrl, checkBoolean, checkEncoding, checkMaxInputBytes, checkOptions, checkTimeZone } from './_lib/options.js';
import { dateIn, infoBlocks, pageDate, pageSource, pageSummary, pageTitle, pageUrl } from './_lib/page/fields.js';
import { CONTAINER_RULES, isChromeElement, isChromeText, isTruncatedCopy } from './_lib/page/rules.js';
import { scanPage, type Range } from './_lib/page/scan.js';
import { countInvisible, quoted } from './_lib/text.js';
import { resolveUrl } from './_lib/url.js';
import { createWarnings } from './_lib/warnings.js';
import type { ParseOptions } from './parse-post.js';
import type { Post } from './types.js';

/**
 * Options of {@link parseArticle}.
 *
 * @example
 * ```ts
 * const options: ArticleOptions = { url: 'https://finance.eastmoney.com/a/202608190000000001.html', strict: false };
 * ```
 */
export interface ArticleOptions extends Omit<ParseOptions, 'fileName'> {
  /**
   * The address the page was fetched from: the page's own address when it
   * names none (`<link rel="canonical">`, `og:url`), and the base of its
   * relative links when `baseUrl` is not given.
   */
  url?: string;
}

const ARTICLE_OPTION_NAMES: readonly string[] = ['strict', 'maxInputBytes', 'baseUrl', 'timeZone', 'url', 'encoding'];

/**
 * Parses a whole eastmoney article page (`finance.eastmoney.com/a/<id>.html`,
 * older `/news/<column>,<id>.html`, mobile pages) into a {@link Post}: the
 * article's container (`#ContentBody`, `.txtinfos`, `.Body`, `.newsContent`,
 * mobile `#zwtext`) is read as the body, and the title, date, source,
 * address, summary, original title and editor come from the rest of the
 * page. Menus, ads, share prompts, disclaimers and related lists are not
 * paragraphs. The library never fetches: pass the page you fetched.
 *
 * @param input - The page's HTML, or its bytes (UTF-8 unless `options.encoding`
 *   or a byte order mark says otherwise; older pages are often `gbk`).
 * @param options - See {@link ArticleOptions}.
 * @returns The article as a post with no front matter, categories or tags.
 *   A page without a recognizable container gets a `no-article-container`
 *   warning and a best-effort body.
 * @throws {@link PostParseError} for input that is not a string or bytes,
 *   is too large or not UTF-8, invalid options, or (with `strict`) the
 *   first warning.
 *
 * @example
 * ```ts
 * import { parseArticle } from 'emnews';
 *
 * const post = parseArticle(
 *   '<html><head><title>示例公司发布新品_东方财富网</title>' +
 *     '<link rel="canonical" href="https://finance.eastmoney.com/a/202608190000000001.html"></head><body>' +
 *     '<div class="newsContent"><h1>示例公司发布新品</h1>' +
 *     '<div class="Info"><div class="time">2026年08月19日 17:46</div><div class="source">来源：示例日报</div></div>' +
 *     '<div id="ContentBody" class="Body"><p><span id="stock_6000011"><a class="keytip" ' +
 *     'href="http://quote.eastmoney.com/sh600001.html">示例公司</a></span>发布新品。</p>' +
 *     '<p>（责任编辑：示例）</p></div></div></body></html>',
 * );
 * post.title; // '示例公司发布新品'
 * post.date?.iso; // '2026-08-19T17:46:00+08:00'
 * post.source?.name; // '示例日报'
 * post.articleId; // '202608190000000001'
 * post.paragraphs[0]?.text; // '示例公司发布新品。'
 * post.entities[0]?.secid; // '1.600001'
 * post.editor; // '示例'
 * ```
 */
export function parseArticle(input: string | Uint8Array, options?: ArticleOptions): Post {
  const checked = checkOptions(options, ARTICLE_OPTION_NAMES);
  const strict = checkBoolean('strict', checked.strict);
  const maxInputBytes = checkMaxInputBytes(checked.maxInputBytes);
  const timeZone = checkTimeZone(checked.timeZone, DEFAULT_TIME_ZONE);
  const baseUrl = checkBaseUrl(checked.baseUrl);
  const optionUrl = checkPageUrl(checked.url);
  const encoding = checkEncoding(checked.encoding);

  const html = readInput(input, maxInputBytes, encoding);
  const warnings = createWarnings(strict);
  const scan = scanPage(html);

  const title = pageTitle(scan);
  if (title === '') warnings.add('empty-title', 'the page has no heading, <title> or og:title');
  const invisible = countInvisible(title);
  if (invisible > 0) warnings.add('invisible-characters', `the title contains ${invisible} bidirectional-control or zero-width characters`);
  const container: Range | null = scan.container;
  const dateBlock = infoBlocks(scan.dateBlocks, scan, container).find((block) => dateIn(block.text) !== null);
  const sourceBlock = infoBlocks(scan.sourceBlocks, scan, container)[0];
  const date = pageDate(dateBlock, scan, timeZone, warnings);
  const url = pageUrl(scan, optionUrl, baseUrl ?? optionUrl, warnings);
  const summary = pageSummary(scan);

  let range = container;
  const bestEffort = range === null;
  if (range === null) {
    const [found, what] =
      scan.densest !== null ? [scan.densest, 'the element whose paragraphs hold the most text'] :
      scan.body !== null ? [scan.body, 'the whole <body>'] : [{ start: 0, end: html.length }, 'the whole input'];
    range = found;
    const rules = CONTAINER_RULES.map((rule) => rule.name).join(', ');
    warnings.add('no-article-container', `the page has no article container (${rules}); the body is a best effort: ${what}`);
  }
  const infoTexts = new Set([dateBlock?.text, sourceBlock?.text]);
  const body = walkBody(html, warnings, {
    line: 0,
    baseUrl: baseUrl ?? url?.href ?? null,
    range,
    skipElement: isChromeElement,
    dropBlock: (text, linked) =>
      isChromeText(text) || text === title || infoTexts.has(text) || isTruncatedCopy(text, summary) || (bestEffort && linked * 2 > text.length),
  });

  return {
    frontMatter: {},
    title,
    originalTitle: scan.originalTitle,
    date,
    categories: [],
    tags: [],
    summary,
    paragraphs: body.paragraphs,
    entities: body.entities,
    source: body.source ?? pageSource(sourceBlock, scan),
    editor: scan.editor,
    url,
    articleId: url?.articleId ?? null,
    infoCode: url?.infoCode ?? null,
    images: body.images,
    links: body.links,
    warnings: warnings.list,
  };
}

/** `options.url`: an absolute http(s) address, or `null` when not given. */
function checkPageUrl(value: unknown): string | null {
  if (value === undefined) return null;
  const url = typeof value === 'string' ? resolveUrl(value) : null;
  if (url === null || typeof url === 'string') {
    throw new PostParseError('invalid-option', `url must be an absolute http(s) address, got ${quoted(String(value))}`);
  }
  return url.href;
}

/** Until bytes in other encodings are decoded, only UTF-8 is accepted, loudly. */
