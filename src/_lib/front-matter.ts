/**
 * Reads the YAML front matter into plain JSON data, recovering what a broken
 * block still says. Knows nothing of HTML.
 *
 * The flat reader (flat-yaml.ts) reads what posts write, in linear time, as
 * the YAML library would. The rest goes to the library, which costs about a
 * microsecond and several hundred bytes of memory per byte of YAML, and more
 * on some shapes: it is given at most {@link MAX_LIBRARY_LENGTH} characters.
 */

import { isCollection, isMap, isScalar, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { PostParseError, type WarningCode } from '../errors.js';
import type { FrontMatter, JsonValue } from '../types.js';
import { blockStarts, DUPLICATE_MESSAGE, KEY_LINE, readFlatBlock, readFlatYaml, SOURCE_KEYS, type FlatBlock, type FlatBlocks, type FlatYaml } from './flat-yaml.js';
import type { Piece } from './layout.js';
import { quoted } from './text.js';
import { MAX_WARNINGS_PER_CODE, type Position, type Warnings } from './warnings.js';
import { cleanString, define, noteNonJson, toJson } from './yaml-json.js';

// YAML 1.2 core schema: dates stay strings, `<<` is an ordinary key,
// unknown tags are warnings and YAML 1.1 tags (`!!timestamp`, `!!binary`)
// are unknown tags, so their values stay the text they are. Aliases are
// capped against "billion laughs". `logLevel: 'error'` keeps the library
// from writing process warnings; what it would say becomes a warning here.
// The library's own duplicate-key check compares every key with every
// earlier one (quadratic); {@link duplicateKey} does it with a set.
const YAML_OPTIONS = {
  schema: 'core', merge: false, resolveKnownTags: false, maxAliasCount: 100, prettyErrors: false, logLevel: 'error', uniqueKeys: false,
} as const;
// YAML nests by recursion; deeper input is read as raw text, never parsed
// (a stack overflow inside yaml can leave V8's regexp engine unusable).
const MAX_NESTING = 64;
/**
 * The longest front matter (in UTF-16 code units) given to the YAML library.
 * Real posts have under 300; the flat reader reads longer ones of the common
 * shapes at any length.
 */
export const MAX_LIBRARY_LENGTH = 4096;
const SKIPPABLE = /^[ \t]*(?:#.*)?$/;

/** The front matter data, and the source text of the top-level `title` and `date` scalars. */
export interface FrontMatterResult {
  data: FrontMatter;
  /** `date:  +0800` reads as the number 800; its source `+0800` is kept here (for `title` and `date`, which are read as text). */
  sources: Record<string, string>;
}

const UNREAD: FlatBlock = { kind: 'unsupported' };

/**
 * Reads a front matter block; never throws for bad YAML. `flat: false`
 * (for the tests) leaves everything to the library: the answer must be the
 * same for any block up to {@link MAX_LIBRARY_LENGTH}.
 */
export function readFrontMatter(piece: Piece, warnings: Warnings, flatReader = true): FrontMatterResult {
  const flat: FlatYaml = flatReader ? readFlatYaml(piece.text) : { kind: 'unsupported', blocks: null };
  // How recovery reads each key: as the flat reader already read it, or read it now, or (for the tests) not at all.
  const read: BlockSource = { blocks: flat.kind === 'mapping' ? null : flat.blocks, flat: flatReader };
  if (flat.kind === 'mapping') {
    flatJson(flat, warnings, piece.line);
    return { data: flat.data, sources: flat.sources };
  }
  const library = piece.text.length <= MAX_LIBRARY_LENGTH;
  if (flat.kind === 'invalid') {
    const position = flat.offset === null ? undefined : positionAt(flat.offset, piece.text, piece.line);
    return recover(piece, warnings, { message: flat.message, position }, library, read);
  }
  if (!library) return recover(piece, warnings, null, false, read);
  if (tooDeep(piece.text)) return recover(piece, warnings, { message: `the YAML nests deeper than ${MAX_NESTING} levels` }, true, read);
  const doc = parseDocument(piece.text, YAML_OPTIONS);
  const error = firstError(doc);
  if (error !== null) {
    return recover(piece, warnings, { message: error.message, position: positionAt(error.offset, piece.text, piece.line) }, true, read);
  }
  let value: JsonValue;
  try {
    value = libraryJson(doc, warnings, piece.line);
  } catch (error) {
    if (error instanceof PostParseError) throw error; // a strict-mode warning
    return recover(piece, warnings, { message: error instanceof Error ? error.message : String(error) }, true, read);
  }
  for (const warning of doc.warnings) warnings.add('yaml-warning', warning.message, position(warning, piece.text, piece.line));
  if (value === null) return { data: {}, sources: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnings.add('front-matter-not-mapping', 'the front matter is not a mapping of keys to values; ignored', { line: piece.line + 1, column: 1 });
    return { data: {}, sources: {} };
  }
  return { data: value, sources: scalarSources(doc) };
}

/** The flat reader's warnings: the ones the library path gives for the same data. */
function flatJson(flat: { notes: string[]; cleaned: number }, warnings: Warnings, line: number): undefined {
  for (const source of flat.notes) noteNonJson(source, warnings, line);
  for (let i = 0; i < flat.cleaned; i++) {
    warnings.add('control-characters', 'removed control characters from a front matter string', { line: line + 1, column: 1 });
  }
}

/**
 * The library's document as JSON. Numbers with no JSON form keep their
 * source text, as the flat reader keeps it; a key that is a collection is
 * read as its YAML text (the library would say so on the console). The
 * warnings are given only when the whole value is read, as the flat reader
 * gives them only for what it reads.
 */
function libraryJson(doc: Document, warnings: Warnings, line: number): JsonValue {
  const held: [WarningCode, string, Position][] = [];
  const hold: Warnings = { list: [], add: (code, message, where) => void held.push([code, message, where!]) };
  let keyWarned = false;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        node.value = node.source ?? String(node.value);
        noteNonJson(String(node.value), hold, line);
      }
    },
    Pair(_key, pair) {
      if (!keyWarned && isCollection(pair.key)) {
        keyWarned = true;
        hold.add('yaml-warning', 'a key that is a list or mapping is read as its YAML text', { line: line + 1, column: 1 });
      }
    },
  });
  const value = toJson(doc.toJS({ maxAliasCount: 100 }), hold, line);
  for (const [code, message, where] of held) warnings.add(code, message, where);
  return value;
}

