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

import type { JsonValue } from '../types.js';
import { Context } from './yaml-context.js';
import { INVALID, UNSUPPORTED, Unreadable, readName, readNode, skipSpaces, type Node, type NodeContext, type Place } from './yaml-flow.js';
import { isStringKey } from './yaml-scalars.js';

/** What the reader made of one key's block, read alone, as key-by-key recovery reads it. */
export type FlatBlock =
  | { kind: 'value'; value: JsonValue; extra: BlockExtra | null }
  | { kind: 'invalid' }
  | { kind: 'unsupported' };

/** What few blocks have besides their value (kept apart, so a block of a million keys stays small). */
export interface BlockExtra {
  /** The scalar's source, for {@link SOURCE_KEYS}. */
  source: string | undefined;
  /** Sources of numbers with no JSON form, in order. */
  notes: string[];
  /** Strings that lost control characters. */
  cleaned: number;
}

/** The lines of a front matter, where each key's block starts (in order), and the reader's answer for each. */
export interface FlatBlocks {
  lines: readonly string[];
  starts: readonly number[];
  answers: readonly FlatBlock[];
}

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
  | { kind: 'invalid'; message: string; offset: number | null; blocks: FlatBlocks }
  /** Only the library can tell; `blocks` is null when the text holds characters the reader leaves to it. */
  | { kind: 'unsupported'; blocks: FlatBlocks | null };

/**
 * A line that starts a key's block in key-by-key recovery: a key at column
 * 0 (anything but an indicator first), `:`, then a space, a tab or the end.
 */
export const KEY_LINE: RegExp = /^([^\s#:'"{[\]},&*!|>%@`-][^:]*):(?:[ \t]|$)/;
// A key the reader reads: the plain scalars that read as strings, and `<<`;
// sticky, so `lastIndex` tells where the key's line goes on.
const KEY = /(?:[A-Za-z_\u00A0-\uFFFF][A-Za-z0-9_\-\u00A0-\uFFFF]*|<<):(?= |$)/y;
/** The keys whose scalar source is kept: the ones read as text (a title `1.50`, a date `+0800`). */
export const SOURCE_KEYS: ReadonlySet<string> = new Set(['title', 'date']);
/** The library's limit: "The : indicator must be at most 1024 chars after the start of an implicit block mapping key". */
const MAX_KEY_LENGTH = 1024;
// Characters the reader leaves to the library: controls, tabs, DEL, C1,
// lone surrogates, the byte order mark, U+2028/9, U+FFFE/F.
const UNUSUAL = /[\0-\x09\x0B-\x1F\x7F-\x9F\uFEFF\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// The same characters with every surrogate: one character class, a third of
// {@link UNUSUAL}'s cost. Text without any (nearly all) needs no more.
const MAYBE_UNUSUAL = /[\0-\x09\x0B-\x1F\x7F-\x9F\uFEFF\u2028\u2029\uFFFE\uFFFF\uD800-\uDFFF]/;
export const ALIAS_MESSAGE = 'Excessive alias count indicates a resource exhaustion attack';
export const DUPLICATE_MESSAGE = 'Map keys must be unique';
const INVALID_BLOCK: FlatBlock = { kind: 'invalid' };
const UNSUPPORTED_BLOCK: FlatBlock = { kind: 'unsupported' };

/**
 * Reads `text` (LF line endings) as the library would, or says why not, in
 * one pass that also reads each key's block as recovery reads it alone. An
 * error it finds is the library's too only because every line before it was
 * read: an unreadable line anywhere before makes the answer `unsupported`.
 */
export function readFlatYaml(text: string): FlatYaml {
  if (MAYBE_UNUSUAL.test(text) && UNUSUAL.test(text)) return { kind: 'unsupported', blocks: null };
  const lines = text.split('\n');
  const context = new Context(text.length);
  const starts: number[] = [];
  const answers: FlatBlock[] = [];
  const blocks: FlatBlocks = { lines, starts, answers };
  const data: Record<string, JsonValue> = {};
  const sources: Record<string, string> = {};
  let problem: 'invalid' | 'unsupported' | null = null;
  let duplicate: number | null = null;
  let offset = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlankOrComment(line) || !KEY_LINE.test(line)) {
      // Before the first key, a line that is not a key is the library's (a list, a directive…).
      if (!isBlankOrComment(line)) problem ??= 'unsupported';
      offset += line.length + 1;
      i++;
      continue;
    }
    let end = i + 1;
    let length = line.length + 1;
    for (; end < lines.length && !KEY_LINE.test(lines[end]!); end++) length += lines[end]!.length + 1;
    const read = readBlockAt(lines, i, end, length, context);
    starts.push(i);
    answers.push(read.block);
    if (read.whole !== 'value') problem ??= read.whole;
    else if (problem === null) {
      // The library reports the second of two equal keys.
      if (Object.hasOwn(data, read.name)) duplicate ??= offset;
      define(data, read.name, read.value);
      if (read.source !== undefined) define(sources, read.name, read.source);
    }
    offset += length;
    i = end;
  }
  if (problem === 'unsupported') return { kind: 'unsupported', blocks };
  if (problem === 'invalid') return { kind: 'invalid', message: 'a line the library rejects', offset: null, blocks };
  if (duplicate !== null) return { kind: 'invalid', message: DUPLICATE_MESSAGE, offset: duplicate, blocks };
  if (context.excessive) return { kind: 'invalid', message: ALIAS_MESSAGE, offset: null, blocks };
  return { kind: 'mapping', data, sources, notes: context.notes, cleaned: context.cleaned };
}

/** Where each key's block starts: the lines that are key lines for key-by-key recovery. */
export function blockStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (KEY_LINE.test(lines[i]!)) starts.push(i);
  return starts;
}

