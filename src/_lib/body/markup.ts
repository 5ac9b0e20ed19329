/**
 * Recognizes eastmoney markup from an element's name and attributes. Pure
 * functions, no parser state: the walker asks, this file answers.
 */

import type { Entity } from '../../types.js';
import { cleanText } from '../text.js';

export type Attributes = Record<string, string>;

/** Every attribute the functions here read; the HTML stream collects only these. */
export const READ_ATTRIBUTES: ReadonlySet<string> = new Set([
  'class', 'id', 'style', 'hidden', 'align', 'href', 'src', 'alt', 'width', 'height', 'orginial_src', 'original_src', 'data-code',
]);

/** An entity reference read from markup, before it is registered: an entity without its label, count and market facts. */
export type EntityRef = Entity extends infer E ? (E extends Entity ? Omit<E, 'label' | 'mentionCount' | 'marketType' | 'exchange'> : never) : never;

const QUOTE_HREF = /\/r\/(\d{1,4})\.([A-Za-z0-9_-]{1,32})(?:[/?#]|$)/;
const CONTEXT_ID = /^(?:stock_|bk_|Info\.)(\d{1,4})\.([A-Za-z0-9_-]{1,32})$/;
const KEYWORD_ID = /^Info\.(\d{1,12})$/;
const GLOSSARY_HREF = /^https?:\/\/baike\.eastmoney\.com\/item\/([^?#/]+)/i;
const MARKET = /^\d{1,4}$/;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const BOARD_CODE = /^BK\d+$/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:;|!|$)/i;
const CENTER_STYLE = /text-align\s*:\s*center/i;
const AD_HOST = /^(?:https?:)?\/\/acttg\.eastmoney\.com/i;

/** Elements whose content is never visible text. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'head', 'title',
  'svg', 'math', 'canvas', 'audio', 'video', 'select', 'button',
]);

/** Elements that start and end a text block. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'center', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main',
  'pre', 'figure', 'figcaption', 'hr', 'form', 'address', 'details', 'summary', 'table',
]);

export const HEADING_ELEMENTS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whether the `class` attribute lists `name` (split on ASCII whitespace, without allocating). */
export function hasClass(attribs: Attributes, name: string): boolean {
  const value = attribs['class'];
  if (value === undefined) return false;
  for (let at = value.indexOf(name); at !== -1; at = value.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || isSpace(value.charCodeAt(at - 1))) && (end === value.length || isSpace(value.charCodeAt(end)))) return true;
  }
  return false;
}

/** HTML's ASCII whitespace: tab, newline, form feed, carriage return, space. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** `display:none`, `visibility:hidden` or the `hidden` attribute. */
export function isHidden(attribs: Attributes): boolean {
  const style = attribs['style'];
  return Object.hasOwn(attribs, 'hidden') || (style !== undefined && HIDDEN_STYLE.test(style));
}

export function isCentered(name: string, attribs: Attributes): boolean {
  if (name === 'center') return true;
  const style = attribs['style'];
  return (style !== undefined && CENTER_STYLE.test(style)) || attribs['align']?.toLowerCase() === 'center';
}

/** Advertising: ad images, the `toplink` anchor, links to eastmoney's ad host. */
export function isAdvert(attribs: Attributes): boolean {
  const href = attribs['href'];
  return (
    hasClass(attribs, 'em_handle_adv_close') ||
    hasClass(attribs, 'toplink') ||
    (href !== undefined && AD_HOST.test(href.trim()))
  );
}

/** A K-line chart: `a.EmImageRemark`, or an `img` whose `data-code` reads `K CODE|MARKET|TYPE`. */
export function isChart(name: string, attribs: Attributes): boolean {
  if (name === 'a') return hasClass(attribs, 'EmImageRemark');
  if (name !== 'img') return false;
  const code = attribs['data-code'];
  return (code !== undefined && code.startsWith('K ')) || (attribs['alt'] ?? '').startsWith('K图');
}

/** Promotional paragraphs eastmoney appends to articles. */
export function isPromotion(text: string): boolean {
  return text.includes('一站式开户') || text.startsWith('在东方财富看资讯行情');
}

/** Text that reads as a caption wherever it stands. */
export function isCaptionText(text: string): boolean {
  return /^(?:图片来源|图源|资料来源|数据来源)[：:]/.test(text);
}

/** Text that reads as a caption when it follows an image. */
export function isNoteText(text: string): boolean {
  return /^(?:注|图|来源|图片|制图)[：:]/.test(text) || isCaptionText(text);
}

/**
 * The entity an anchor or span refers to, or `null` when it refers to none.
 * `context` is the `id` of the nearest enclosing `stock_…`/`bk_…`/`Info.…`
 * span; `href` is the element's address, already resolved and checked.
 * Returns `'invalid'` for a reference whose code cannot be read.
 */
export function entityRef(attribs: Attributes, href: string | null, context: string | null): EntityRef | 'invalid' | null {
  const glossary = href === null ? null : GLOSSARY_HREF.exec(href);
  if (glossary && href !== null) {
    return { kind: 'glossary', market: null, code: cleanText(safeDecode(glossary[1]!)), secid: null, url: href };
  }
  if (hasClass(attribs, 'infokey')) return keywordRef(href, context);
  const dataCode = attribs['data-code'];
  if (dataCode !== undefined) return securityRef(dataCode, href, context);
  if (hasClass(attribs, 'keytip') || hasClass(attribs, 'em_stock_key_common')) {
    const quote = href === null ? null : QUOTE_HREF.exec(href);
    return quote ? security(Number(quote[1]), quote[2]!) : 'invalid';
  }
  return null;
}

/** The `id` of a span that names a security for the link inside it. */
export function isContextId(id: string): boolean {
  return CONTEXT_ID.test(id) || KEYWORD_ID.test(id);
}

/**
 * Reads `data-code` in any of its forms: `0,000816`; `NIO|106|7` and
 * `K NIO|106|7` (charts); `002353` (older pages: the market comes from the
 * context id or the href).
 */
export function securityRef(dataCode: string, href: string | null, context: string | null): EntityRef | 'invalid' {
  const value = dataCode.startsWith('K ') ? dataCode.slice(2).trim() : dataCode.trim();
  let market: string | undefined;
  let code: string | undefined;
  if (value.includes(',')) [market, code] = value.split(',', 2);
  else if (value.includes('|')) [code, market] = value.split('|', 2);
  else {
    code = value;
    const fromContext = context === null ? null : CONTEXT_ID.exec(context);
    const fromHref = href === null ? null : QUOTE_HREF.exec(href);
    const found = fromContext?.[2] === code ? fromContext : fromHref?.[2] === code ? fromHref : null;
    market = found?.[1];
  }
  code = code?.trim();
  market = market?.trim();
  if (code === undefined || !CODE.test(code)) return 'invalid';
  if (market === undefined || market === '') return security(null, code);
  if (!MARKET.test(market)) return 'invalid';
  return security(Number(market), code);
}

/** A stock or board on a known market; without a market, an unresolved reference (never a guessed one). */
function security(market: number | null, code: string): EntityRef {
  if (market === null) return { kind: 'unresolved', market: null, code, secid: null, url: null };
  const secid = `${market}.${code}`;
  const url = `https://quote.eastmoney.com/unify/r/${secid}`;
  return BOARD_CODE.test(code) ? { kind: 'board', market, code, secid, url } : { kind: 'stock', market, code, secid, url };
}

function keywordRef(href: string | null, context: string | null): EntityRef | 'invalid' {
  const id = context === null ? null : KEYWORD_ID.exec(context);
  if (!id) return 'invalid';
  const quote = href === null ? null : QUOTE_HREF.exec(href);
  const market = quote ? Number(quote[1]) : null;
  return {
    kind: 'keyword',
    market,
    code: id[1]!,
    secid: quote ? `${market}.${quote[2]}` : null,
    url: href,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
