/**
 * The list responses emnews reads, as a table: where each keeps its items
 * and which item fields mean what. A response is read only when exactly
 * one shape matches it; anything else fails loudly (`unknown-list-shape`),
 * since the endpoints change shape often and a guess would read garbage.
 */

import { PostParseError } from '../../errors.js';
import type { NewsListFormat } from '../../types.js';
import { quoted } from '../text.js';

/** Which item fields carry each value; the first present one wins. */
export interface Fields {
  code: readonly string[];
  title: readonly string[];
  summary: readonly string[];
  date: readonly string[];
  source: readonly string[];
  url: readonly string[];
  stocks: readonly string[];
  /** Whether title and summary are HTML (search highlights: `<em>…</em>`). */
  html: boolean;
}

/** A recognized response: its format, its items as given, and their fields. */
export interface Shape {
  format: NewsListFormat;
  items: unknown[];
  fields: Fields;
}

const ROLLING: Fields = {
  code: ['id', 'newsid'], title: ['title'], summary: ['digest'], date: ['showtime', 'ordertime'],
  source: [], url: ['url_w', 'url_m'], stocks: [], html: false,
};
const FAST_NEWS: Fields = {
  code: ['code'], title: ['title'], summary: ['summary'], date: ['showTime'], source: [], url: [], stocks: ['stockList'], html: false,
};
const COLUMN: Fields = {
  code: ['code'], title: ['title'], summary: ['summary'], date: ['showTime'], source: ['mediaName'], url: ['url', 'uniqueUrl'],
  stocks: ['stockList'], html: false,
};
const PER_STOCK: Fields = {
  code: ['Art_Code'], title: ['Art_Title'], summary: [], date: ['Art_ShowTime'], source: ['Art_MediaName'],
  url: ['Art_Url', 'Art_OriginUrl'], stocks: [], html: false,
};
const SEARCH: Fields = {
  code: ['code'], title: ['title'], summary: ['content'], date: ['date'], source: ['mediaName'], url: ['url'], stocks: [], html: true,
};

/**
 * The caller's parsed JSON could not be read: a revoked Proxy, or a getter
 * or Proxy trap that threw. That is not JSON data: `invalid-input`, with the
 * caller's message (an item that cannot be read is skipped with a warning).
 * Every read of parsed input goes through `field`, `listOf` or `itemRecord`,
 * which turn such a throw into this error.
 */
export function unreadable(error: unknown): PostParseError {
  let why: string;
  try {
    why = quoted(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  } catch {
    why = 'a value that cannot be described';
  }
  return new PostParseError('invalid-input', `a revoked Proxy, a getter or a Proxy trap threw ${why} while the parsed JSON was read`);
}

/** Whether `value` is an array (a revoked Proxy cannot tell). */
function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch (error) {
    throw unreadable(error);
  }
}