/** Reads `lines[from, to)`, one key's block, alone (for text {@link readFlatYaml} does not read). */
export function readFlatBlock(lines: readonly string[], from: number, to: number): FlatBlock {
  let length = 0;
  for (let i = from; i < to; i++) {
    if (UNUSUAL.test(lines[i]!)) return UNSUPPORTED_BLOCK;
    length += lines[i]!.length + 1;
  }
  return readBlockAt(lines, from, to, length, new Context(length)).block;
}

/** A block read both ways: alone (`block`), and as part of the whole text (`whole`, with its key and value). */
type BlockReading =
  | { block: FlatBlock; whole: 'value'; name: string; value: JsonValue; source: string | undefined }
  | { block: FlatBlock; whole: 'invalid' | 'unsupported' };

/** Reads the block `lines[from, to)`: a key line and the lines under it, up to the next key line. */
function readBlockAt(lines: readonly string[], from: number, to: number, length: number, context: Context): BlockReading {
  context.startBlock(length);
  const notesAt = context.notes.length;
  const cleanedAt = context.cleaned;
  try {
    const entry = readEntry(lines, from, context);
    // Under a key, only comments may follow its value.
    for (let i = entry.next; i < to; i++) if (!isBlankOrComment(lines[i]!)) throw UNSUPPORTED;
    if (context.blockUnresolved) throw INVALID;
    const alone = context.blockCrossing || context.blockExcessive ? INVALID_BLOCK : null;
    const cleaned = context.cleaned - cleanedAt;
    const plain = entry.source === undefined && context.notes.length === notesAt && cleaned === 0;
    const extra = plain ? null : { source: entry.source, notes: context.notes.slice(notesAt), cleaned };
    const block = alone ?? { kind: 'value', value: entry.value, extra };
    return { block, whole: 'value', name: entry.name, value: entry.value, source: entry.source };
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    // An unresolved alias before what the reader cannot read still fails the key.
    const kind = context.blockUnresolved ? 'invalid' : error.reason;
    return { block: kind === 'invalid' ? INVALID_BLOCK : UNSUPPORTED_BLOCK, whole: kind };
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
function readEntry(lines: readonly string[], i: number, context: NodeContext): Entry {
  const line = lines[i]!;
  KEY.lastIndex = 0;
  // Any other key (`a b:`, `"q":`, `1:`…) is the library's.
  if (!KEY.test(line)) throw UNSUPPORTED;
  const keyEnd = KEY.lastIndex;
  const name = line.slice(0, keyEnd - 1);
  if (!isStringKey(name)) throw UNSUPPORTED;
  if (name.length > MAX_KEY_LENGTH) throw INVALID;
  // Near the limit, the library counts from before the key after an empty value (`a:` then a key of 1,024).
  if (name.length > MAX_KEY_LENGTH - 32) throw UNSUPPORTED;
  const entry = readValue(line, keyEnd, context, 'value');
  if (entry === null) {
    // `key:` (or `key: &anchor`) alone: a block sequence below, or null. The
    // anchor is open while the items are read: an alias among them names it.
    const anchor = anchorName(line, keyEnd);
    if (anchor !== null) context.openAnchor(anchor);
    const below = readSequence(lines, i + 1, context);
    if (anchor !== null) context.closeAnchor(anchor, below.items, below.weight, false);
    return { name, value: below.items as JsonValue, source: undefined, next: below.next };
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

/** The anchor of `key: &name` or `- &name` with no node after it, or `null`. */
function anchorName(line: string, at: number): string | null {
  const start = skipSpaces(line, at);
  return line.charCodeAt(start) === 0x26 ? readName(line, start + 1, 'value') : null;
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
      if (node === null) {
        // `-` or `- &name` alone: a null item (a deeper line would be a nested collection).
        const anchor = anchorName(line, at + 1);
        if (anchor !== null) {
          context.openAnchor(anchor);
          context.closeAnchor(anchor, null, 0, false);
        }
      }
      items.push(node === null ? null : node.value);
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

/** Sets a key as an own data property, `__proto__` included. */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` would set the prototype instead; an assignment is much faster than defineProperty.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
