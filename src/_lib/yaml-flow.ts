/**
 * YAML nodes on one line, read exactly as the yaml library reads them with
 * the 1.2 core schema: scalars, aliases, anchors, and flow collections
 * (`[a, b]`, `{a: 1}`) nested up to a fixed depth. Anything this reader is
 * not sure of stops it with `'unsupported'`, and the caller leaves that
 * text to the library; text the library rejects stops it with `'invalid'`.
 */

import { define } from './yaml-json.js';
import { readDoubleQuoted, readSingleQuoted, resolvePlain, type Quoted } from './yaml-scalars.js';

/** Why a node could not be read. */
export class Unreadable {
  constructor(readonly reason: 'invalid' | 'unsupported') {}
}
export const UNSUPPORTED: Unreadable = new Unreadable('unsupported');
export const INVALID: Unreadable = new Unreadable('invalid');

/** Anchors, aliases and notes, kept by the caller for a whole document. */
export interface NodeContext {
  /** An anchored node starts: aliases to its name inside it are circular. */
  openAnchor(name: string): void;
  /** An anchored node ends with its value. */
  closeAnchor(name: string, value: unknown): void;
  /** The value of `*name`; throws {@link Unreadable}. */
  alias(name: string): unknown;
  /** A number with no JSON form was kept as its source text. */
  note(source: string): void;
  /** A double-quoted scalar's value without control characters (its escapes can write them). */
  clean(value: string): string;
  /**
   * Where the items of the open flow sequences wait, innermost last: each
   * sequence is then made once at its exact length (one grown item by item
   * keeps room for more, and a million small lists make garbage).
   */
  readonly items: unknown[];
  /** How many of {@link items} are in use (the array is not shortened: that costs more than it saves). */
  itemCount: number;
}

/** A node and the offset after it. */
export interface Node {
  value: unknown;
  end: number;
  /** The source of a plain scalar read as a number or boolean. */
  source?: string | null;
}

/**
 * Where a node stands: in a flow collection, as the value of a block
 * mapping key, or as a block sequence item (where `- x` and `k: v` are
 * nested collections, which this reader leaves to the library).
 */
export type Place = 'flow' | 'value' | 'item';

/** How deep flow collections may nest (the same bound as the YAML library's input check). */
export const MAX_FLOW_DEPTH = 64;
const NAME = /[A-Za-z0-9_-]+/y;

/** The offset of the first non-space at or after `at`. */
export function skipSpaces(line: string, at: number): number {
  while (line.charCodeAt(at) === 0x20) at++;
  return at;
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d; // , [ ] { }
}

/**
 * An anchor or alias name at `at`, or throws. Names are read only as far
 * as they are plain (`[A-Za-z0-9_-]`), and must end at a space, the end of
 * the line, or (in a flow collection) `,`, `]` or `}`.
 */
export function readName(line: string, at: number, place: Place): string {
  NAME.lastIndex = at;
  const match = NAME.exec(line);
  if (match === null) throw UNSUPPORTED;
  const next = line.charCodeAt(at + match[0].length);
  if (!(next !== next || next === 0x20 || (place === 'flow' && (next === 0x2c || next === 0x5d || next === 0x7d)))) throw UNSUPPORTED;
  return match[0];
}

/** A quoted scalar's reading as a node, or throws. */
export function quoted(result: Quoted): Node {
  if (typeof result === 'string') throw result === 'invalid' ? INVALID : UNSUPPORTED;
  return result;
}

/** A plain scalar as a node, with its note. */
function plainNode(line: string, start: number, end: number, context: NodeContext): Node {
  const trimmed = trimEnd(line, start, end);
  const text = line.slice(start, trimmed);
  const scalar = resolvePlain(text);
  if (scalar === null) return { value: text, end: trimmed };
  if (scalar.nonJson) context.note(text);
  return { value: scalar.value, end: trimmed, source: scalar.nonJson ? null : scalar.source };
}

/** A node at `at` (not a space, not a comment), on one line. */
export function readNode(line: string, at: number, context: NodeContext, depth: number, place: Place): Node {
  const c = line.charCodeAt(at);
  if (c === 0x5b /* [ */ || c === 0x7b /* { */) return readCollection(line, at, context, depth + 1);
  if (c === 0x22 /* " */) {
    const node = quoted(readDoubleQuoted(line, at));
    return { value: context.clean(node.value as string), end: node.end };
  }
  if (c === 0x27 /* ' */) return quoted(readSingleQuoted(line, at));
  if (c === 0x2a /* * */) {
    const name = readName(line, at + 1, place);
    return { value: context.alias(name), end: at + 1 + name.length };
  }
  if (c === 0x26 /* & */) {
    const name = readName(line, at + 1, place);
    const after = at + 1 + name.length;
    const start = skipSpaces(line, after);
    if (start === after || start === line.length || line.charCodeAt(start) === 0x23 /* # */) throw UNSUPPORTED;
    context.openAnchor(name);
    const node = readNode(line, start, context, depth, place);
    context.closeAnchor(name, node.value);
    return node;
  }
  return plainNode(line, at, place === 'flow' ? plainEnd(line, at, false) : blockPlainEnd(line, at, place), context);
}