/** Reads an own property of an object (not an array), or `undefined`. */
export function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || isArray(value)) return undefined;
  try {
    return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * A copy of `value`'s elements when it is an array, each read once; else
 * `undefined`. Holes are skipped, and after the first one only the
 * elements present are visited: `[]` with `length` 2³² − 1 costs nothing.
 */
export function listOf(value: unknown): unknown[] | undefined {
  if (value === null || typeof value !== 'object' || !isArray(value)) return undefined;
  const array = value as unknown[];
  const list: unknown[] = [];
  try {
    const length = array.length;
    for (let i = 0; i < length; i++) {
      if (!(i in array)) {
        for (const key of Object.keys(array)) if (INDEX.test(key) && Number(key) > i && Number(key) < length) list.push(array[Number(key)]);
        break;
      }
      list.push(array[i]);
    }
  } catch (error) {
    throw unreadable(error);
  }
  return list;
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The fields of `fields` an item has, read once into plain data (its stock
 * list copied), or `null` when it is no object. The fields that decided the
 * shape are read again, so an item that could not be read then (and had no
 * say in the shape) cannot be read now either, and is reported.
 */
export function itemRecord(item: unknown, fields: Fields): Record<string, unknown> | null {
  if (item === null || typeof item !== 'object' || isArray(item)) return null;
  const record = Object.create(null) as Record<string, unknown>;
  for (const keys of [ARTICLE_KEYS, fields.code, fields.title, fields.summary, fields.date, fields.source, fields.url, fields.stocks]) {
    for (const key of keys) record[key] = field(item, key);
  }
  for (const key of fields.stocks) record[key] = listOf(record[key]) ?? record[key];
  return record;
}

/** The fields that tell a per-stock item (`Art_…`) from a column's. */
const ARTICLE_KEYS: readonly string[] = ['Art_Code', 'Art_Title'];

/** An item of the per-stock list: it has `Art_…` fields. */
function isArticleItem(value: unknown): boolean {
  return ARTICLE_KEYS.some((key) => field(value, key) !== undefined);
}

/** Where each shape keeps its items: an array, or `undefined` when the response is not of that shape. */
const SHAPES: readonly { format: NewsListFormat; fields: Fields; find: (root: unknown) => unknown }[] = [
  { format: 'rolling', fields: ROLLING, find: (root) => field(root, 'LivesList') },
  { format: 'fast-news', fields: FAST_NEWS, find: (root) => field(field(root, 'data'), 'fastNewsList') },
  { format: 'search', fields: SEARCH, find: (root) => field(field(root, 'result'), 'cmsArticleWebOld') },
  // `data.list` holds a column's items, or a stock's (`Art_…` fields): all of one kind.
  { format: 'column', fields: COLUMN, find: (root) => whereAll(field(field(root, 'data'), 'list'), (item) => !isArticleItem(item)) },
  { format: 'per-stock', fields: PER_STOCK, find: (root) => whereAll(field(field(root, 'data'), 'list'), isArticleItem, true) },
  // A bare array of per-stock items, or one item on its own.
  { format: 'per-stock', fields: PER_STOCK, find: (root) => (isArticleItem(root) ? [root] : whereAll(root, isArticleItem, true)) },
];

/** `value` when it is an array whose readable objects all pass `test` (and, with `nonEmpty`, has one). */
function whereAll(value: unknown, test: (item: unknown) => boolean, nonEmpty = false): unknown {
  const list = listOf(value);
  if (list === undefined) return undefined;
  // Items that are not objects, or cannot be read, have no say: they are skipped later with a warning.
  const votes = list.map((item) => vote(item, test)).filter((passed) => passed !== null);
  if (nonEmpty && votes.length === 0) return undefined;
  return votes.every(Boolean) ? value : undefined;
}

function vote(item: unknown, test: (item: unknown) => boolean): boolean | null {
  if (item === null || typeof item !== 'object') return null;
  try {
    return test(item);
  } catch (error) {
    if (error instanceof PostParseError) return null;
    throw error;
  }
}

/** The one shape `root` has; throws `unknown-list-shape` for none, or more than one. */
export function findShape(root: unknown): Shape {
  const found: (Shape & { value: unknown })[] = [];
  for (const { format, fields, find } of SHAPES) {
    const value = find(root);
    if (value === undefined) continue;
    const items = listOf(value);
    if (items === undefined) throw unknown(root, `its ${format} items are not a list`);
    if (!found.some((shape) => shape.value === value)) found.push({ format, items, fields, value });
  }
  if (found.length === 1) return found[0]!;
  throw unknown(root, found.length === 0 ? 'it matches no known list' : `it matches more than one (${found.map((s) => s.format).join(', ')})`);
}

function unknown(root: unknown, why: string): PostParseError {
  let what = root === null ? 'null' : typeof root === 'object' ? 'an object with keys (none)' : `a ${typeof root}`;
  try {
    if (Array.isArray(root)) what = 'an array';
    else if (root !== null && typeof root === 'object') what = `an object with keys ${Object.keys(root).slice(0, 8).join(', ') || '(none)'}`;
  } catch {
    // a hostile object: no keys to name
  }
  return new PostParseError(
    'unknown-list-shape',
    `the response is ${what}: ${why} (rolling LivesList, data.fastNewsList, data.list, Art_… items, result.cmsArticleWebOld)`,
  );
}
