/**
 * Recognizes eastmoney markup from an element's name and attributes. Pure
 * functions, no parser state: the walker asks, this file answers.
 */

import type { Entity } from '../../types.js';
import { cleanText } from '../text.js';
import { hostOf } from '../url.js';
import { readDeclarations } from './css.js';

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
/** Eastmoney's advertising host: links to it are ads. Matched exactly, on the parsed URL's host. */
const AD_HOSTS: ReadonlySet<string> = new Set(['acttg.eastmoney.com', 'acttg.eastmoney.com.']);

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

/** What an element's `style`, `hidden` and `align` attributes do to it: bits of {@link StyleFlag}. */
export const StyleFlag = {
  /** Not rendered, nor anything inside: `display: none`, or the `hidden` attribute. */
  Hidden: 1,
  /** `visibility: hidden` or `collapse`: invisible, unless a descendant sets `visibility: visible`. */
  Invisible: 2,
  /** `visibility: visible`: visible again inside an invisible element. */
  Visible: 4,
  Centered: 8,
} as const;

const GLOBAL_VALUES: ReadonlySet<string> = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);
const DISPLAY_VALUES: ReadonlySet<string> = new Set([
  'none', 'contents', 'block', 'inline', 'inline-block', 'flow-root', 'flex', 'inline-flex', 'grid', 'inline-grid',
  'table', 'inline-table', 'table-row-group', 'table-header-group', 'table-footer-group', 'table-row', 'table-cell',
  'table-column-group', 'table-column', 'table-caption', 'list-item', 'run-in', 'ruby', 'ruby-base', 'ruby-text',
  'ruby-base-container', 'ruby-text-container', 'math', '-webkit-box', '-webkit-inline-box', '-moz-box', '-moz-inline-box',
  '-ms-flexbox', '-ms-inline-flexbox', '-webkit-flex', '-webkit-inline-flex', '-ms-grid', '-ms-inline-grid',
]);
/** The keywords of CSS Display's multi-keyword values (`block flow`, `inline flex`, `list-item block`). */
const DISPLAY_PARTS: ReadonlySet<string> = new Set(['block', 'inline', 'run-in', 'flow', 'flow-root', 'table', 'flex', 'grid', 'ruby', 'list-item']);
const TEXT_ALIGN_VALUES: ReadonlySet<string> = new Set([
  'left', 'right', 'center', 'justify', 'justify-all', 'start', 'end', 'match-parent', '-webkit-center', '-moz-center',
  '-webkit-left', '-webkit-right', '-moz-left', '-moz-right', '-webkit-match-parent',
]);

const CENTERED: ReadonlySet<string> = new Set(['center', '-webkit-center', '-moz-center']);

/**
 * The values browsers accept for the properties emnews reads; a declaration
 * with any other value is dropped, so it cannot undo an earlier
 * `display: none`.
 */
function isValidStyle(property: string, value: string): boolean {
  if (GLOBAL_VALUES.has(value)) return property === 'display' || property === 'visibility' || property === 'text-align';
  if (property === 'visibility') return value === 'visible' || value === 'hidden' || value === 'collapse';
  if (property === 'text-align') return TEXT_ALIGN_VALUES.has(value);
  if (property !== 'display') return false;
  if (DISPLAY_VALUES.has(value)) return true;
  const words = value.split(' ');
  return words.length <= 3 && new Set(words).size === words.length && words.every((word) => DISPLAY_PARTS.has(word));
}

// A property name in CSS is the name as written, in any ASCII case, unless
// it uses an escape (`displ\61y`), which needs a backslash; `/i` without
// `u` folds ASCII letters only. Most styles (`border:…;padding:…`) fail this
// check and skip the tokenizer.
const WANTED_NAME = /display|visibility|text-align/i;

/** Whether `style` can set a property {@link styleFlags} reads: a necessary condition, cheap. */
function mayNameWanted(style: string): boolean {
  return style.includes('\\') || WANTED_NAME.test(style);
}

/**
 * Reads `style` as CSS does (comments, escapes, case, `!important`, the
 * last valid declaration wins), plus `hidden` (which a `display` in `style`
 * overrides, as author styles override the browser's) and `align`.
 */
export function styleFlags(name: string, attribs: Attributes): number {
  const style = attribs['style'];
  const values = style === undefined || !mayNameWanted(style) ? null : readDeclarations(style, isValidStyle);
  const display = values?.get('display');
  let flags = 0;
  if (display === 'none' || (display === undefined && Object.hasOwn(attribs, 'hidden'))) flags |= StyleFlag.Hidden;
  const visibility = values?.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') flags |= StyleFlag.Invisible;
  else if (visibility === 'visible' || visibility === 'initial') flags |= StyleFlag.Visible;
  // A `text-align` in `style` overrides `<center>` and `align`, as author styles do.
  const align = values?.get('text-align');
  const centered = align !== undefined ? CENTERED.has(align) : name === 'center' || attribs['align']?.trim().toLowerCase() === 'center';
  if (centered) flags |= StyleFlag.Centered;
  return flags;
}

