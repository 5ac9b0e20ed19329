import { PostParseError } from '../errors.js';

/** The default of `options.maxInputBytes`: 10 MiB. */
export const DEFAULT_MAX_INPUT_BYTES: number = 10 * 1024 * 1024;

/**
 * Turns the caller's input into one string with `\n` line endings and no BOM,
 * or throws a {@link PostParseError} for input that is not text.
 */
export function readInput(input: unknown, maxInputBytes: number): string {
  let text: string;
  if (typeof input === 'string') {
    if (utf8Length(input, maxInputBytes) > maxInputBytes) throw tooLarge(maxInputBytes);
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > maxInputBytes) throw tooLarge(maxInputBytes);
    const utf16 = utf16Encoding(input);
    text = utf16 === null ? decodeUtf8(input) : new TextDecoder(utf16).decode(input);
  } else {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`;
    throw new PostParseError('invalid-input', `expected a string or a Uint8Array, got ${got}`);
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Checks `maxInputBytes` and returns it, or the default when undefined. */
export function resolveMaxInputBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_BYTES;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new PostParseError('invalid-option', `maxInputBytes must be a non-negative number, got ${String(value)}`);
  }
  return value;
}

function tooLarge(max: number): PostParseError {
  return new PostParseError('input-too-large', `input is larger than maxInputBytes (${max} bytes)`);
}

/**
 * The UTF-8 length of a string, counting only as far as needed to know
 * whether it exceeds `limit`.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
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

/**
 * UTF-16 given as bytes: by its byte order mark, or, without one, by the
 * pattern every ASCII character makes (`---`, `title:`): a printable byte
 * beside a zero byte, in every pair that has a zero. UTF-8 text has no zero
 * bytes. `null` for anything else.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = Math.min(bytes.length, 1024) & ~1;
  const enough = Math.max(2, sample * 0.1);
  if (asciiPairs(bytes, sample, 1) >= enough) return 'utf-16le';
  if (asciiPairs(bytes, sample, 0) >= enough) return 'utf-16be';
  return null;
}

/**
 * How many pairs in the first `sample` bytes are an ASCII character in
 * UTF-16 with its zero byte at `zeroAt` (1: little endian, 0: big endian);
 * 0 when any zero byte breaks that pattern.
 */
function asciiPairs(bytes: Uint8Array, sample: number, zeroAt: 0 | 1): number {
  let count = 0;
  for (let i = 0; i < sample; i += 2) {
    const zero = bytes[i + zeroAt]!;
    const other = bytes[i + 1 - zeroAt]!;
    if (other === 0) return 0;
    if (zero === 0) {
      if (other < 0x20 && other !== 0x09 && other !== 0x0a && other !== 0x0d) return 0;
      count++;
    }
  }
  return count;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return invalidUtf8(offset, { line, column: offset - lineStart + 1 });
  }
}

function invalidUtf8(offset: number, position: { line: number; column: number }): never {
  throw new PostParseError('invalid-utf8', `input is not valid UTF-8 at byte ${offset}`, position);
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
