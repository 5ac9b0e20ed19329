/**
 * Front matter read without the YAML library, in one linear pass: a block
 * mapping of keys at column 0 whose values are one-line nodes (plain or
 * quoted scalars, flow collections, anchors, aliases) or block sequences
 * of them, with comments and blank lines anywhere. This covers every post
 * of the archive and the shapes that made the library slow (many keys,
 * duplicate keys, flow collections, anchors and aliases).
 *
 * It answers only what it reads exactly as the yaml library does with the
 * 1.2 core schema, including which texts the library rejects; anything else
 * is `unsupported` and goes to the library. The repository's tests check
 * this against the library.
 */

import { INVALID, UNSUPPORTED, Unreadable, readName, readNode, skipSpaces, type Node, type NodeContext, type Place } from './yaml-flow.js';
import type { JsonValue } from '../types.js';
import { cleanText } from './text.js';
import { isStringKey } from './yaml-scalars.js';

/** What the reader made of a front matter block. */
export type FlatYaml =
  | {
      kind: 'mapping';
      /** Plain JSON data: clean strings, numbers with no JSON form as their source text, aliases copied. */
      data: Record<string, JsonValue>;
      /** The source of the {@link SOURCE_KEYS} plain scalars read as numbers or booleans. */
      sources: Record<string, string>;
      /** The source of each number with no JSON form, in document order. */
      notes: string[];
      /** How many strings lost control characters (one warning each, as the library path gives). */
      cleaned: number;
    }
  /** The library rejects the text; `message` and `offset` are its first error's, where they matter. */
  | { kind: 'invalid'; message: string; offset: number | null }
  | { kind: 'unsupported' };

