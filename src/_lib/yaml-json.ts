/**
 * YAML values as plain JSON data: fresh objects with own data properties,
 * clean strings, numbers with no JSON form kept as their YAML text.
 */

import type { JsonValue } from '../types.js';
import { cleanText } from './text.js';
import type { Warnings } from './warnings.js';

/** JSON characters per character of YAML that aliases may bring the data to (without aliases, YAML reads to at most 4.5: `{a,b}`). */
const ALIASED_JSON_PER_CHARACTER = 5;
/** And what they may add to any front matter (or key's block), however short. */
const ALIASED_JSON_ALLOWANCE = 1024;

/**
 * The longest JSON a front matter of `length` characters may read to when
 * it uses aliases: each alias copies its anchor's value, so a few
 * characters can stand for a long value. Past it the text is read as YAML
 * that aliases too much, by the flat reader and the library path alike.
 */
export function maxAliasedJson(length: number): number {
  return ALIASED_JSON_PER_CHARACTER * length + ALIASED_JSON_ALLOWANCE;
}

/**
 * The same for one key's block read alone in recovery (as `{"key": value}`),
 * without the allowance: a front matter of many keys, each read alone,
 * must stay within the bound of the whole.
 */
export function maxAliasedBlockJson(length: number): number {
  return ALIASED_JSON_PER_CHARACTER * length;
}

// Characters JSON writes as escapes: a string without any is its length and two quotes.
const ESCAPED = /["\\\0-\x1F\uD800-\uDFFF]/;

/** The length of `value` as JSON (anchors are mostly short strings, which need no serializer). */
export function jsonLength(value: unknown): number {
  if (typeof value === 'string' && !ESCAPED.test(value)) return value.length + 2;
  return JSON.stringify(value).length;
}

/** The warning's words for {@link maxAliasedJson}. */
export const COPY_MESSAGE = 'aliases copy more than the front matter may read to (5 characters of JSON per character, plus 1,024)';
/** The warning's words for a key that is a list or a mapping (`? [a, b]`). */
export const COLLECTION_KEY_MESSAGE = 'a key that is a list or mapping has no JSON form';

/** Deeper values cannot come from the readers (they stop at 64 levels); a cycle can, from the library's aliases. */
const MAX_DEPTH = 200;

/** Thrown for a value nested deeper than any YAML the readers accept: a cycle (`&a [*a]`). */
export class CyclicValue extends Error {}

/** Copies a YAML value (from `toJS` or the flat reader) into fresh plain JSON data. */
export function toJson(value: unknown, warnings: Warnings, line: number, depth = 0): JsonValue {
  if (depth > MAX_DEPTH) throw new CyclicValue('the YAML value refers to itself');
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return cleanString(value, warnings, line);
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value === 0 ? 0 : value;
      // Not reached: the readers keep the source text of such numbers.
      noteNonJson(Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf', warnings, line);
      return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'bigint':
      return value.toString();
    case 'object': {
      if (Array.isArray(value)) return value.map((item) => toJson(item, warnings, line, depth + 1));
      const out: { [key: string]: JsonValue } = {};
      const entries: Iterable<[unknown, unknown]> = value instanceof Map ? value : Object.entries(value);
      for (const [key, item] of entries) define(out, cleanString(String(key), warnings, line), toJson(item, warnings, line, depth + 1));
      return out;
    }
    default:
      return String(value);
  }
}

/** The warning for a number with no JSON form (`.inf`, `1e400`, `.NaN`), kept as its text. */
export function noteNonJson(source: string, warnings: Warnings, line: number): void {
  warnings.add('non-json-value', `the front matter number ${source} has no JSON form; kept as text`, { line: line + 1, column: 1 });
}

/** A front matter string without control characters (YAML escapes can write them). */
export function cleanString(value: string, warnings: Warnings, line: number): string {
  const clean = cleanText(value);
  if (clean !== value) {
    warnings.add('control-characters', 'removed control characters from a front matter string', { line: line + 1, column: 1 });
  }
  return clean;
}

/** Sets a key as an own data property, `__proto__` included. */
export function define<T>(target: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` would set the prototype instead; an assignment is much faster than defineProperty.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
