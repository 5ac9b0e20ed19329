import { PostParseError } from './errors.js';
import { DEFAULT_TIME_ZONE } from './_lib/date.js';
import { readInput } from './_lib/input.js';
import { itemCode, readItem } from './_lib/list/items.js';
import { readJsonResponse } from './_lib/list/json-text.js';
import { findShape, itemRecord, unreadable } from './_lib/list/shapes.js';
import { checkBaseUrl, checkBoolean, checkEncoding, checkMaxInputBytes, checkOptions, checkTimeZone } from './_lib/options.js';
import { quoted } from './_lib/text.js';
import { createWarnings } from './_lib/warnings.js';
import type { NewsItem, NewsList } from './types.js';

/**
 * Options of {@link parseNewsList}.
 *
 * @example
 * ```ts
 * const options: NewsListOptions = { timeZone: 'Asia/Shanghai', baseUrl: 'https://finance.eastmoney.com/' };
 * ```
 */
export interface NewsListOptions {
  /**
   * Throw the first warning as a {@link PostParseError} instead of recovering.
   * @default false
   */
  strict?: boolean;
  /**
   * Refuse text or bytes larger than this many UTF-8 bytes, before any
   * parsing (already-parsed JSON is not measured).
   * @default 10485760 (10 MiB)
   */
  maxInputBytes?: number;
  /**
   * The IANA time zone of the items' times, which the endpoints write
   * without an offset. Resolved with the runtime's `Intl` zone data, never
   * the host's zone, exactly as {@link ParseOptions.timeZone}.
   * @default 'Asia/Shanghai'
   */
  timeZone?: string;
  /**
   * The absolute `http`/`https` address relative item addresses resolve
   * against; without it they are dropped with a `relative-url` warning.
   * @default undefined
   */
  baseUrl?: string;
  /**
   * The character encoding of `input` given as bytes, as {@link BodyOptions.encoding}.
   * @default 'utf-8'
   */
  encoding?: string;
}

const LIST_OPTION_NAMES: readonly string[] = ['strict', 'maxInputBytes', 'timeZone', 'baseUrl', 'encoding'];

/**
 * Parses a response of eastmoney's news list endpoints: the rolling list
 * (`var ajaxResult={…"LivesList":[…]}`), fast news (`data.fastNewsList`), a
 * column's list (`data.list`), a stock's list (`Art_…` items) and the
 * search JSONP (`jQuery…({"result":{"cmsArticleWebOld":[…]}})`). JSONP and
 * `var x=` wrappers are unwrapped by a scanner, never evaluated. Each item
 * gets the fields a {@link Post} has, in the same shapes; `stockList`
 * secids become typed entities.
 *
 * @param input - The response body as text or bytes (UTF-8 unless
 *   `options.encoding` says otherwise), or its JSON
 *   value when already parsed.
 * @param options - See {@link NewsListOptions}.
 * @returns The format recognized, the items in response order (a repeated
 *   code collapses to its first item, with a `duplicate-item` warning) and
 *   the warnings.
 * @throws {@link PostParseError} `invalid-json` (with line and column) for
 *   text that is not JSON or JSONP, `unknown-list-shape` for JSON of any
 *   other shape (never guessed at), the input errors of {@link parsePost},
 *   `invalid-option`, or (with `strict`) the first warning.
 *
 * @example
 * ```ts
 * import { parseNewsList } from 'emnews';
 *
 * const list = parseNewsList(
 *   '{"code":"1","data":{"fastNewsList":[{"code":"202606160000000001","title":"示例公司快速回调",' +
 *     '"summary":"示例公司盘中快速回调。","showTime":"2026-06-16 14:09:57","stockList":["1.600001"]}]}}',
 * );
 * list.format; // 'fast-news'
 * list.items[0]?.title; // '示例公司快速回调'
 * list.items[0]?.date?.utc; // '2026-06-16T06:09:57.000Z'
 * list.items[0]?.articleId; // '202606160000000001'
 * list.items[0]?.entities[0]?.secid; // '1.600001'
 * ```
 */
export function parseNewsList(input: string | Uint8Array | object, options?: NewsListOptions): NewsList {
  const checked = checkOptions(options, LIST_OPTION_NAMES);
  const strict = checkBoolean('strict', checked.strict);
  const maxInputBytes = checkMaxInputBytes(checked.maxInputBytes);
  const timeZone = checkTimeZone(checked.timeZone, DEFAULT_TIME_ZONE);
  const encoding = checkEncoding(checked.encoding);
  const baseUrl = checkBaseUrl(checked.baseUrl);

  const root = typeof input === 'string' || isBytes(input) ? readJsonResponse(readInput(input, maxInputBytes, encoding)) : parsed(input);
  const shape = findShape(root);
  const warnings = createWarnings(strict);
  const items: NewsItem[] = [];
  const seen = new Map<string, number>();
  shape.items.forEach((raw, index) => {
    const place = index + 1;
    let item: Record<string, unknown> | null;
    try {
      item = itemRecord(raw, shape.fields);
    } catch (error) {
      if (!(error instanceof PostParseError)) throw error;
      warnings.add('invalid-list-item', `item ${place} cannot be read (${error.message}); skipped`);
      return;
    }
    if (item === null) {
      warnings.add('invalid-list-item', `item ${place} is ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`}, not an object; skipped`);
      return;
    }
    const code = itemCode(item, shape.fields);
    const first = code === null ? undefined : seen.get(code);
    if (first !== undefined) {
      warnings.add('duplicate-item', `item ${place} repeats the code ${quoted(code!)} of item ${first}; kept item ${first}`);
      return;
    }
    if (code !== null) seen.set(code, place);
    items.push(readItem(item, shape.fields, place, { timeZone, baseUrl, warnings }));
  });
  return { format: shape.format, items, warnings: warnings.list };
}

/** A `Uint8Array` or a Proxy around one (which `readInput` refuses), asked without letting a revoked Proxy throw. */
function isBytes(input: unknown): boolean {
  try {
    return input instanceof Uint8Array;
  } catch (error) {
    throw unreadable(error);
  }
}

/** Already-parsed JSON: an object or an array; anything else is not a response. */
function parsed(input: unknown): unknown {
  if (input !== null && typeof input === 'object') return input;
  const got = input === null ? 'null' : `a ${typeof input}`;
  throw new PostParseError('invalid-input', `expected a string, a Uint8Array or parsed JSON (an object or an array), got ${got}`);
}
