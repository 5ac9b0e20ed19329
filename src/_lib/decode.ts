/**
 * Bytes to text: by the byte order mark (UTF-8, UTF-16LE, UTF-16BE) when
 * the bytes start with one, else in the encoding asked for. Refuses text
 * longer than the limit in UTF-8 without decoding more than it must, and
 * bytes that are not valid in their encoding, with their position.
 */

import { PostParseError } from '../errors.js';

/** Bytes per `TextDecoder` call, and code units per `String.fromCharCode` call. */
const CHUNK = 1 << 16;
const UNITS = 1 << 13;

/** Decodes bytes by their byte order mark, else as `encoding` (a `TextDecoder` name). */
export function decodeBytes(bytes: Uint8Array, max: number, encoding: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, 3, max);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 2, true, max);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 2, false, max);
  if (encoding === 'utf-8') return decodeUtf8(bytes, 0, max);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return decodeUtf16(bytes, 0, encoding === 'utf-16le', max);
  return decodeOther(bytes, encoding, max);
}

function decodeUtf8(bytes: Uint8Array, start: number, max: number): string {
  // Valid UTF-8 is its own UTF-8 length.
  if (bytes.length - start > max) throw tooLarge(max);
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8(body) + start;
    throw new PostParseError('invalid-utf8', `input is not valid UTF-8 at byte ${offset}`, bytePosition(bytes, offset));
  }
}

/**
 * UTF-16 code units as they are, lone surrogates included, so the text is
 * the same string a caller could have passed (and gets the same warnings).
 */
function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean, max: number): string {
  const end = bytes.length - ((bytes.length - start) & 1);
  // Every code unit is at least one UTF-8 byte: refuse early without decoding.
  if ((end - start) / 2 > max) throw tooLarge(max);
  const parts: string[] = [];
  const units = new Uint16Array(UNITS);
  for (let at = start; at < end; ) {
    let n = 0;
    for (; n < UNITS && at < end; n++, at += 2) {
      units[n] = littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
    }
    parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  }
  const text = parts.join('');
  if (end < bytes.length) {
    const newline = text.lastIndexOf('\n');
    const lineStart = newline === -1 ? 0 : start + 2 * (newline + 1);
    const position = { line: lineCount(text), column: end - lineStart + 1 };
    throw invalidBytes(end, littleEndian ? 'UTF-16LE' : 'UTF-16BE', position, 'a lone last byte');
  }
  if (longerThan(text, max)) throw tooLarge(max);
  return text;
}

/** Any other encoding, through `TextDecoder`, a chunk at a time so decoding stops at the limit. */
function decodeOther(bytes: Uint8Array, encoding: string, max: number): string {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let size = 0;
  for (let at = 0; at < bytes.length || at === 0; at += CHUNK) {
    const last = at + CHUNK >= bytes.length;
    let part: string;
    try {
      part = decoder.decode(bytes.subarray(at, at + CHUNK), { stream: !last });
    } catch {
      const offset = firstInvalidByte(bytes, encoding, at);
      throw invalidBytes(offset, encoding, bytePosition(bytes, offset), `byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '?'}`);
    }
    size += utf8Size(part, max - size);
    if (size > max) throw tooLarge(max);
    parts.push(part);
    if (last) break;
  }
  return parts.join('');
}

/**
 * Where a fatal decoder first fails, as the offset of the first byte of the
 * bad sequence (as `invalid-utf8` reports it). The error path only: decode
 * the good prefix once, up to a few bytes before the chunk that failed
 * (`from`), then feed one byte at a time; a sequence starts after the last
 * byte that completed a character. Linear: one pass, plus at most one chunk
 * of one-byte calls.
 */
function firstInvalidByte(bytes: Uint8Array, encoding: string, from: number): number {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  // Sequences are at most 4 bytes, so one pending at `from` starts after this.
  let start = Math.max(0, from - 4);
  decoder.decode(bytes.subarray(0, start), { stream: true });
  for (let i = start; i < bytes.length; i++) {
    try {
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: i + 1 < bytes.length }) !== '') start = i + 1;
    } catch {
      return start;
    }
  }
  return start;
}

export function tooLarge(max: number): PostParseError {
  return new PostParseError('input-too-large', `input is larger than maxInputBytes (${max} bytes of UTF-8)`);
}

function invalidBytes(offset: number, encoding: string, position: { line: number; column: number }, what: string): PostParseError {
  return new PostParseError('invalid-bytes', `input is not valid ${encoding} at byte ${offset} (${what})`, position);
}

/** Line and column (in bytes) of `offset`, counting `\n` bytes. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Whether the text is longer than `max` bytes in UTF-8 (no counting when each unit could take 3). */
export function longerThan(text: string, max: number): boolean {
  return text.length * 3 > max && utf8Size(text, max) > max;
}

/**
 * The UTF-8 length of a string (a lone surrogate counts 3, as the U+FFFD it
 * becomes) when it is at most `limit`; otherwise some number above `limit`,
 * found by counting only as far as needed.
 */
function utf8Size(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trail: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trail = 1;
    else if (lead >= 0xe0 && lead <= 0xef) trail = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) trail = 3;
    else return i;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
    else if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
    for (let k = 1; k <= trail; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trail + 1;
  }
  return bytes.length;
}