/** Advertising: ad images, the `toplink` anchor, links to eastmoney's ad host. */
export function isAdvert(attribs: Attributes): boolean {
  const href = attribs['href'];
  return (
    hasClass(attribs, 'em_handle_adv_close') ||
    hasClass(attribs, 'toplink') ||
    (href !== undefined && AD_HOSTS.has(hostOf(href) ?? ''))
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
  // `%00` and the like clean to nothing: a glossary link without a term.
  if (glossary && cleanText(safeDecode(glossary[1]!)).trim() === '') return 'invalid';
  if (glossary && href !== null) {
    return { kind: 'glossary', market: null, code: cleanText(safeDecode(glossary[1]!)), secid: null, url: href };
  }
  if (hasClass(attribs, 'infokey')) return keywordRef(href, context);
  const dataCode = attribs['data-code'];
  if (dataCode !== undefined) return securityRef(dataCode, href, context);
  if (hasClass(attribs, 'keytip') || hasClass(attribs, 'em_stock_key_common')) return linkedSecurity(href, context);
  return null;
}

/** The `id` of a span that names a security (or a data keyword) for the link inside it, or for its own text. */
export function isContextId(id: string): boolean {
  return CONTEXT_ID.test(id) || KEYWORD_ID.test(id) || OLDER_ID.test(id) || US_ID.test(id);
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
  if (value.includes(',')) [market, code] = firstTwo(value, ',');
  else if (value.includes('|')) [code, market] = firstTwo(value, '|');
  else {
    code = value;
    if (!CODE.test(code)) return 'invalid';
    // Older pages: the market is in the element id or the link, for this code only.
    const known = [idSecurity(context), hrefSecurity(href)].find((ref) => ref !== null && ref.market !== null && ref.code === code);
    return known ?? security(null, code, href);
  }
  code = code?.trim();
  market = market?.trim();
  if (code === undefined || !CODE.test(code)) return 'invalid';
  if (market === undefined || market === '') return security(null, code, href);
  if (!MARKET.test(market)) return 'invalid';
  return security(Number(market), code);
}

/**
 * `value.split(separator, 2)` for a value that holds the separator, as a
 * tuple (destructuring split's array made `securityRef` 3 % of a long post).
 */
function firstTwo(value: string, separator: string): [string, string] {
  const first = value.indexOf(separator);
  const second = value.indexOf(separator, first + 1);
  return [value.slice(0, first), value.slice(first + 1, second === -1 ? value.length : second)];
}

/** A stock or board on a known market; without a market, an unresolved reference (never a guessed one) to `href`. */
function security(market: number | null, code: string, href: string | null = null): EntityRef {
  if (market === null) return { kind: 'unresolved', market: null, code, secid: null, url: href };
  const secid = `${market}.${code}`;
  const url = `https://quote.eastmoney.com/unify/r/${secid}`;
  return BOARD_CODE.test(code) ? { kind: 'board', market, code, secid, url } : { kind: 'stock', market, code, secid, url };
}

// Older and mobile markup (docs/format.md, "Older and mobile stock markup"): the market of
// a security is in the element id as a trailing digit (`stock_6007171`), in
// a US id's exchange (`stock_NASDAQ_AAPL7`), or in the form of the quote
// link (`/sh600000.html`, `/hk/00700.html`, `/quota/stock/index/013855`).
// Where none of them tells it, the reference is unresolved, never guessed.

/** `stock_<code><digit>`: the digit is the market (see {@link TRAILING_MARKETS}). */
const OLDER_ID = /^stock_([A-Za-z0-9]{1,32})(\d)$/;
/** `stock_<EXCHANGE>_<TICKER>7`: a US security on the named exchange. */
const US_ID = /^stock_(NASDAQ|NYSE|AMEX)_([A-Za-z0-9_-]{1,32})7$/i;
/** The trailing digit of older ids and mobile links: `null` where it says "US" but not the exchange. */
const TRAILING_MARKETS: ReadonlyMap<string, number | null> = new Map([['1', 1], ['2', 0], ['5', 116], ['7', null]]);
const US_MARKETS: ReadonlyMap<string, number> = new Map([['NASDAQ', 105], ['NYSE', 106], ['AMEX', 107]]);
const SECID = /^(\d{1,4})\.([A-Za-z0-9_-]{1,32})$/;
const US_MARKET_PARAM = /[?&]market=(nasdaq|nyse|amex)(?:[&#]|$)/i;

/** Quote links of older and mobile pages: what each form tells (a `null` market: the link does not say). */
const OLDER_HREFS: readonly { pattern: RegExp; read: (match: RegExpExecArray, href: string) => [number | null, string] }[] = [
  // quote.eastmoney.com/sh600000.html, /sz000001.html, /bj830799.html (Beijing shares market 0 with Shenzhen)
  { pattern: /^https?:\/\/quote\.eastmoney\.com\/(sh|sz|bj)(\d{6})\.html(?:[?#]|$)/i, read: (m) => [m[1]!.toLowerCase() === 'sh' ? 1 : 0, m[2]!] },
  { pattern: /^https?:\/\/quote\.eastmoney\.com\/hk\/(\d{5})\.html(?:[?#]|$)/i, read: (m) => [116, m[1]!] },
  // /us/AAPL.html?Market=NASDAQ: the exchange only from the query
  { pattern: /^https?:\/\/quote\.eastmoney\.com\/us\/([A-Za-z0-9_-]{1,32})\.html(?:[?#]|$)/i, read: (m, href) => [usMarket(href), m[1]!] },
  // wap.eastmoney.com/quota/stock/index/013855: code and trailing market digit, as the older ids
  { pattern: /^https?:\/\/(?:wap|m)\.eastmoney\.com\/quota\/stock\/index\/([A-Za-z0-9]{1,32})(\d)(?:[/?#]|$)/i, read: (m) => [trailingMarket(m[2]!), m[1]!] },
  // an index page (/ZS395022.html) and a fund page: the code, never the market
  { pattern: /^https?:\/\/quote\.eastmoney\.com\/zs(\d{6})\.html(?:[?#]|$)/i, read: (m) => [null, m[1]!] },
  { pattern: /^https?:\/\/fund\.eastmoney\.com\/(\d{6})\.html(?:[?#]|$)/i, read: (m) => [null, m[1]!] },
];

function trailingMarket(digit: string): number | null {
  return TRAILING_MARKETS.get(digit) ?? null;
}

function usMarket(href: string): number | null {
  const exchange = US_MARKET_PARAM.exec(href)?.[1];
  return exchange === undefined ? null : US_MARKETS.get(exchange.toUpperCase())!;
}

/** The security an element id names (`stock_0.000816`, `stock_6007171`, `stock_NYSE_WMT7`…), or `null` for other ids. */
function idSecurity(id: string | null): EntityRef | null {
  if (id === null) return null;
  const modern = CONTEXT_ID.exec(id);
  if (modern) return security(Number(modern[1]), modern[2]!);
  const us = US_ID.exec(id);
  if (us) return security(US_MARKETS.get(us[1]!.toUpperCase())!, us[2]!);
  const older = OLDER_ID.exec(id);
  return older ? security(trailingMarket(older[2]!), older[1]!) : null;
}

/** The security a quote link names, modern (`/r/0.000816`) or older, or `null` for other links. */
function hrefSecurity(href: string | null): EntityRef | null {
  if (href === null) return null;
  const quote = QUOTE_HREF.exec(href);
  if (quote) return security(Number(quote[1]), quote[2]!);
  for (const { pattern, read } of OLDER_HREFS) {
    const match = pattern.exec(href);
    if (match) {
      const [market, code] = read(match, href);
      return security(market, code, href);
    }
  }
  return null;
}

/**
 * A `keytip` link without `data-code`: the market from a modern quote link,
 * else the element id, else an older quote link naming the same code; with
 * none, an unresolved reference to the code either gives.
 */
function linkedSecurity(href: string | null, context: string | null): EntityRef | 'invalid' {
  const fromHref = hrefSecurity(href);
  if (fromHref !== null && href !== null && QUOTE_HREF.test(href)) return fromHref;
  const first = idSecurity(context) ?? fromHref;
  if (first === null) return 'invalid';
  if (first.market !== null) return first;
  if (fromHref !== null && fromHref.market !== null && fromHref.code.toUpperCase() === first.code.toUpperCase()) return fromHref;
  return security(null, first.code, href);
}

/**
 * What a span with a context id names when no link inside it does (older
 * pages: `<span id="stock_NASDAQ_EXMP7">示例公司</span>`, `<span id="Info.385">…</span>`):
 * a security from the id, or a data keyword without a link.
 */
export function spanRef(id: string): EntityRef | null {
  const keyword = KEYWORD_ID.exec(id);
  if (keyword) return { kind: 'keyword', market: null, code: keyword[1]!, secid: null, url: null };
  return idSecurity(id);
}

/** A list item's secid (`1.601068`), as the markup `data-code="1,601068"` would give it; a bare code is unresolved. */
export function secidRef(secid: string): EntityRef | 'invalid' {
  const text = secid.trim();
  const match = SECID.exec(text);
  if (match) return security(Number(match[1]), match[2]!);
  return CODE.test(text) ? security(null, text) : 'invalid';
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
