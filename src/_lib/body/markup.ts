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

/**
 * Reads `style` as CSS does (comments, escapes, case, `!important`, the
 * last valid declaration wins), plus `hidden` (which a `display` in `style`
 * overrides, as author styles override the browser's) and `align`.
 */
export function styleFlags(name: string, attribs: Attributes): number {
  const style = attribs['style'];
  const values = style === undefined ? null : readDeclarations(style, isValidStyle);
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
