/**
 * Reads the YAML front matter into plain JSON data, recovering what a broken
 * block still says. Knows nothing of HTML.
 */

import { isMap, isScalar, parseDocument, type Document, type YAMLError } from 'yaml';
import { PostParseError } from '../errors.js';
import type { FrontMatter, JsonValue } from '../types.js';
import { readFlatMapping } from './flat-yaml.js';
import type { Piece } from './layout.js';
import { cleanText, quoted } from './text.js';
import type { Position, Warnings } from './warnings.js';

// YAML 1.2 core schema: dates stay strings, `<<` is an ordinary key,
// unknown tags are warnings and YAML 1.1 tags (`!!timestamp`, `!!binary`)
// are unknown tags, so their values stay the text they are. Aliases are capped against "billion laughs".
const YAML_OPTIONS = { schema: 'core', merge: false, resolveKnownTags: false, maxAliasCount: 100, prettyErrors: false } as const;
// YAML nests by recursion; deeper input is read as raw text, never parsed
// (a stack overflow inside yaml can leave V8's regexp engine unusable).
const MAX_NESTING = 64;
const KEY_LINE = /^([^\s#:'"{[\]},&*!|>%@`-][^:]*):(?:[ \t]|$)/;
const SKIPPABLE = /^[ \t]*(?:#.*)?$/;

/** The front matter data, and the source text of each top-level scalar. */
export interface FrontMatterResult {
  data: FrontMatter;
  /** `date:  +0800` reads as the number 800; its source `+0800` is kept here. */
  sources: Record<string, string>;
}

/** Reads a front matter block; never throws for bad YAML. */
export function readFrontMatter(piece: Piece, warnings: Warnings): FrontMatterResult {
  const flat = readFlatMapping(piece.text);
  if (flat !== null) return flat;
  if (tooDeep(piece.text)) return recover(piece, warnings, { message: `the YAML nests deeper than ${MAX_NESTING} levels` });
  const doc = parseDocument(piece.text, YAML_OPTIONS);
  if (doc.errors.length === 0) {
    let value: JsonValue;
    try {
      value = toJson(doc.toJS({ maxAliasCount: 100 }), warnings, piece.line);
    } catch (error) {
      if (error instanceof PostParseError) throw error; // a strict-mode warning
      return recover(piece, warnings, { message: messageOf(error) });
    }
    for (const warning of doc.warnings) {
      warnings.add('yaml-warning', warning.message, position(warning, piece.text, piece.line));
    }
    if (value === null) return { data: {}, sources: {} };
    if (typeof value !== 'object' || Array.isArray(value)) {
      warnings.add('front-matter-not-mapping', 'the front matter is not a mapping of keys to values; ignored', {
        line: piece.line + 1,
        column: 1,
      });
      return { data: {}, sources: {} };
    }
    return { data: value, sources: scalarSources(doc) };
  }
  const first = doc.errors[0]!;
  return recover(piece, warnings, { message: first.message, position: position(first, piece.text, piece.line) });
}

function scalarSources(doc: Document, into: Record<string, string> = {}): Record<string, string> {
  if (!isMap(doc.contents)) return into;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.source === 'string') {
      define(into, String(pair.key.value), pair.value.source);
    }
  }
  return into;
}

/**
 * Reads a block YAML rejected key by key. A key whose own lines still fail
 * keeps its raw text: the archive wrote titles as `"` + raw + `"`, unescaped.
 */
function recover(
  piece: Piece,
  warnings: Warnings,
  cause: { message: string; position?: Position | undefined },
): FrontMatterResult {
  const result: FrontMatter = {};
  const sources: Record<string, string> = {};
  const lines = piece.text.split('\n');
  let anyFailed = false;
  let i = 0;
  while (i < lines.length) {
    const key = KEY_LINE.exec(lines[i]!);
    if (!key) {
      if (!SKIPPABLE.test(lines[i]!)) {
        anyFailed = true;
        warnings.add('invalid-front-matter', `cannot read front matter line ${quoted(lines[i]!)}; skipped`, {
          line: piece.line + i + 1,
          column: 1,
        });
      }
      i++;
      continue;
    }
    const first = i++;
    while (i < lines.length && !KEY_LINE.test(lines[i]!)) i++;
    const name = cleanString(key[1]!.trim(), warnings, piece.line + first);
    const block = lines.slice(first, i).join('\n');
    const value = readBlock(block, warnings, piece.line + first, sources);
    if (value === undefined) {
      anyFailed = true;
      const raw = unquote(lines[first]!.slice(key[0].length).trim());
      const where = { line: piece.line + first + 1, column: 1 };
      if (name === 'title') warnings.add('recovered-title', `the title is not valid YAML; read from the raw line`, where);
      else warnings.add('invalid-front-matter', `the value of ${quoted(name)} is not valid YAML; kept as raw text`, where);
      define(result, name, cleanString(raw, warnings, piece.line + first));
      define(sources, name, raw);
    } else {
      define(result, name, value);
    }
  }
  if (!anyFailed) warnings.add('invalid-front-matter', `${cause.message}; recovered key by key`, cause.position);
  return { data: result, sources };
}

/** The value of a one-key YAML block, or `undefined` when it does not parse. */
function readBlock(block: string, warnings: Warnings, line: number, sources: Record<string, string>): JsonValue | undefined {
  if (tooDeep(block)) return undefined;
  try {
    const doc = parseDocument(block, YAML_OPTIONS);
    if (doc.errors.length > 0) return undefined;
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    if (entries.length !== 1) return undefined;
    scalarSources(doc, sources);
    return toJson(entries[0]![1], warnings, line);
  } catch (error) {
    if (error instanceof PostParseError) throw error; // a strict-mode warning
    return undefined;
  }
}

/**
 * Whether YAML text may nest deeper than {@link MAX_NESTING}: counts flow
 * brackets, indentation and compact `- ` sequence markers. Overestimates
 * (brackets inside quotes count too), which only means raw recovery.
 */
function tooDeep(text: string): boolean {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      dashes = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        if (++indent > MAX_NESTING * 4) return true;
        continue;
      }
      if (c === 45 && text.charCodeAt(i + 1) === 32) {
        if (++dashes > MAX_NESTING) return true;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++flow > MAX_NESTING) return true;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return false;
}

