/**
 * YAML block collections for the flat reader (flat-yaml.ts): mappings of
 * plain keys and sequences, nested by indentation, whose leaves are
 * one-line nodes (yaml-flow.ts). Read exactly as the yaml library reads
 * them with the 1.2 core schema; anything else stops the reader with
 * `'unsupported'` (multi-line scalars, block scalars, explicit and quoted
 * keys, tags, a collection below a bare `-`, anchors inside anchored
 * nodes), and what the library rejects with `'invalid'`.
 *
 * - A mapping's keys stand at one column; a key's value is on its line or
 *   below it: a mapping further in, or a sequence further in or at the
 *   key's own column (`key:\n- a`).
 * - A sequence's items stand at one column; an item is a one-line node, or
 *   a mapping whose first key is on the item's line (`- k: v\n  j: w`).
 * - Comment and blank lines may stand anywhere.
 */

import { INVALID, UNSUPPORTED, readName, readNode, skipSpaces, type Node, type NodeContext, type Place } from './yaml-flow.js';
import { define } from './yaml-json.js';
import { isStringKey } from './yaml-scalars.js';

// A key the reader reads: the plain scalars that read as strings, and `<<`;
// sticky, so `lastIndex` tells where the key's line goes on.
const KEY = /(?:[A-Za-z_\u00A0-\uFFFF][A-Za-z0-9_\-\u00A0-\uFFFF]*|<<):(?= |$)/y;
/** The keys whose scalar source is kept: the ones read as text (a title `1.50`, a date `+0800`). */
export const SOURCE_KEYS: ReadonlySet<string> = new Set(['title', 'date']);
/** The library's limit: "The : indicator must be at most 1024 chars after the start of an implicit block mapping key". */
const MAX_KEY_LENGTH = 1024;
/** How deep block collections may nest here; deeper ones are the library's (which reads raw text past 64 levels). */
const MAX_BLOCK_DEPTH = 32;

/** A key, its value, its source (top-level {@link SOURCE_KEYS} only), and the line after it. */
export interface Entry {
  name: string;
  value: unknown;
  source: string | undefined;
  next: number;
}

/** A block collection below a key or an item (`null` when there is none), and the line after it. */
interface Below {
  value: unknown;
  next: number;
}

/** Whether `text` at `at` starts a key the reader reads (`name:` then a space or the end). */
export function isKeyAt(line: string, at: number): boolean {
  KEY.lastIndex = at;
  return KEY.test(line);
}

/**
 * The key on line `i` at column `column` and its value, on the line or
 * below it; throws {@link Unreadable}. `depth` counts the collections
 * around it (0: a top-level key).
 */
