import { readTrailingOutlet } from './_lib/attribution.js';
import { walkBody } from './_lib/body/walker.js';
import { DEFAULT_TIME_ZONE, readDate } from './_lib/date.js';
import { readFrontMatter } from './_lib/front-matter.js';
import { readInput } from './_lib/input.js';
import { splitPost, type Layout } from './_lib/layout.js';
import { checkBaseUrl, checkBoolean, checkEncoding, checkMaxInputBytes, checkOptions, checkString, checkTimeZone } from './_lib/options.js';
import { cleanText, countInvisible, quoted } from './_lib/text.js';
import { describeUrlProblem, isUrlProblem, readFileName, readPostUrl, resolveHref, type FileNameInfo } from './_lib/url.js';
import { createWarnings, type Warnings } from './_lib/warnings.js';
import { BODY_OPTION_NAMES, type BodyOptions } from './parse-body.js';
import type { FrontMatter, JsonValue, Link, Post, PostDate, PostUrl } from './types.js';

/**
 * Options of {@link parsePost}: those of {@link BodyOptions}, and the ones
 * below. Each option is read once, by property access; an error that a
 * getter or a Proxy trap of your options object throws reaches you
 * unchanged.
 *
 * @example
 * ```ts
 * const options: ParseOptions = {
 *   fileName: '2022-05-23-NW202205230000000003.md',
 *   timeZone: 'Asia/Shanghai',
 *   strict: false,
 * };
 * ```
 */
export interface ParseOptions extends BodyOptions {
  /**
   * The IANA time zone of dates written without an offset, resolved with the
   * runtime's own zone data (`Intl`), never the host's zone or the current
   * clock. Historical rules apply, including local mean time with seconds
   * (`Asia/Shanghai` before 1901 is `+08:05:43`). A time that happens twice
   * when clocks go back takes the earlier instant; a time that never happens
   * when clocks go forward is moved forward by the gap (it keeps the offset
   * before the change): Temporal's `disambiguation: 'compatible'`.
   *
   * Must be an IANA zone name the runtime knows (matched case-insensitively):
   * `'Asia/Shanghai'`, `'UTC'`, or a fixed-offset name such as `'Etc/GMT-8'`
   * (POSIX sign: that is UTC+08:00). Offsets (`'+08:00'`), `''` and any other
   * text throw `invalid-option`.
   * @default 'Asia/Shanghai'
   */
  timeZone?: string;
  /**
   * The post's file name (`YYYY-MM-DD-<id>.md`, a path is fine). Supplies
   * `articleId`/`infoCode` and a fallback date when the post lacks them.
   */
  fileName?: string;
}

const POST_OPTION_NAMES: readonly string[] = [...BODY_OPTION_NAMES, 'timeZone', 'fileName'];
const HTML_TAG = /<[A-Za-z!/]/;

/**
 * Parses one archived eastmoney post (a Jekyll Markdown file) into plain,
 * JSON-serializable data. Recovers from messy input with coded warnings.
 *
 * @param input - The post's text, or its bytes (UTF-8 unless
 *   `options.encoding` or a byte order mark says otherwise).
 * @param options - See {@link ParseOptions}.
 * @returns The parsed post.
 * @throws {@link PostParseError} for input that is not a post (not a string
 *   or bytes, bytes not valid in their encoding, larger than `maxInputBytes`), invalid options,
 *   or (with `strict`) the first warning.
 *
 * @example
 * ```ts
 * import { parsePost } from 'emnews';
 *
 * const post = parsePost(
 *   [
 *     '---',
 *     'layout: post',
 *     'title: "示例公司发布新品"',
 *     'date: 2022-05-23 17:03:48 +0800',
 *     'categories: emnews',
 *     'tags: 东财滚动新闻',
 *     '---',
 *     '> 示例公司发布新品。（示例日报）',
 *     '',
 *     '<p><span id="stock_0.000001"><a href="http://quote.eastmoney.com/unify/r/0.000001" class="keytip" ' +
 *       'data-code="0,000001">示例公司</a></span>发布新品。</p><p class="em_media">（文章来源：示例日报）</p>',
 *     '',
 *     '<http://finance.eastmoney.com/news/1355,202205230000000001.html>',
 *   ].join('\n'),
 * );
 * post.title; // '示例公司发布新品'
 * post.date?.utc; // '2022-05-23T09:03:48.000Z'
 * post.paragraphs[0]; // { kind: 'paragraph', text: '示例公司发布新品。', mentions: [{ entityIndex: 0, start: 0, end: 4 }] }
 * post.entities[0]; // { kind: 'stock', market: 0, code: '000001', exchange: 'SZ', secid: '0.000001', label: '示例公司', … }
 * post.source?.name; // '示例日报'
 * post.url?.articleId; // '202205230000000001'
 * ```
 */
