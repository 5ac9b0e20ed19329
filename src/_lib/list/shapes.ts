/**
 * The list responses emnews reads, as a table: where each keeps its items
 * and which item fields mean what. A response is read only when exactly
 * one shape matches it; anything else fails loudly (`unknown-list-shape`),
 * since the endpoints change shape often and a guess would read garbage.
 */

import { PostParseError } from '../../errors.js';
import type { NewsListFormat } from '../../types.js';

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

/** Reads an own property, or `undefined` (also for a value whose getter throws). */
export function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  try {
    return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** An item of the per-stock list: it has `Art_…` fields. */
function isArticleItem(value: unknown): boolean {
  return field(value, 'Art_Code') !== undefined || field(value, 'Art_Title') !== undefined;
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

/** `value` when it is an array whose objects all pass `test` (and, with `nonEmpty`, has one). */
function whereAll(value: unknown, test: (item: unknown) => boolean, nonEmpty = false): unknown {
  if (!Array.isArray(value)) return undefined;
  const objects = value.filter((item) => item !== null && typeof item === 'object');
  if (nonEmpty && objects.length === 0) return undefined;
  return objects.every(test) ? value : undefined;
}

/** The one shape `root` has; throws `unknown-list-shape` for none, or more than one. */
export function findShape(root: unknown): Shape {
  const found: Shape[] = [];
  for (const { format, fields, find } of SHAPES) {
    const items = find(root);
    if (items === undefined) continue;
    if (!Array.isArray(items)) throw unknown(root, `its ${format} items are not a list`);
    if (!found.some((shape) => shape.items === items)) found.push({ format, items, fields });
  }
  if (found.length === 1) return found[0]!;
  throw unknown(root, found.length === 0 ? 'it matches no known list' : `it matches more than one (${found.map((s) => s.format).join(', ')})`);
}

function unknown(root: unknown, why: string): PostParseError {
  let keys = '';
  try {
    keys = root !== null && typeof root === 'object' && !Array.isArray(root) ? Object.keys(root).slice(0, 8).join(', ') : '';
  } catch {
    // a hostile object: no keys to name
  }
  const what = Array.isArray(root) ? 'an array' : root === null ? 'null' : typeof root === 'object' ? `an object with keys ${keys || '(none)'}` : `a ${typeof root}`;
  return new PostParseError(
    'unknown-list-shape',
    `the response is ${what}: ${why} (rolling LivesList, data.fastNewsList, data.list, Art_… items, result.cmsArticleWebOld)`,
  );
}
