import { PostParseError } from '../errors.js';
import { quoted } from './text.js';
import { resolveUrl } from './url.js';

/**
 * Checks that `options` is undefined or an object with only `known` keys,
 * so a misspelt option fails loudly instead of being ignored.
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
  return options;
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
    throw new PostParseError('invalid-option', `baseUrl must be an absolute http(s) address, got ${quoted(String(value))}`);
  }
  return url.href;
}