// A key at column 0: the plain scalars that read as strings, and `<<`;
// sticky, so `lastIndex` tells where the key's line goes on.
const KEY = /(?:[A-Za-z_\u00A0-\uFFFF][A-Za-z0-9_\-\u00A0-\uFFFF]*|<<):(?= |$)/y;
/** The keys whose scalar source is kept: the ones read as text (a title `1.50`, a date `+0800`). */
export const SOURCE_KEYS: ReadonlySet<string> = new Set(['title', 'date']);
/** The library's limit: "The : indicator must be at most 1024 chars after the start of an implicit block mapping key". */
const MAX_KEY_LENGTH = 1024;
// Characters the reader leaves to the library: controls, tabs, DEL, C1,
// lone surrogates, the byte order mark, U+2028/9, U+FFFE/F.
const UNUSUAL = /[\0-\x09\x0B-\x1F\x7F-\x9F\uFEFF\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The library's `maxAliasCount`: an anchor may be resolved this many times, itself included. */
const MAX_ALIAS_COUNT = 100;
/** Aliases may copy at most this many characters beyond the front matter's own length. */
const ALIAS_ALLOWANCE = 4096;
export const ALIAS_MESSAGE = 'Excessive alias count indicates a resource exhaustion attack';
export const DUPLICATE_MESSAGE = 'Map keys must be unique';

interface Anchor {
  value: unknown;
  weight: number;
  empty: boolean;
  count: number;
  /** Strings cleaned inside it: each copy counts them again. */
  cleaned: number;
}

/** Anchors and notes of one document; see {@link NodeContext}. */
class Context implements NodeContext {
  readonly notes: string[] = [];
  private anchors: Map<string, Anchor> | null = null;
  private open = 0;
  private cleanedAtOpen = 0;
  cleaned = 0;
  /** Characters aliases may still copy. */
  private budget: number;
  excessive = false;

  constructor(length: number) {
    this.budget = length + ALIAS_ALLOWANCE;
  }

  openAnchor(): void {
    // An anchor inside an anchored node: the library resolves its aliases in an order this reader does not follow.
    if (this.open > 0) throw UNSUPPORTED;
    this.open++;
    this.cleanedAtOpen = this.cleaned;
  }

  closeAnchor(name: string, value: unknown, weight: number, empty: boolean): void {
    this.open--;
    (this.anchors ??= new Map()).set(name, { value, weight, empty, count: 1, cleaned: this.cleaned - this.cleanedAtOpen });
  }

  alias(name: string): unknown {
    // An alias inside an anchored node makes the library count aliases recursively (and may be circular).
    if (this.open > 0) throw UNSUPPORTED;
    const anchor = this.anchors?.get(name);
    if (anchor === undefined) throw INVALID; // "Unresolved alias"
    anchor.count++;
    this.budget -= anchor.weight;
    if ((!anchor.empty && anchor.count > MAX_ALIAS_COUNT) || this.budget < 0) this.excessive = true;
    this.cleaned += anchor.cleaned;
    return this.excessive ? null : copy(anchor.value);
  }

  note(source: string): void {
    this.notes.push(source);
  }

  clean(value: string): string {
    const clean = cleanText(value);
    if (clean !== value) this.cleaned++;
    return clean;
  }
}

/**
 * Reads `text` (LF line endings) as the library would, or says why not.
 * An error it finds is the library's too only because every line before it
 * was read: an unreadable line anywhere before makes the answer
 * `unsupported` instead.
 */
export function readFlatYaml(text: string): FlatYaml {
  if (UNUSUAL.test(text)) return { kind: 'unsupported' };
  const lines = text.split('\n');
  const context = new Context(text.length);
  const data: Record<string, JsonValue> = {};
  const sources: Record<string, string> = {};
  let duplicate: number | null = null;
  let offset = 0;
  let i = 0;
  try {
    while (i < lines.length) {
      if (isBlankOrComment(lines[i]!)) {
        offset += lines[i++]!.length + 1;
        continue;
      }
      const lineStart = offset;
      const entry = readEntry(lines, i, context);
      for (; i < entry.next; i++) offset += lines[i]!.length + 1;
      // The library reports the second of two equal keys.
      if (Object.hasOwn(data, entry.name)) duplicate ??= lineStart;
      if (entry.source !== undefined) define(sources, entry.name, entry.source);
      define(data, entry.name, entry.value);
    }
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return error === INVALID ? { kind: 'invalid', message: 'a line the library rejects', offset: null } : { kind: 'unsupported' };
  }
  if (duplicate !== null) return { kind: 'invalid', message: DUPLICATE_MESSAGE, offset: duplicate };
  if (context.excessive) return { kind: 'invalid', message: ALIAS_MESSAGE, offset: null };
  return { kind: 'mapping', data, sources, notes: context.notes, cleaned: context.cleaned };
}

/** What {@link readFlatBlock} made of one key's block. */
export type FlatBlock =
  | { kind: 'value'; value: JsonValue; source: string | undefined; notes: string[]; cleaned: number }
  | { kind: 'invalid' }
  | { kind: 'unsupported' };

/**
 * Reads `lines[from, to)` (a key line and the lines under it, up to the
 * next key line) as the library reads that block alone, for key-by-key
 * recovery: without the lines around it, so without their anchors.
 */
export function readFlatBlock(lines: readonly string[], from: number, to: number): FlatBlock {
  let length = 0;
  for (let i = from; i < to; i++) {
    if (UNUSUAL.test(lines[i]!)) return { kind: 'unsupported' };
    length += lines[i]!.length + 1;
  }
  const context = new Context(length);
  try {
    const entry = readEntry(lines, from, context);
    for (let i = entry.next; i < to; i++) if (!isBlankOrComment(lines[i]!)) return { kind: 'unsupported' };
    if (context.excessive) return { kind: 'invalid' };
    return { kind: 'value', value: entry.value, source: entry.source, notes: context.notes, cleaned: context.cleaned };
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return { kind: error.reason };
  }
}

/** A top-level key, its value, its source (for {@link SOURCE_KEYS}), and the line after it. */
interface Entry {
  name: string;
  value: JsonValue;
  source: string | undefined;
  next: number;
}

/** The key on line `i` and its value, on the line or below it; throws {@link Unreadable}. */
function readEntry(lines: readonly string[], i: number, context: Context): Entry {
  const line = lines[i]!;
  KEY.lastIndex = 0;
  // Any other line (deeper, `- `, `? `…) is the library's.
  if (!KEY.test(line)) throw UNSUPPORTED;
  const keyEnd = KEY.lastIndex;
  const name = line.slice(0, keyEnd - 1);
  if (!isStringKey(name)) throw UNSUPPORTED;
  if (name.length > MAX_KEY_LENGTH) throw INVALID;
  const entry = readValue(line, keyEnd, context, 'value');
  if (entry === null) {
    // `key:` (or `key: &anchor`) alone: a block sequence below, or null.
    const below = readSequence(lines, i + 1, context);
    return { name, value: anchored(line, keyEnd, below, context) as JsonValue, source: undefined, next: below.next };
  }
  const source = typeof entry.source === 'string' && SOURCE_KEYS.has(name) ? entry.source : undefined;
  return { name, value: entry.value as JsonValue, source, next: i + 1 };
}

/**
 * The node after `key:` or `- ` at `at`, checked to be followed by nothing
 * but a comment; `null` when nothing (or only an anchor) is there, so the
 * value is below or null.
 */
function readValue(line: string, at: number, context: NodeContext, place: Place): Node | null {
  const start = skipSpaces(line, at);
  if (start === line.length || line.charCodeAt(start) === 0x23 /* # */) return null;
  if (line.charCodeAt(start) === 0x26 /* & */) {
    const afterName = skipSpaces(line, start + 1 + readName(line, start + 1, place).length);
    if (afterName === line.length || line.charCodeAt(afterName) === 0x23) return null;
  }
  const node = readNode(line, start, context, 0, place);
  const rest = skipSpaces(line, node.end);
  if (rest < line.length && !(line.charCodeAt(rest) === 0x23 && rest > node.end)) {
    // Text after a quoted scalar or a collection: an error in YAML ("Unexpected scalar at node end").
    const c = line.charCodeAt(start);
    throw place === 'value' && c !== 0x26 && c !== 0x2a ? INVALID : UNSUPPORTED;
  }
  return node;
}

/** The value of `key:` or `-` with no node after it: `below`, anchored if the line says so. */
function anchored(line: string, at: number, below: Sequence, context: NodeContext): unknown {
  const start = skipSpaces(line, at);
  if (line.charCodeAt(start) === 0x26) {
    const name = readName(line, start + 1, 'value');
    context.openAnchor(name);
    context.closeAnchor(name, below.items, below.weight, false);
  }
  return below.items;
}

/** A block sequence (or `null` items when there is none), where it ends, and its source length. */
interface Sequence {
  items: unknown[] | null;
  next: number;
  weight: number;
}

const NOTHING: Omit<Sequence, 'next'> = { items: null, weight: 0 };

/**
 * The block sequence starting at line `from` (after blank and comment
 * lines), as in `tags:\n  - 甲\n  - 乙`; `null` items when there is none.
 * Lines deeper than its items, or a nested collection, are unsupported.
 */
function readSequence(lines: readonly string[], from: number, context: NodeContext): Sequence {
  let i = from;
  while (i < lines.length && isBlankOrComment(lines[i]!)) i++;
  const first = lines[i];
  if (first === undefined || (first.charCodeAt(0) !== 0x20 && !isItem(first, 0))) return { ...NOTHING, next: from };
  const indent = skipSpaces(first, 0);
  if (!isItem(first, indent)) throw UNSUPPORTED;
  const items: unknown[] = [];
  let next = i;
  let weight = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) {
      i++;
      continue;
    }
    const at = skipSpaces(line, 0);
    if (at === indent && isItem(line, at)) {
      const node = readValue(line, at + 1, context, 'item');
      items.push(node === null ? anchored(line, at + 1, { ...NOTHING, next: i }, context) : node.value);
      weight += line.length + 1;
      next = ++i;
    } else if (at === 0 && line.charCodeAt(0) !== 0x2d) {
      break;
    } else {
      throw UNSUPPORTED;
    }
  }
  return { items: items.slice(), next, weight };
}

function isItem(line: string, at: number): boolean {
  return line.charCodeAt(at) === 0x2d && (at + 1 === line.length || line.charCodeAt(at + 1) === 0x20);
}

function isBlankOrComment(line: string): boolean {
  const at = skipSpaces(line, 0);
  return at === line.length || line.charCodeAt(at) === 0x23;
}

/** A fresh copy of an anchored value, so that no two places of the output share an object. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) define(out, key, copy(item));
  return out;
}

/** Sets a key as an own data property, `__proto__` included. */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` would set the prototype instead; an assignment is much faster than defineProperty.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