/** The first error in the document, a duplicate key included: at the key, as the flat reader reports it. */
function firstError(doc: Document): { message: string; offset: number } | null {
  const error = doc.errors[0];
  const duplicate = duplicateKey(doc);
  if (duplicate !== null && (error === undefined || duplicate < error.pos[0])) return { message: DUPLICATE_MESSAGE, offset: duplicate };
  return error === undefined ? null : { message: error.message, offset: error.pos[0] };
}

/** Where the first key equal to an earlier key of its mapping starts (scalar keys compare by value, as the library does). */
function duplicateKey(doc: Document): number | null {
  let first: number | null = null;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || pair.key.value !== pair.key.value) continue; // NaN equals nothing
        if (seen.has(pair.key.value)) {
          const at = pair.key.range?.[0] ?? 0;
          if (first === null || at < first) first = at;
        }
        seen.add(pair.key.value);
      }
    },
  });
  return first;
}

function scalarSources(doc: Document, into: Record<string, string> = {}): Record<string, string> {
  if (!isMap(doc.contents)) return into;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (SOURCE_KEYS.has(key) && isScalar(pair.value) && typeof pair.value.source === 'string') define(into, key, pair.value.source);
  }
  return into;
}

/**
 * Reads a YAML block key by key. A key whose own lines still fail keeps its
 * raw text: the archive wrote titles as `"` + raw + `"`, unescaped. Without
 * the library (`library` false: the block is too long for it), a key the
 * flat reader cannot read also keeps its raw text, under one
 * `front-matter-too-large` warning.
 */
function recover(
  piece: Piece,
  warnings: Warnings,
  cause: { message: string; position?: Position | undefined } | null,
  library: boolean,
  read: BlockSource,
): FrontMatterResult {
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
    const line = KEY_LINE.exec(lines[first]!)!;
    const written = line[1]!.trim();
    const name = cleanString(written, warnings, piece.line + first);
    const flat = read.blocks?.answers[k] ?? (read.flat ? readFlatBlock(lines, first, end) : UNREAD);
    const value = readBlock(flat, written, lines, first, end, warnings, piece.line + first, sources, library);
    if (typeof value !== 'symbol') {
      define(result, name, value);
      continue;
    }
    // Without the library, a key keeps all its lines; a key that fails keeps its line, as the archive's titles need.
    const rest = value === TOO_LARGE ? [lines[first]!.slice(line[0].length), ...lines.slice(first + 1, end)].join('\n') : lines[first]!.slice(line[0].length);
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

/** The flat reader's answers for the blocks, when it read them; `flat: false` (for the tests) reads none. */
interface BlockSource {
  blocks: FlatBlocks | null;
  flat: boolean;
}

const FAILED = Symbol('failed');
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
  library: boolean,
): JsonValue | typeof FAILED | typeof TOO_LARGE {
  if (flat.kind === 'value') {
    if (flat.source !== undefined) define(sources, written, flat.source);
    return flatJson(flat, warnings, line) ?? flat.value;
  }
  const block = lines.slice(from, to).join('\n');
  if (flat.kind === 'invalid' || tooDeep(block)) return FAILED;
  if (!library) return TOO_LARGE;
  try {
    const doc = parseDocument(block, YAML_OPTIONS);
    if (doc.errors.length > 0 || duplicateKey(doc) !== null || !isMap(doc.contents) || doc.contents.items.length !== 1) return FAILED;
    const value = libraryJson(doc, warnings, line);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return FAILED;
    const entries = Object.entries(value);
    if (entries.length !== 1) return FAILED;
    scalarSources(doc, sources);
    return entries[0]![1];
  } catch (error) {
    if (error instanceof PostParseError) throw error; // a strict-mode warning
    return FAILED;
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

/** Where a YAML error starts, from its offset into the front matter text. */
function position(error: YAMLError, text: string, lineOffset: number): Position {
  return positionAt(error.pos[0], text, lineOffset);
}

/** The 1-based position of `at` in the front matter text. */
function positionAt(at: number, text: string, lineOffset: number): Position {
  const offset = Math.min(Math.max(at, 0), text.length);
  let line = lineOffset + 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
