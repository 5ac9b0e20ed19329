/**
 * Front matter read without the YAML library, in one linear pass: a block
 * mapping of keys at column 0 (or a block sequence, which is no mapping)
 * whose values are one-line nodes (plain or quoted scalars, flow
 * collections, anchors, aliases) or block collections of them nested by
 * indentation (yaml-block.ts), with comments and blank lines anywhere.
 * This covers every post of the archive and the shapes that made the
 * library slow (many keys, duplicate keys, flow collections, anchors and
 * aliases, nested mappings, lists).
 *
 * It answers only what it reads exactly as the yaml library does with the
 * 1.2 core schema, including which texts the library rejects; anything else
 * is `unsupported` and goes to the library. The repository's tests check
 * this against the library.
 */

import type { JsonValue } from '../types.js';
import { Context } from './yaml-context.js';
import { isBlankOrComment, isItem, readEntry, readSequence, SOURCE_KEYS } from './yaml-block.js';
import { INVALID, UNSUPPORTED, Unreadable } from './yaml-flow.js';
import { COPY_MESSAGE, define, jsonLength, maxAliasedJson } from './yaml-json.js';

export { SOURCE_KEYS };

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
  /** It reads an alias: its JSON must stay within {@link maxAliasedJson}, which the caller checks. */
  aliased: boolean;
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
  /** A block sequence: valid YAML, but no mapping of keys (its notes and cleaned strings give their warnings all the same). */
  | { kind: 'sequence'; notes: string[]; cleaned: number }
  /** The library rejects the text; `message` and `offset` are its first error's, where they matter. */
  | { kind: 'invalid'; message: string; offset: number | null; blocks: FlatBlocks }
  /** Only the library can tell; `blocks` is null when the text holds characters the reader leaves to it. */
  | { kind: 'unsupported'; blocks: FlatBlocks | null };

/**
 * A line that starts a key's block in key-by-key recovery: a key at column
 * 0 (anything but an indicator first), `:`, then a space, a tab or the end.
 */
export const KEY_LINE: RegExp = /^([^\s#:'"{[\]},&*!|>%@`-][^:]*):(?:[ \t]|$)/;
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
export function readFlatYaml(text: string, lines: readonly string[] = text.split('\n')): FlatYaml {
  if (MAYBE_UNUSUAL.test(text) && UNUSUAL.test(text)) return { kind: 'unsupported', blocks: null };
  const sequence = readTopSequence(lines, text.length);
  if (sequence !== null) return sequence;
  const context = new Context(text.length);
  const starts: number[] = [];
  const answers: FlatBlock[] = [];
  const blocks: FlatBlocks = { lines, starts, answers };
  const data: Record<string, JsonValue> = {};
  const sources: Record<string, string> = {};
  let problem: 'invalid' | 'unsupported' | null = null;
  let duplicate: number | null = null;
  // A block fails when read alone: recovery then warns of it, and the whole text's error is not told.
  let failing = false;
  let offset = 0;
  // The line the block before stopped at: a key line, not tested again.
  let keyLine = -1;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (i !== keyLine && (isBlankOrComment(line) || !KEY_LINE.test(line))) {
      // Before the first key, a line that is not a key is the library's (a list, a directive…).
      if (!isBlankOrComment(line)) problem ??= 'unsupported';
      offset += line.length + 1;
      i++;
      continue;
    }
    let end = i + 1;
    let length = line.length + 1;
    for (; end < lines.length && !KEY_LINE.test(lines[end]!); end++) length += lines[end]!.length + 1;
    keyLine = end;
    const read = readBlockAt(lines, i, end, length, context);
    starts.push(i);
    answers.push(read.block);
    if (read.block.kind === 'invalid') failing = true;
    if (read.whole !== 'value') problem ??= read.whole;
    // Past too many aliases the answer is no mapping; once a block fails too, which error the whole text has is not told.
    else if (problem === null && !(failing && context.excessiveOrOver)) {
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
  if (context.overBudget || (context.aliased && jsonLength(data) > maxAliasedJson(text.length))) {
    return { kind: 'invalid', message: COPY_MESSAGE, offset: null, blocks };
  }
  return { kind: 'mapping', data, sources, notes: context.notes, cleaned: context.cleaned };
}

/**
 * The text as a block sequence at column 0 (`- a` lines), or `null` when it
 * is not one or holds what only the library can tell (an unresolved alias,
 * too many aliases or copies).
 */
function readTopSequence(lines: readonly string[], length: number): FlatYaml | null {
  let first = 0;
  while (first < lines.length && isBlankOrComment(lines[first]!)) first++;
  if (first === lines.length || !isItem(lines[first]!, 0)) return null;
  const context = new Context(length);
  context.startBlock(length);
  let items: unknown;
  try {
    const sequence = readSequence(lines, first, 0, context, 1);
    for (let i = sequence.next; i < lines.length; i++) if (!isBlankOrComment(lines[i]!)) return null;
    items = sequence.value;
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  if (context.blockUnresolved || context.excessiveOrOver) return null;
  if (context.aliased && jsonLength(items) > maxAliasedJson(length)) return null;
  return { kind: 'sequence', notes: context.notes, cleaned: context.cleaned };
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
    const entry = readEntry(lines, from, 0, context, 0);
    // Under a key, only comments may follow its value.
    for (let i = entry.next; i < to; i++) if (!isBlankOrComment(lines[i]!)) throw UNSUPPORTED;
    if (context.blockUnresolved) throw INVALID;
    const alone = context.blockCrossing || context.blockExcessive ? INVALID_BLOCK : null;
    const cleaned = context.cleaned - cleanedAt;
    const aliased = context.blockAliased;
    const plain = entry.source === undefined && context.notes.length === notesAt && cleaned === 0 && !aliased;
    const extra = plain ? null : { source: entry.source, notes: context.notes.slice(notesAt), cleaned, aliased };
    const value = entry.value as JsonValue;
    const block = alone ?? { kind: 'value', value, extra };
    return { block, whole: 'value', name: entry.name, value, source: entry.source };
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    // An unresolved alias before what the reader cannot read still fails the key.
    const kind = context.blockUnresolved ? 'invalid' : error.reason;
    return { block: kind === 'invalid' ? INVALID_BLOCK : UNSUPPORTED_BLOCK, whole: kind };
  }
}
