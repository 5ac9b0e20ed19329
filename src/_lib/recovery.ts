/**
 * Key-by-key recovery of a front matter block that YAML rejects, or that is
 * too long for the YAML library: each key's lines are read alone; a key
 * whose lines still fail keeps its raw text (the archive wrote titles as `"`
 * + raw + `"`, unescaped). Each key is read once: the flat reader's answers
 * (flat-yaml.ts) come with the blocks, and only the blocks it leaves to the
 * library are given to the library.
 */

import type { FrontMatter, JsonValue } from '../types.js';
import { blockStarts, readFlatBlock, SOURCE_KEYS, type FlatBlock, type FlatBlocks } from './flat-yaml.js';
import type { Piece } from './layout.js';
import { quoted } from './text.js';
import { MAX_WARNINGS_PER_CODE, type Position, type Warnings } from './warnings.js';
import { cleanString, define, jsonLength, maxAliasedBlockJson, noteNonJson } from './yaml-json.js';

/** The longest front matter (in UTF-16 code units) given to the YAML library; see front-matter.ts. */
export const MAX_LIBRARY_LENGTH = 4096;
// YAML nests by recursion; deeper input is read as raw text, never parsed
// (a stack overflow inside yaml can leave V8's regexp engine unusable).
export const MAX_NESTING = 64;
const SKIPPABLE = /^[ \t]*(?:#.*)?$/;
const UNREAD: FlatBlock = { kind: 'unsupported' };

/** The flat reader's warnings: the ones the library path gives for the same data. */
export function flatWarnings(flat: { notes: string[]; cleaned: number }, warnings: Warnings, line: number): void {
  for (const source of flat.notes) noteNonJson(source, warnings, line);
  for (let i = 0; i < flat.cleaned; i++) {
    warnings.add('control-characters', 'removed control characters from a front matter string', { line: line + 1, column: 1 });
  }
}

/**
 * Reads a YAML block key by key. A key whose own lines still fail keeps its
 * raw text: the archive wrote titles as `"` + raw + `"`, unescaped. Without
 * the library (`library` false: the block is too long for it), a key the
 * flat reader cannot read also keeps its raw text, under one
 * `front-matter-too-large` warning.
 */
export function recover(
  piece: Piece,
  warnings: Warnings,
  cause: { message: string; position?: Position | undefined } | null,
  library: boolean,
  read: BlockSource,
): { data: FrontMatter; sources: Record<string, string> } {
  const result: FrontMatter = {};
  const sources: Record<string, string> = {};
  const lines = read.blocks?.lines ?? piece.text.split('\n');
  const starts = read.blocks?.starts ?? blockStarts(lines);
  let anyFailed = false;
  let tooLarge = false;
  let failed = 0;
  // Lines before the first key: runs of lines that are not comments are skipped, one warning a run.
  for (let i = 0; i < (starts[0] ?? lines.length); ) {
    const first = i;
    while (i < (starts[0] ?? lines.length) && !SKIPPABLE.test(lines[i]!)) i++;
    if (i === first) {
      i++;
      continue;
    }
    anyFailed = true;
    const more = i - first > 1 ? ` and ${i - first - 1} more lines` : '';
    warnings.add('invalid-front-matter', `cannot read front matter line ${quoted(lines[first]!)}${more}; skipped`, { line: piece.line + first + 1, column: 1 });
  }
  for (let k = 0; k < starts.length; k++) {
    const first = starts[k]!;
    const end = starts[k + 1] ?? lines.length;
    const { written, valueAt } = keyOf(lines[first]!);
    const name = cleanString(written, warnings, piece.line + first);
    const flat = read.blocks?.answers[k] ?? (read.flat ? readFlatBlock(lines, first, end) : UNREAD);
    const value = readBlock(flat, written, lines, first, end, warnings, piece.line + first, sources, library ? read.library : null, read.deep);
    if (typeof value !== 'symbol') {
      define(result, name, value);
      continue;
    }
    // Without the library, a key keeps all its lines; a key that fails keeps its line, as the archive's titles need.
    const rest = value === TOO_LARGE ? [lines[first]!.slice(valueAt), ...lines.slice(first + 1, end)].join('\n') : lines[first]!.slice(valueAt);
    const raw = unquote(rest.trim());
    const where = { line: piece.line + first + 1, column: 1 };
    if (value === TOO_LARGE) {
      if (!tooLarge) {
        const message = `the front matter is ${piece.text.length} characters long, more than the ${MAX_LIBRARY_LENGTH} the YAML library is given; what the flat reader cannot read is kept as raw text`;
        warnings.add('front-matter-too-large', message, { line: piece.line + 1, column: 1 });
      }
      tooLarge = true;
    } else {
      anyFailed = true;
      // Past the listed number the warning is only counted: its message is not built.
      const listed = ++failed <= MAX_WARNINGS_PER_CODE;
      if (name === 'title') warnings.add('recovered-title', `the title is not valid YAML; read from the raw line`, where);
      else warnings.add('invalid-front-matter', listed ? `the value of ${quoted(name)} is not valid YAML; kept as raw text` : '', where);
    }
    define(result, name, cleanString(raw, warnings, piece.line + first));
    if (SOURCE_KEYS.has(name)) define(sources, name, raw);
  }
  if (!anyFailed && cause !== null) warnings.add('invalid-front-matter', `${cause.message}; recovered key by key`, cause.position);
  return { data: result, sources };
}

/**
 * How recovery reads each key: the flat reader's answers, when it read the
 * blocks; whether to read a block with it now; the library's reading of
 * one block (for the blocks only the library reads); and whether the whole
 * text may nest too deep ({@link tooDeep}), so that each key must be
 * checked (when the whole is not, no key is).
 */
export interface BlockSource {
  blocks: FlatBlocks | null;
  flat: boolean;
  library: LibraryBlockReader;
  deep: boolean;
}

/** The library's value of a one-key block, its sources added to `sources`; {@link FAILED} when it cannot. */
export type LibraryBlockReader = (block: string, warnings: Warnings, line: number, sources: Record<string, string>) => JsonValue | typeof FAILED;

export const FAILED: unique symbol = Symbol('failed');
const TOO_LARGE = Symbol('too large');

/** The value of a one-key YAML block; {@link FAILED} when it does not parse, {@link TOO_LARGE} when only the library could say. */
function readBlock(
  flat: FlatBlock,
  written: string,
  lines: readonly string[],
  from: number,
  to: number,
  warnings: Warnings,
  line: number,
  sources: Record<string, string>,
  library: LibraryBlockReader | null,
  deep: boolean,
): JsonValue | typeof FAILED | typeof TOO_LARGE {
  if (flat.kind === 'invalid' || (deep && tooDeep(lines, from, to))) return FAILED;
  if (flat.kind === 'value') {
    if (flat.extra !== null) {
      // Measured as the library path measures the block: `{"key": value}`.
      if (flat.extra.aliased && jsonLength(written) + 3 + jsonLength(flat.value) > maxAliasedBlockJson(blockLength(lines, from, to))) {
        return FAILED;
      }
      if (flat.extra.source !== undefined) define(sources, written, flat.extra.source);
      flatWarnings(flat.extra, warnings, line);
    }
    return flat.value;
  }
  return library === null ? TOO_LARGE : library(lines.slice(from, to).join('\n'), warnings, line, sources);
}

/** The length of `lines[from, to)` joined, as the library is given them. */
function blockLength(lines: readonly string[], from: number, to: number): number {
  let length = to - from - 1;
  for (let i = from; i < to; i++) length += lines[i]!.length;
  return length;
}

/**
 * The key of a line that starts a block (one `KEY_LINE` matches: the
 * key is everything before the first `:`), as written, and where its value
 * starts (after `:` and one space or tab). The same as the expression's
 * groups, without a match object per key.
 */
export function keyOf(line: string): { written: string; valueAt: number } {
  const colon = line.indexOf(':');
  const next = line.charCodeAt(colon + 1);
  return { written: line.slice(0, colon).trim(), valueAt: next === 0x20 || next === 0x09 ? colon + 2 : colon + 1 };
}

/**
 * Whether the YAML of `lines[from, to)` may nest deeper than
 * {@link MAX_NESTING}: counts flow brackets, indentation (spaces and tabs)
 * and the block indicators that open a collection on the same line (`-`,
 * `?` and `:` before a space or a tab: `- - x`, `-\t-\tx`, `? ? x`).
 * Overestimates (brackets inside quotes count too), which only means raw
 * recovery. Both readers are held to it, so that they give the same
 * answer; the library overflows its stack on deeper text, which can leave
 * V8's regular expressions unusable for the rest of the process.
 */
export function tooDeep(lines: readonly string[], from: number = 0, to: number = lines.length): boolean {
  let flow = 0;
  for (let l = from; l < to; l++) {
    const line = lines[l]!;
    let i = 0;
    let indicators = 0;
    let blanks = 0;
    for (;;) {
      const c = line.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        blanks++;
      } else if ((c === 45 || c === 63 || c === 58) && isBlank(line.charCodeAt(i + 1))) {
        if (++indicators > MAX_NESTING) return true;
        i += 2;
      } else break;
    }
    if (blanks > MAX_NESTING * 4) return true;
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 91 || c === 123) {
        if (++flow > MAX_NESTING) return true;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
  }
  return false;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Strips one pair of matching outer quotes, keeping the inside as written. */
function unquote(text: string): string {
  const quote = text.charAt(0);
  if ((quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote)) return text.slice(1, -1);
  return text;
}
