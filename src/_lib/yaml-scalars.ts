/**
 * One-line YAML scalars read exactly as the yaml library reads them with the
 * 1.2 core schema (its `schema/core` tags and `compose/resolve-flow-scalar`):
 * plain scalars resolved to null, booleans and numbers, and quoted scalars
 * with their escapes. Used by the flat front matter reader (flat-yaml.ts).
 */

/** A scalar's value; a number with no JSON form (`.inf`, `1e400`) is its source text, with `nonJson`. */
export interface ScalarValue {
  value: string | number | boolean | null;
  /** The source of a plain scalar read as a number or boolean (`+0800`, `1.50`, `True`). */
  source: string | null;
  nonJson: boolean;
}

// The core schema's tests, in its order (null, bool, 0o, int, 0x, .inf/.nan, exp, float).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const HEX = /^[0-9a-fA-F]+$/;

const NULL_VALUE: ScalarValue = { value: null, source: null, nonJson: false };
const NULL_OR_BOOL = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)?$/;

/** Whether a plain scalar starting with a letter, `_` or `<` reads as a string (not null or a boolean). */
export function isStringKey(text: string): boolean {
  return !NULL_OR_BOOL.test(text);
}

/** The core schema's reading of a plain scalar; `null` when it is the string `text` itself. */
export function resolvePlain(text: string): ScalarValue | null {
  // Every form but a string starts with a digit, `+`, `-`, `.`, `~`, or n/N/t/T/f/F (or is empty).
  const first = text.charCodeAt(0);
  if (first > 0x39 && first !== 0x7e && !'nNtTfF'.includes(text.charAt(0))) return null;
  const decimal = decimalInteger(text);
  if (decimal !== null) return decimal;
  if (NULL.test(text)) return NULL_VALUE;
  if (BOOL.test(text)) return { value: text.charAt(0) === 't' || text.charAt(0) === 'T', source: text, nonJson: false };
  let number: number | null = null;
  if (INT_OCT.test(text)) number = parseInt(text.slice(2), 8);
  else if (INT.test(text)) number = parseInt(text, 10);
  else if (INT_HEX.test(text)) number = parseInt(text.slice(2), 16);
  else if (FLOAT_NAN.test(text)) number = text.slice(-3).toLowerCase() === 'nan' ? NaN : text.charAt(0) === '-' ? -Infinity : Infinity;
  else if (FLOAT_EXP.test(text) || FLOAT.test(text)) number = parseFloat(text);
  if (number === null) return null;
  if (!Number.isFinite(number)) return { value: text, source: text, nonJson: true };
  return { value: number === 0 ? 0 : number, source: text, nonJson: false };
}

/** `[-+]?[0-9]+` (the core schema's `int`, which no earlier test matches), read without a regular expression. */
function decimalInteger(text: string): ScalarValue | null {
  const first = text.charCodeAt(0);
  let i = first === 0x2b || first === 0x2d ? 1 : 0;
  if (i === text.length) return null;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  const number = parseInt(text, 10);
  if (!Number.isFinite(number)) return { value: text, source: text, nonJson: true };
  return { value: number === 0 ? 0 : number, source: text, nonJson: false };
}

/** What reading a quoted scalar gave: its value and the offset after its closing quote. */
export type Quoted = { value: string; end: number } | 'invalid' | 'unsupported';

/** A `'…'` scalar starting at `start`; `'unsupported'` when it does not close on this line. */
export function readSingleQuoted(line: string, start: number): Quoted {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = line.indexOf("'", from);
    if (quote === -1) return 'unsupported';
    value += line.slice(from, quote);
    if (line.charCodeAt(quote + 1) !== 0x27) return { value, end: quote + 1 };
    value += "'";
    from = quote + 2;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * A `"…"` scalar starting at `start`: `'invalid'` for an escape YAML does
 * not know (`\q`, `\xZZ`, `\UFFFFFFFF`), `'unsupported'` when it does not
 * close on this line (a multi-line scalar folds its lines). It ends, as in
 * the library's lexer, at the first `"` after an even number of backslashes.
 */
export function readDoubleQuoted(line: string, start: number): Quoted {
  let end = line.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (line.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) break;
    end = line.indexOf('"', end + 1);
  }
  if (end === -1) return 'unsupported';
  const source = line.slice(start, end + 1);
  let value = '';
  let from = 1;
  for (let i = 1; i < source.length - 1; i++) {
    if (source.charCodeAt(i) !== 0x5c) continue;
    value += source.slice(from, i);
    const next = source.charAt(++i);
    const length = HEX_LENGTH[next];
    if (Object.hasOwn(ESCAPES, next)) {
      value += ESCAPES[next];
    } else if (length !== undefined) {
      const digits = source.substr(i + 1, length);
      const point = digits.length === length && HEX.test(digits) ? parseInt(digits, 16) : NaN;
      if (!(point <= 0x10ffff)) return 'invalid';
      value += String.fromCodePoint(point);
      i += length;
    } else {
      return 'invalid';
    }
    from = i + 1;
  }
  return { value: value + source.slice(from, Math.max(from, source.length - 1)), end: end + 1 };
}
