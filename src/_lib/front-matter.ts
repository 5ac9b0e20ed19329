/**
 * Reads the YAML front matter into plain JSON data, recovering what a broken
 * block still says. Knows nothing of HTML.
 *
 * The flat reader (flat-yaml.ts) reads what posts write, in linear time, as
 * the YAML library would. The rest goes to the library, which costs about a
 * microsecond and several hundred bytes of memory per byte of YAML, and more
 * on some shapes: it is given at most {@link MAX_LIBRARY_LENGTH} characters
 * (real posts have under 300). Broken blocks are read key by key
 * (recovery.ts).
 */

import { isCollection, isMap, isScalar, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { PostParseError, type WarningCode } from '../errors.js';
import type { FrontMatter, JsonValue } from '../types.js';
import { DUPLICATE_MESSAGE, readFlatYaml, SOURCE_KEYS, type FlatYaml } from './flat-yaml.js';
import type { Piece } from './layout.js';
import { FAILED, flatWarnings, MAX_LIBRARY_LENGTH, MAX_NESTING, recover, tooDeep, type BlockSource } from './recovery.js';
import type { Position, Warnings } from './warnings.js';
import { COLLECTION_KEY_MESSAGE, COPY_MESSAGE, define, jsonLength, maxAliasedBlockJson, maxAliasedJson, noteNonJson, toJson } from './yaml-json.js';

export { MAX_LIBRARY_LENGTH };

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

/** The front matter data, and the source text of the top-level `title` and `date` scalars. */
export interface FrontMatterResult {
  data: FrontMatter;
  /** `date:  +0800` reads as the number 800; its source `+0800` is kept here (for `title` and `date`, which are read as text). */
  sources: Record<string, string>;
}

/**
 * Reads a front matter block; never throws for bad YAML. `flat: false`
 * (for the tests) leaves everything to the library: the answer must be the
 * same for any block up to {@link MAX_LIBRARY_LENGTH}.
 */
export function readFrontMatter(piece: Piece, warnings: Warnings, flatReader = true): FrontMatterResult {
  const lines = piece.text.split('\n');
  const library = piece.text.length <= MAX_LIBRARY_LENGTH;
  // YAML that may nest too deep for the library is read key by key, by either reader, so that both answer alike.
  if (tooDeep(lines)) {
    const read: BlockSource = { blocks: null, flat: flatReader, library: readLibraryBlock, deep: true };
    return recover(piece, warnings, { message: `the YAML nests deeper than ${MAX_NESTING} levels` }, library, read);
  }
  const flat: FlatYaml = flatReader ? readFlatYaml(piece.text, lines) : { kind: 'unsupported', blocks: null };
  if (flat.kind === 'mapping') {
    flatWarnings(flat, warnings, piece.line);
    return { data: flat.data, sources: flat.sources };
  }
  if (flat.kind === 'sequence') {
    flatWarnings(flat, warnings, piece.line);
    return notMapping(piece, warnings);
  }
  // How recovery reads each key: as the flat reader already read it, or read it now, or (for the tests) not at all.
  const read: BlockSource = { blocks: flat.blocks, flat: flatReader, library: readLibraryBlock, deep: false };
  if (flat.kind === 'invalid') {
    const position = flat.offset === null ? undefined : positionAt(flat.offset, piece.text, piece.line);
    return recover(piece, warnings, { message: flat.message, position }, library, read);
  }
  if (!library) return recover(piece, warnings, null, false, read);
  const doc = parseDocument(piece.text, YAML_OPTIONS);
  const error = firstError(doc);
  if (error !== null) {
    return recover(piece, warnings, { message: error.message, position: positionAt(error.offset, piece.text, piece.line) }, true, read);
  }
  let value: JsonValue;
  try {
    value = libraryJson(doc, warnings, piece.line, maxAliasedJson(piece.text.length));
  } catch (error) {
    if (error instanceof PostParseError) throw error; // a strict-mode warning
    return recover(piece, warnings, { message: error instanceof Error ? error.message : String(error) }, true, read);
  }
  for (const warning of doc.warnings) warnings.add('yaml-warning', warning.message, position(warning, piece.text, piece.line));
  if (value === null) return { data: {}, sources: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return notMapping(piece, warnings);
  return { data: value, sources: scalarSources(doc) };
}

/** Valid YAML that is a list or a scalar: no data, and a warning. */
function notMapping(piece: Piece, warnings: Warnings): FrontMatterResult {
  warnings.add('front-matter-not-mapping', 'the front matter is not a mapping of keys to values; ignored', { line: piece.line + 1, column: 1 });
  return { data: {}, sources: {} };
}

/** The library's reading of one key's block, for recovery. */
function readLibraryBlock(block: string, warnings: Warnings, line: number, sources: Record<string, string>): JsonValue | typeof FAILED {
  try {
    const doc = parseDocument(block, YAML_OPTIONS);
    if (doc.errors.length > 0 || duplicateKey(doc) !== null || !isMap(doc.contents) || doc.contents.items.length !== 1) return FAILED;
    const value = libraryJson(doc, warnings, line, maxAliasedBlockJson(block.length));
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
 * The library's document as JSON. Numbers with no JSON form keep their
 * source text, as the flat reader keeps it. The warnings are given only
 * when the whole value is read, as the flat reader gives them only for
 * what it reads. Throws for a key that is a list or a mapping (it has no
 * JSON form, and written out as YAML text its size grows with the square
 * of its depth), and when aliases make the JSON longer than `maxJson`
 * ({@link maxAliasedJson}, {@link maxAliasedBlockJson}).
 */
function libraryJson(doc: Document, warnings: Warnings, line: number, maxJson: number): JsonValue {
  const held: [WarningCode, string, Position][] = [];
  const hold: Warnings = { list: [], add: (code, message, where) => void held.push([code, message, where!]) };
  let aliased = false;
  visit(doc, {
    Alias() {
      aliased = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        node.value = node.source ?? String(node.value);
        noteNonJson(String(node.value), hold, line);
      }
    },
    Pair(_key, pair) {
      if (isCollection(pair.key)) throw new Error(COLLECTION_KEY_MESSAGE);
    },
  });
  const value = toJson(doc.toJS({ maxAliasCount: 100 }), hold, line);
  if (aliased && jsonLength(value) > maxJson) throw new Error(COPY_MESSAGE);
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
