import type { PostUrl } from '../types.js';
import { cleanText } from './text.js';

const NEWS_PATH = /\/news\/(\d{1,8}),(\d{18})\.html$/;
const ARTICLE_PATH = /\/a\/(\d{18})\.html$/;
const INFO_CODE = /^NW(\d{18})$/;
// What the URL standard strips before reading an address: tabs and newlines
// anywhere, C0 controls and spaces at either end (see {@link addressText}).
const IGNORED_INSIDE = /[\t\n\r]/g;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Why an address was not kept. */
export type UrlProblem = 'unsafe-url' | 'invalid-url' | 'relative-url';

/**
 * Resolves an address as a browser would, keeping only `http`/`https`:
 * protocol-relative ones get `https:`, relative ones resolve against `base`.
 * Returns the absolute address, or why it cannot be kept: another scheme
 * (`javascript:`, `data:`, `file:`…) is `'unsafe-url'`, an address the URL
 * parser rejects (`http://[::1`, `http://a:99999`) is `'invalid-url'`, a
 * relative one without a base is `'relative-url'`.
 */
export function resolveUrl(href: string, base: string | null = null): URL | UrlProblem {
  const text = addressText(href);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return 'unsafe-url';
  const absolute = scheme !== undefined ? text : text.startsWith('//') ? `https:${text}` : null;
  if (absolute === null && base === null) return 'relative-url';
  try {
    return absolute === null ? new URL(text, base!) : new URL(absolute);
  } catch {
    return 'invalid-url';
  }
}

/**
 * Addresses the URL parser writes back unchanged: `http(s)`, a lower-case
 * host name whose last label starts with a letter (not an IPv4 address, no
 * `xn--` label), no port, a path without `%`, `\\` or dot segments, an
 * optional query without `'`, no fragment. Eastmoney's quote and article
 * links are all like this, so most links skip the parser. The repository's
 * tests check this against the URL parser.
 */
const CANONICAL =
  /^https?:\/\/(?!(?:[^/]*\.)?xn--)(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/(?:[A-Za-z0-9\-_~!$&'()*+,;=:@/]|(?<!\/)\.)*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?]*)?$/;

/**
 * {@link resolveUrl} for an address in the markup, as a string: `null` for
 * an empty or `#fragment` address, which points nowhere else.
 */
export function resolveHref(href: string, base: string | null): string | UrlProblem | null {
  if (CANONICAL.test(href)) return href;
  // `//host/path` is `https://host/path` whatever the base (the footer's links are all like this).
  if (href.startsWith('//') && CANONICAL.test(`https:${href}`)) return `https:${href}`;
  if (isSamePage(href)) return null;
  const url = resolveUrl(href, base);
  return typeof url === 'string' ? url : url.href;
}

/**
 * The host name of an absolute or protocol-relative address, as the URL
 * parser reads it (lower case, IDNA, `user@` removed), or `null`.
 */
export function hostOf(href: string): string | null {
  if (CANONICAL.test(href)) {
    const start = href.indexOf('//') + 2;
    return href.slice(start, href.indexOf('/', start));
  }
  const url = resolveUrl(href);
  return typeof url === 'string' ? null : url.hostname;
}

/** Whether a {@link resolveHref} answer is a problem rather than an address (addresses contain `:`). */
export function isUrlProblem(value: string): value is UrlProblem {
  return value === 'unsafe-url' || value === 'invalid-url' || value === 'relative-url';
}

/** Why an address was dropped, for a warning message: "it …". */
export function describeUrlProblem(problem: UrlProblem): string {
  if (problem === 'unsafe-url') return 'is not an http(s) address';
  return problem === 'invalid-url' ? 'is malformed' : 'is relative and no baseUrl was given';
}

/** {@link resolveUrl} without a base, as a string, or `null` for anything it does not keep. */
export function absoluteUrl(href: string): string | null {
  const url = resolveUrl(href);
  return typeof url === 'string' ? null : url.href;
}

/** Whether an `href` points nowhere else: empty, or only a `#fragment`. */
export function isSamePage(href: string): boolean {
  const text = addressText(href);
  return text === '' || text.startsWith('#');
}

/**
 * An address as the URL standard reads it: tabs and newlines removed
 * anywhere, C0 controls and spaces (U+0000-U+0020) trimmed at either end, so
 * `JaVa\tScRiPt:` is `javascript:`. The trim is two scans from the ends, not
 * a regular expression: `/[\0- ]+$/` tries every start in a long run of
 * spaces inside an address, which is quadratic.
 */
function addressText(href: string): string {
  const text = href.replace(IGNORED_INSIDE, '');
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Reads the original-article address and the eastmoney ids it carries. */
export function readPostUrl(href: string): PostUrl | UrlProblem {
  const url = CANONICAL.test(href) ? canonicalParts(href) : resolveUrl(href);
  if (typeof url === 'string') return url;
  const news = NEWS_PATH.exec(url.pathname);
  const article = news ? null : ARTICLE_PATH.exec(url.pathname);
  const rawInfoCode = url.searchParams.get('infoCode');
  const infoCode = rawInfoCode === null ? null : cleanText(rawInfoCode);
  const info = infoCode === null ? null : INFO_CODE.exec(infoCode);
  return {
    href: url.href,
    host: url.hostname,
    articleId: news?.[2] ?? article?.[1] ?? info?.[1] ?? null,
    column: news?.[1] ?? null,
    infoCode: infoCode || null,
  };
}

/** The parts of an address {@link readPostUrl} reads. */
interface UrlParts {
  href: string;
  hostname: string;
  pathname: string;
  searchParams: { get(name: string): string | null };
}

const NO_PARAMETERS: UrlParts['searchParams'] = { get: () => null };

/**
 * A {@link CANONICAL} address's parts as the URL parser gives them, without
 * it (it is a third of the cost of a post with no paragraphs): the host
 * runs to the first `/`, the path to the first `?`. The query is read by
 * `URLSearchParams` as the parser's `searchParams` reads it, and only when
 * it can hold an `infoCode` (a canonical query has no `%`, so a name is
 * written as it reads).
 */
function canonicalParts(href: string): UrlParts {
  const hostStart = href.indexOf('//') + 2;
  const pathStart = href.indexOf('/', hostStart);
  const queryStart = href.indexOf('?', pathStart);
  const pathEnd = queryStart === -1 ? href.length : queryStart;
  // The constructor drops one leading `?`, as the parser's query excludes it.
  const searchParams = queryStart !== -1 && href.includes('infoCode', queryStart) ? new URLSearchParams(href.slice(queryStart)) : NO_PARAMETERS;
  return { href, hostname: href.slice(hostStart, pathStart), pathname: href.slice(pathStart, pathEnd), searchParams };
}

/** What a post's file name (`2022-05-23-NW202205230000000003.md`) tells. */
export interface FileNameInfo {
  date: string | null;
  articleId: string | null;
  infoCode: string | null;
}

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})?-?(.*)$/s;
const FILE_ID = /^(NW)?(\d{18})$/;

/** Reads the date and article id from a Jekyll post file name. */
export function readFileName(fileName: string): FileNameInfo {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const stem = base.replace(/\.(?:md|markdown|html?)$/i, '');
  const [, date = null, rest = ''] = FILE_NAME.exec(stem)!;
  const id = FILE_ID.exec(rest);
  return {
    date,
    articleId: id?.[2] ?? null,
    infoCode: id?.[1] ? `NW${id[2]}` : null,
  };
}
