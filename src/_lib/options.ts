import { PostParseError } from '../errors.js';
import { quoted } from './text.js';
import { isZoneName } from './time-zone.js';
import { resolveUrl } from './url.js';

/** The default of `options.maxInputBytes`: 10 MiB. */
export const DEFAULT_MAX_INPUT_BYTES: number = 10 * 1024 * 1024;

/**
 * Checks that `options` is undefined or an object with only `known` keys,
 * so a misspelt option fails loudly instead of being ignored, and reads each
 * known option once, by property access (inherited properties count). What
 * a getter or a Proxy trap of the caller's object throws reaches the caller
 * unchanged: it is their error, not a problem with a post.
 */
export function checkOptions<T extends object>(options: T | undefined, known: readonly string[]): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new PostParseError('invalid-option', 'options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new PostParseError('invalid-option', `unknown option ${quoted(key)}; expected one of ${known.join(', ')}`);
    }
  }
  const values: Record<string, unknown> = {};
  for (const key of known) values[key] = (options as Record<string, unknown>)[key];
  return values as Partial<T>;
}

export function checkString(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new PostParseError('invalid-option', `${name} must be a string`);
}

export function checkBoolean(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  throw new PostParseError('invalid-option', `${name} must be a boolean`);
}

/** Checks `baseUrl`: an absolute `http`/`https` address, or undefined (`null` then). */
export function checkBaseUrl(value: unknown): string | null {
  if (value === undefined) return null;
  const url = typeof value === 'string' ? resolveUrl(value) : null;
  if (url === null || typeof url === 'string') {
    const got = typeof value === 'string' ? quoted(value) : `a ${typeof value}`;
    throw new PostParseError('invalid-option', `baseUrl must be an absolute http(s) address, got ${got}`);
  }
  return url.href;
}

/** Checks `maxInputBytes` and returns it, or the default when undefined. */
export function checkMaxInputBytes(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_BYTES;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    const got = typeof value === 'number' ? String(value) : `a ${typeof value}`;
    throw new PostParseError('invalid-option', `maxInputBytes must be a non-negative number, got ${got}`);
  }
  return value;
}

/**
 * Checks `timeZone`: an IANA zone name the runtime knows (`Asia/Shanghai`,
 * `UTC`, `Etc/GMT-8`), or undefined (`fallback` then). Offsets such as
 * `+08:00`, `''` and other text are not zone names.
 */
export function checkTimeZone(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && isZoneName(value)) return value;
  const got = typeof value === 'string' ? quoted(value) : `(a ${typeof value})`;
  throw new PostParseError('invalid-option', `unknown timeZone ${got}: expected an IANA time zone name such as "Asia/Shanghai" or "UTC"`);
}

/**
 * The Encoding Standard's encoding names (lower case). A label the runtime
 * refuses is `unsupported-encoding` when it is one of these (the runtime
 * lacks that decoder), `invalid-option` otherwise.
 */
const ENCODING_NAMES = new Set(
  ('utf-8 ibm866 iso-8859-2 iso-8859-3 iso-8859-4 iso-8859-5 iso-8859-6 iso-8859-7 iso-8859-8 iso-8859-8-i ' +
    'iso-8859-10 iso-8859-13 iso-8859-14 iso-8859-15 iso-8859-16 koi8-r koi8-u macintosh windows-874 windows-1250 ' +
    'windows-1251 windows-1252 windows-1253 windows-1254 windows-1255 windows-1256 windows-1257 windows-1258 ' +
    'x-mac-cyrillic gbk gb2312 gb18030 big5 euc-jp iso-2022-jp shift_jis euc-kr utf-16be utf-16le x-user-defined').split(' '),
);

/**
 * Checks `encoding` and returns the runtime's name for it (`'utf-8'`,
 * `'gbk'`, `'utf-16le'`…), `'utf-8'` when undefined.
 */
export function checkEncoding(value: unknown): string {
  if (value === undefined) return 'utf-8';
  if (typeof value !== 'string') throw new PostParseError('invalid-option', `encoding must be a string, got a ${typeof value}`);
  try {
    return new TextDecoder(value).encoding;
  } catch {
    const label = value.trim().toLowerCase();
    if (ENCODING_NAMES.has(label)) {
      throw new PostParseError('unsupported-encoding', `this runtime's TextDecoder cannot decode ${quoted(value)}`);
    }
    throw new PostParseError('invalid-option', `encoding must be a label TextDecoder knows, such as "utf-8" or "gbk", got ${quoted(value)}`);
  }
}