/** Strips one pair of matching outer quotes, keeping the inside as written. */
function unquote(text: string): string {
  const quote = text.charAt(0);
  if ((quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote)) return text.slice(1, -1);
  return text;
}

/** Copies a YAML value into fresh plain JSON data. */
function toJson(value: unknown, warnings: Warnings, line: number): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return cleanString(value, warnings, line);
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value === 0 ? 0 : value;
      warnings.add('non-json-value', `the front matter number ${String(value)} has no JSON form; kept as text`, {
        line: line + 1,
        column: 1,
      });
      return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'bigint':
      return value.toString();
    case 'object':
      if (Array.isArray(value)) return value.map((item) => toJson(item, warnings, line));
      if (value instanceof Map) {
        const out: { [key: string]: JsonValue } = {};
        for (const [key, item] of value) define(out, cleanString(String(key), warnings, line), toJson(item, warnings, line));
        return out;
      }
      {
        const out: { [key: string]: JsonValue } = {};
        for (const key of Object.keys(value)) {
          define(out, cleanString(key, warnings, line), toJson((value as Record<string, unknown>)[key], warnings, line));
        }
        return out;
      }
    default:
      return String(value);
  }
}

/** A front matter string without control characters (YAML escapes can write them). */
function cleanString(value: string, warnings: Warnings, line: number): string {
  const clean = cleanText(value);
  if (clean !== value) {
    warnings.add('control-characters', 'removed control characters from a front matter string', { line: line + 1, column: 1 });
  }
  return clean;
}

/** Sets a key as an own data property, `__proto__` included. */
function define(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Where a YAML error starts, from its offset into the front matter text. */
function position(error: YAMLError, text: string, lineOffset: number): Position {
  const offset = Math.min(Math.max(error.pos[0], 0), text.length);
  let line = lineOffset + 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
