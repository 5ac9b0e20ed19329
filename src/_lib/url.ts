import type { PostUrl } from '../types.js';

const HTTP = /^https?:\/\//i;
const NEWS_PATH = /\/news\/(\d{1,8}),(\d{18})\.html$/;
const ARTICLE_PATH = /\/a\/(\d{18})\.html$/;
const INFO_CODE = /^NW(\d{18})$/;

/**
 * An absolute `http`/`https` address: protocol-relative ones get `https:`.
 * Anything else (other schemes, relative paths, malformed hosts) gives `null`.
 */
export function absoluteUrl(href: string): string | null {
  return httpUrl(href)?.href ?? null;
}

function httpUrl(href: string): URL | null {
  const text = href.trim();
  const candidate = text.startsWith('//') ? `https:${text}` : text;
  if (!HTTP.test(candidate)) return null;
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/** Reads the original-article address and the eastmoney ids it carries. */
export function readPostUrl(href: string): PostUrl | null {
  const url = httpUrl(href);
  if (url === null) return null;
  const news = NEWS_PATH.exec(url.pathname);
  const article = news ? null : ARTICLE_PATH.exec(url.pathname);
  const infoCode = url.searchParams.get('infoCode');
  const info = infoCode === null ? null : INFO_CODE.exec(infoCode);
  return {
    href: url.href,
    host: url.hostname,
    articleId: news?.[2] ?? article?.[1] ?? info?.[1] ?? null,
    column: news?.[1] ?? null,
    infoCode: infoCode || null,
  };
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