export function readEntry(lines: readonly string[], i: number, column: number, context: NodeContext, depth: number): Entry {
  const line = lines[i]!;
  KEY.lastIndex = column;
  // Any other key (`a b:`, `"q":`, `1:`…) is the library's.
  if (!KEY.test(line)) throw UNSUPPORTED;
  const keyEnd = KEY.lastIndex;
  const name = line.slice(column, keyEnd - 1);
  if (!isStringKey(name)) throw UNSUPPORTED;
  if (name.length > MAX_KEY_LENGTH && column === 0) throw INVALID;
  // Near the limit, the library counts from before the key after an empty value (`a:` then a key of 1,024).
  if (name.length + column > MAX_KEY_LENGTH - 32) throw UNSUPPORTED;
  const node = readValue(line, keyEnd, context, 'value');
  if (node === null) {
    // `key:` (or `key: &anchor`) alone: a collection below, or null. The
    // anchor is open while it is read: an alias inside it names it.
    const anchor = anchorName(line, keyEnd);
    if (anchor !== null) context.openAnchor(anchor);
    const below = readBelow(lines, i + 1, column, context, depth);
    if (anchor !== null) context.closeAnchor(anchor, below.value);
    return { name, value: below.value, source: undefined, next: below.next };
  }
  const source = depth === 0 && typeof node.source === 'string' && SOURCE_KEYS.has(name) ? node.source : undefined;
  return { name, value: node.value, source, next: i + 1 };
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

const NOTHING = { value: null };

/**
 * The value below a key at column `column`, from line `from` on (after
 * blank and comment lines): a sequence at that column or further in, a
 * mapping further in, or nothing (`null`).
 */
function readBelow(lines: readonly string[], from: number, column: number, context: NodeContext, depth: number): Below {
  let i = from;
  while (i < lines.length && isBlankOrComment(lines[i]!)) i++;
  const first = lines[i];
  if (first === undefined) return { ...NOTHING, next: from };
  const at = skipSpaces(first, 0);
  if (at >= column && isItem(first, at)) return readSequence(lines, i, at, context, depth + 1);
  if (at <= column) return { ...NOTHING, next: from };
  // Further in and not a key: a scalar going on over lines, or more than this reader reads.
  if (!isKeyAt(first, at)) throw UNSUPPORTED;
  return readMapping(lines, i, at, context, depth + 1);
}

/**
 * The mapping whose keys stand at column `column`, its first key on line
 * `from` (after `- ` when it is a sequence item). Two equal keys are an
 * error here (the front matter stage checks every mapping, as the flat
 * reader's top level does).
 */
function readMapping(lines: readonly string[], from: number, column: number, context: NodeContext, depth: number): Below {
  if (depth > MAX_BLOCK_DEPTH) throw UNSUPPORTED;
  const map: Record<string, unknown> = {};
  let next = from;
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    if (i !== from) {
      if (isBlankOrComment(line)) {
        i++;
        continue;
      }
      const at = skipSpaces(line, 0);
      if (at < column) break;
      if (at > column) throw UNSUPPORTED;
    }
    const entry = readEntry(lines, i, column, context, depth);
    if (Object.hasOwn(map, entry.name)) throw INVALID; // the library: Map keys must be unique
    define(map, entry.name, entry.value);
    next = i = entry.next;
  }
  return { value: map, next };
}

/**
 * The block sequence whose items stand at column `column`, from line
 * `from`, as in `tags:\n  - 甲\n  - 乙`. It ends at a line further out, or
 * at its column but not an item (the caller says whether that line may
 * stand there).
 */
export function readSequence(lines: readonly string[], from: number, column: number, context: NodeContext, depth: number): Below {
  if (depth > MAX_BLOCK_DEPTH) throw UNSUPPORTED;
  const items: unknown[] = [];
  let next = from;
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) {
      i++;
      continue;
    }
    const at = skipSpaces(line, 0);
    if (at < column || (at === column && !isItem(line, at))) break;
    if (at > column) throw UNSUPPORTED;
    const content = skipSpaces(line, at + 1);
    if (content < line.length && isKeyAt(line, content)) {
      // `- k: v`: a mapping whose keys stand where this one does.
      const mapping = readMapping(lines, i, content, context, depth + 1);
      items.push(mapping.value);
      next = i = mapping.next;
      continue;
    }
    const node = readValue(line, at + 1, context, 'item');
    if (node === null) {
      // `-` or `- &name` alone: a null item (a deeper line would be a collection, which is the library's).
      const anchor = anchorName(line, at + 1);
      if (anchor !== null) {
        context.openAnchor(anchor);
        context.closeAnchor(anchor, null);
      }
    }
    items.push(node === null ? null : node.value);
    next = ++i;
  }
  return { value: items, next };
}

export function isItem(line: string, at: number): boolean {
  return line.charCodeAt(at) === 0x2d && (at + 1 === line.length || line.charCodeAt(at + 1) === 0x20);
}

export function isBlankOrComment(line: string): boolean {
  const at = skipSpaces(line, 0);
  return at === line.length || line.charCodeAt(at) === 0x23;
}