export function parsePost(input: string | Uint8Array, options?: ParseOptions): Post {
  const checked = checkOptions(options, POST_OPTION_NAMES);
  const strict = checkBoolean('strict', checked.strict);
  const maxInputBytes = checkMaxInputBytes(checked.maxInputBytes);
  const timeZone = checkTimeZone(checked.timeZone, DEFAULT_TIME_ZONE);
  const fileName = checkString('fileName', checked.fileName);
  const baseUrl = checkBaseUrl(checked.baseUrl);
  const encoding = checkEncoding(checked.encoding);

  const text = readInput(input, maxInputBytes, encoding);
  const warnings = createWarnings(strict);
  const layout = splitPost(text, warnings);
  const { data: frontMatter, sources } =
    layout.frontMatter === null ? { data: {}, sources: {} } : readFrontMatter(layout.frontMatter, warnings);
  const title = readTitle(frontMatter, sources, warnings);
  const file = fileName === undefined ? null : readFileName(fileName);
  if (file !== null && file.date === null && file.articleId === null) {
    warnings.add('invalid-file-name', `the file name ${quoted(fileName!)} carries neither a date nor an article id`);
  }
  const date = readPostDate(frontMatter, sources, timeZone, file, warnings);
  const url = readUrl(layout, warnings);
  const ids = readIds(url, file, warnings);

  const digest = layout.digest === null ? null : walkBody(layout.digest.text, warnings, { line: layout.digest.line, baseUrl });
  const body = walkBody(layout.body.text, warnings, { line: layout.body.line, baseUrl });
  const digestOnly = digest === null && !HTML_TAG.test(layout.body.text);
  const summaryBlocks = digest?.paragraphs ?? (digestOnly ? body.paragraphs : []);
  const summary = summaryBlocks.length > 0 ? summaryBlocks.map((p) => p.text).join('\n') : null;

  const navigation = readNavigation(layout, baseUrl, warnings);
  return {
    frontMatter,
    title,
    originalTitle: null,
    date,
    categories: jekyllList(frontMatter['categories'] ?? frontMatter['category']),
    tags: jekyllList(frontMatter['tags']),
    summary,
    paragraphs: body.paragraphs,
    entities: body.entities,
    source: body.source ?? (summary === null ? null : readTrailingOutlet(summary)),
    editor: null,
    url,
    articleId: ids.articleId,
    infoCode: ids.infoCode,
    images: body.images,
    links: [...body.links, ...navigation],
    warnings: warnings.list,
  };
}

/** Scalars that YAML reads as numbers or booleans keep their source text: `title: 1.50`. */
function scalarText(key: string, frontMatter: FrontMatter, sources: Record<string, string>): string | undefined {
  const value = frontMatter[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return sources[key] ?? String(value);
  return undefined;
}

function readTitle(frontMatter: FrontMatter, sources: Record<string, string>, warnings: Warnings): string {
  const value = frontMatter['title'];
  const title = scalarText('title', frontMatter, sources) ?? '';
  if (title.trim() === '') warnings.add('empty-title', value === undefined ? 'the post has no title' : 'the title is empty');
  const invisible = countInvisible(title);
  if (invisible > 0) warnings.add('invisible-characters', `the title contains ${invisible} bidirectional-control or zero-width characters`);
  return title;
}

function readPostDate(
  frontMatter: FrontMatter,
  sources: Record<string, string>,
  timeZone: string,
  file: FileNameInfo | null,
  warnings: Warnings,
): PostDate | null {
  const value = scalarText('date', frontMatter, sources);
  const present = frontMatter['date'] !== undefined && frontMatter['date'] !== null;
  const result = value !== undefined ? readDate(value, timeZone, 'front-matter') : present ? 'invalid' : 'missing';
  if (typeof result !== 'string') return result;
  const fallback = file?.date == null ? null : readDate(file.date, timeZone, 'file-name');
  const usable = fallback !== null && typeof fallback !== 'string' ? fallback : null;
  const then = usable === null ? 'date is null' : `using the file name's ${usable.raw}`;
  if (result === 'missing') warnings.add('missing-date', `the post has no date; ${then}`);
  else warnings.add('invalid-date', `the date ${quoted(value ?? JSON.stringify(frontMatter['date']))} is not a valid date; ${then}`);
  return usable;
}

function readUrl(layout: Layout, warnings: Warnings): PostUrl | null {
  if (layout.url === null) {
    warnings.add('missing-url', 'the post has no original-URL line');
    return null;
  }
  const where = { line: layout.url.line + 1, column: 1 };
  if (layout.url.text === '') {
    warnings.add('empty-url', 'the original-URL line is empty (<>)', where);
    return null;
  }
  const url = readPostUrl(layout.url.text);
  if (typeof url !== 'string') return url;
  warnings.add(url, `the original URL ${quoted(layout.url.text)} ${describeUrlProblem(url)}`, where);
  return null;
}

/** Footer links with absolute addresses; the others are dropped with a warning. */
function readNavigation(layout: Layout, baseUrl: string | null, warnings: Warnings): Link[] {
  const links: Link[] = [];
  for (const { text, href, line } of layout.navigation) {
    const url = resolveHref(href, baseUrl);
    if (url === null) continue; // empty or `#…`: this page
    if (isUrlProblem(url)) {
      const message = `dropped the navigation address ${quoted(href)}: it ${describeUrlProblem(url)}`;
      warnings.add(url, message, { line: line + 1, column: 1 });
    } else {
      links.push({ text: cleanText(text), href: url, kind: 'navigation' });
    }
  }
  return links;
}

function readIds(url: PostUrl | null, file: FileNameInfo | null, warnings: Warnings): { articleId: string | null; infoCode: string | null } {
  const articleId = url?.articleId ?? null;
  const infoCode = url?.infoCode ?? null;
  if (file !== null && articleId !== null && file.articleId !== null && file.articleId !== articleId) {
    warnings.add('id-mismatch', `the file name's article id ${file.articleId} differs from the URL's ${articleId}`);
  }
  return { articleId: articleId ?? file?.articleId ?? null, infoCode: infoCode ?? file?.infoCode ?? null };
}

/** Jekyll's reading of `categories`/`tags`: a string splits on whitespace. */
function jekyllList(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((item) => item !== '');
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null && typeof item !== 'object').map(String);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return [];
}
