/**
 * One list item to a {@link NewsItem}: text cleaned as body text is, the
 * date through the same `readDate` as posts, the address through the same
 * URL reading, `stockList` secids through the same entity rules as
 * `data-code` in the markup.
 */

import type { NewsItem, PostUrl, Source } from '../../types.js';
import { readTrailingOutlet } from '../attribution.js';
import { EntityRegistry } from '../body/entities.js';
import { htmlText, plainText } from '../body/html-text.js';
import { secidRef } from '../body/markup.js';
import { readDate } from '../date.js';
import { cleanText, quoted } from '../text.js';
import { describeUrlProblem, readPostUrl, resolveUrl } from '../url.js';
import type { Warnings } from '../warnings.js';
import { field, type Fields } from './shapes.js';

const ARTICLE_ID = /^\d{18}$/;

/** How items are read. */
export interface ItemContext {
  timeZone: string;
  baseUrl: string | null;
  warnings: Warnings;
}

/** The first of `keys` that `item` has as text (numbers as written in JSON), or `null`. */
function textField(item: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = field(item, key);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

/** The item's code (`code`, `id`, `Art_Code`): what duplicates share. */
export function itemCode(item: unknown, fields: Fields): string | null {
  const code = textField(item, fields.code);
  return code === null || code.trim() === '' ? null : cleanText(code.trim());
}

/** Reads item number `place` (1-based, for warnings). */
export function readItem(item: unknown, fields: Fields, place: number, context: ItemContext): NewsItem {
  const { warnings } = context;
  const where = `item ${place}`;
  const text = (keys: readonly string[], what: string): string => {
    const raw = textField(item, keys) ?? '';
    if (cleanText(raw) !== raw) warnings.add('control-characters', `removed control characters from the ${what} of ${where}`);
    return fields.html ? htmlText(raw) : plainText(raw);
  };

  const title = text(fields.title, 'title');
  if (title === '') warnings.add('empty-title', `${where} has no title`);
  const summary = withoutTitlePrefix(text(fields.summary, 'summary'), title) || null;
  const date = readItemDate(textField(item, fields.date), where, context);
  const url = readItemUrl(textField(item, fields.url), where, context);
  const code = itemCode(item, fields);
  const mediaName = plainText(textField(item, fields.source) ?? '');
  const source: Source | null =
    mediaName !== '' ? { name: mediaName, text: mediaName, from: 'list' } : summary === null ? null : readTrailingOutlet(summary);
  return {
    title,
    date,
    summary,
    source,
    url,
    articleId: code !== null && ARTICLE_ID.test(code) ? code : (url?.articleId ?? null),
    entities: readStocks(field(item, fields.stocks[0] ?? ''), where, warnings),
  };
}

/** A digest's `【title】` prefix (the rolling list's) goes when it repeats the title. */
function withoutTitlePrefix(summary: string, title: string): string {
  if (title === '' || !summary.startsWith('【')) return summary;
  const end = summary.indexOf('】');
  return end !== -1 && summary.slice(1, end).trim() === title ? summary.slice(end + 1).trim() : summary;
}

function readItemDate(raw: string | null, where: string, { timeZone, warnings }: ItemContext): NewsItem['date'] {
  const date = raw === null ? 'missing' : readDate(raw, timeZone, 'list');
  if (typeof date !== 'string') return date;
  if (date === 'missing') warnings.add('missing-date', `${where} has no date; date is null`);
  else warnings.add('invalid-date', `the date ${quoted(raw ?? '')} of ${where} is not a valid date; date is null`);
  return null;
}

function readItemUrl(raw: string | null, where: string, { baseUrl, warnings }: ItemContext): PostUrl | null {
  if (raw === null || raw.trim() === '') return null;
  const resolved = resolveUrl(raw, baseUrl);
  const url = typeof resolved === 'string' ? resolved : readPostUrl(resolved.href);
  if (typeof url !== 'string') return url;
  warnings.add(url, `dropped the address ${quoted(raw)} of ${where}: it ${describeUrlProblem(url)}`);
  return null;
}

/** `stockList: ["1.601068"]` → entities, unique, in list order; unreadable entries are warnings. */
function readStocks(list: unknown, where: string, warnings: Warnings): NewsItem['entities'] {
  const registry = new EntityRegistry();
  if (!Array.isArray(list)) return registry.list;
  const unresolved = new Set<string>();
  for (const entry of list) {
    const ref = typeof entry === 'string' ? secidRef(entry) : 'invalid';
    if (ref === 'invalid') {
      const what = typeof entry === 'string' ? quoted(entry) : `(${entry === null ? 'null' : `a ${typeof entry}`})`;
      warnings.add('invalid-data-code', `cannot read the security ${what} of ${where}`);
      continue;
    }
    if (ref.kind === 'unresolved' && !unresolved.has(ref.code)) {
      unresolved.add(ref.code);
      warnings.add('unknown-market', `the market of the security ${quoted(ref.code)} of ${where} is not given; its secid is null`);
    }
    registry.add(ref, '', false);
  }
  return registry.list;
}
