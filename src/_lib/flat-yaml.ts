/**
 * The common case of front matter, read without the YAML library: a flat
 * mapping of one-line scalars, as every post in the archive writes it
 * (`title: "…"`, `date: 2022-05-23 17:03:48 +0800`, `categories: emnews`).
 *
 * It reads only what it can read exactly as the YAML 1.2 core schema does,
 * and answers `null` for anything else (numbers, escapes, comments after a
 * value, nesting, anchors, tags, duplicate keys…), which then goes to the
 * YAML library. The repository's tests check it against the library.
 */

import type { FrontMatter, JsonValue } from '../types.js';

// `key: value`: a simple key at column 0, a colon, then a space or the end.
const LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,100}):(?:[ ]+(.*))?$/;
// A plain scalar that cannot be read as anything but a string: no indicator
// at the start, no `: ` or ` #` inside, no `:` at the end, no tab.
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:[^:#\t]|:(?! |$)|(?<! )#)*$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
// Everything outside printable text: controls, DEL, C1, surrogates, and the
// byte order mark, which YAML treats specially.
const UNUSUAL = /[\0-\x08\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF]/;
// Core schema scalars that are not strings: left to the library, which also
// keeps their exact numeric reading.
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
// A superset of the core schema's int, float, octal, hex, .inf and .nan.
const NUMBER = /^(?:[-+]?(?:[0-9]+|\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The data and the source text of scalars, or `null` when the text is not this simple. */
export function readFlatMapping(text: string): { data: FrontMatter; sources: Record<string, string> } | null {
  if (UNUSUAL.test(text)) return null;
  const data: FrontMatter = {};
  const sources: Record<string, string> = {};
  const seen = new Set<string>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const match = LINE.exec(line);
    if (!match) return null;
    const key = match[1]!;
    // Keys the core schema reads as null or booleans, and duplicates, go to the library.
    if (seen.has(key) || NULL.test(key) || TRUE.test(key) || FALSE.test(key)) return null;
    seen.add(key);
    const raw = (match[2] ?? '').replace(/ +$/, '');
    const value = readScalar(raw);
    if (value === undefined) return null;
    Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
    if (typeof value === 'boolean') Object.defineProperty(sources, key, { value: raw, enumerable: true, writable: true, configurable: true });
  }
  return { data, sources };
}

/** A one-line scalar's value, or `undefined` when the YAML library should read it. */
function readScalar(raw: string): JsonValue | undefined {
  if (raw === '' || NULL.test(raw)) return null;
  const first = raw.charCodeAt(0);
  if (first === 34 /* " */) return DOUBLE_QUOTED.exec(raw)?.[1];
  if (first === 39 /* ' */) return SINGLE_QUOTED.exec(raw)?.[1];
  if (!PLAIN.test(raw)) return undefined;
  if (TRUE.test(raw)) return true;
  if (FALSE.test(raw)) return false;
  // Numbers (`1.50`, `+0800`, `0x1F`, `.inf`) are left to the library, which
  // keeps their exact reading; dates (`2022-05-23 17:03:48 +0800`) are strings.
  return NUMBER.test(raw) ? undefined : raw;
}