/**
 * Where a plain scalar outside flow collections ends: at a comment or the
 * end of the line. As a mapping value, `: ` inside it or `- ` before it is
 * an error in YAML; as a sequence item it would be a nested collection.
 */
function blockPlainEnd(line: string, start: number, place: Place): number {
  const first = line.charCodeAt(start);
  if (first === 0x2d || first === 0x3f || first === 0x3a /* - ? : */) {
    const next = line.charCodeAt(start + 1);
    if (next === 0x20 || next !== next) throw first !== 0x3a && place === 'value' ? INVALID : UNSUPPORTED;
  } else if (',[]{}#&*!|>\'"%@`'.includes(line.charAt(start))) {
    throw UNSUPPORTED;
  }
  for (let i = start + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x23 /* # */ && line.charCodeAt(i - 1) === 0x20) return i;
    if (c === 0x3a /* : */ && (i + 1 === line.length || line.charCodeAt(i + 1) === 0x20)) throw place === 'value' ? INVALID : UNSUPPORTED;
  }
  return line.length;
}

/**
 * Where a plain scalar in a flow collection ends: before `,`, `[`, `]`,
 * `{`, `}`, or (for a mapping key) before `: `. A `:` anywhere else, a
 * comment or the end of the line stop the reader.
 */
function plainEnd(line: string, start: number, key: boolean): number {
  const first = line.charCodeAt(start);
  if (isFlowIndicator(first) || '#&*!|>\'"%@`'.includes(line.charAt(start)) || first !== first) throw UNSUPPORTED;
  if (first === 0x2d || first === 0x3f || first === 0x3a /* - ? : */) {
    const next = line.charCodeAt(start + 1);
    if (next === 0x20 || next !== next || isFlowIndicator(next)) throw UNSUPPORTED;
  }
  for (let i = start + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isFlowIndicator(c)) return i;
    if (c === 0x23 /* # */ && line.charCodeAt(i - 1) === 0x20) throw UNSUPPORTED;
    if (c === 0x3a /* : */) {
      const next = line.charCodeAt(i + 1);
      if (key && (next === 0x20 || next === 0x2c || next === 0x7d)) return i;
      throw UNSUPPORTED;
    }
  }
  throw UNSUPPORTED;
}

/** The end of `line[start, end)` without trailing spaces. */
export function trimEnd(line: string, start: number, end: number): number {
  while (end > start && line.charCodeAt(end - 1) === 0x20) end--;
  return end;
}

/** `[…]` or `{…}` at `start`, closed on this line. */
function readCollection(line: string, start: number, context: NodeContext, depth: number): Node {
  if (depth > MAX_FLOW_DEPTH) throw UNSUPPORTED;
  const mapping = line.charCodeAt(start) === 0x7b;
  const close = mapping ? 0x7d : 0x5d;
  const base = context.itemCount;
  const map: Record<string, unknown> | null = mapping ? {} : null;
  let at = skipSpaces(line, start + 1);
  while (line.charCodeAt(at) !== close) {
    if (map !== null) {
      const [key, afterKey] = readKey(line, at, context);
      if (Object.hasOwn(map, key)) throw INVALID; // the library: Map keys must be unique
      let value: unknown = null;
      at = skipSpaces(line, afterKey);
      if (line.charCodeAt(at) === 0x3a /* : */) {
        const next = line.charCodeAt(at + 1);
        if (next === 0x20) {
          at = skipSpaces(line, at + 1);
          if (line.charCodeAt(at) !== 0x2c && line.charCodeAt(at) !== close) {
            const node = readNode(line, at, context, depth, 'flow');
            value = node.value;
            at = node.end;
          }
        } else if (next === 0x2c || next === close) {
          at += 1;
        } else {
          throw UNSUPPORTED;
        }
      }
      define(map, key, value);
    } else {
      const node = readNode(line, at, context, depth, 'flow');
      context.items[context.itemCount++] = node.value;
      at = node.end;
    }
    at = skipSpaces(line, at);
    const c = line.charCodeAt(at);
    if (c === 0x2c /* , */) {
      at = skipSpaces(line, at + 1);
      if (line.charCodeAt(at) === 0x2c) throw UNSUPPORTED;
    } else if (c !== close) {
      throw UNSUPPORTED;
    }
  }
  if (map !== null) return { value: map, end: at + 1 };
  const items = context.items.slice(base, context.itemCount);
  context.itemCount = base;
  return { value: items, end: at + 1 };
}

/** A flow mapping's key: a quoted scalar, or a plain one that reads as a string. */
function readKey(line: string, at: number, context: NodeContext): [string, number] {
  const c = line.charCodeAt(at);
  if (c === 0x22 || c === 0x27) {
    const node = quoted(c === 0x22 ? readDoubleQuoted(line, at) : readSingleQuoted(line, at));
    return [c === 0x22 ? context.clean(node.value as string) : (node.value as string), node.end];
  }
  const end = plainEnd(line, at, true);
  const text = line.slice(at, trimEnd(line, at, end));
  if (resolvePlain(text) !== null) throw UNSUPPORTED;
  return [text, end];
}
