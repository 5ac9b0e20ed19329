import { PostParseError } from '../errors.js';

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
      throw new PostParseError('invalid-option', `unknown option ${JSON.stringify(key)}; expected one of ${known.join(', ')}`);
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
