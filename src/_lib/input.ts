/**
 * The caller's input, as text: a string as it is, or the bytes of a real
 * `Uint8Array` decoded by decode.ts. Anything else is `invalid-input`.
 */

import { PostParseError } from '../errors.js';
import { decodeBytes, longerThan, tooLarge } from './decode.js';

const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype) as object;
const intrinsic = (key: PropertyKey): ((this: unknown) => unknown) =>
  Object.getOwnPropertyDescriptor(TYPED_ARRAY, key)!.get as (this: unknown) => unknown;
// The engine's own accessors: they read a typed array's internal slots, so a
// Proxy or a look-alike object cannot pass for bytes, and a subclass cannot
// change what its bytes are.
const typedArrayName = intrinsic(Symbol.toStringTag);
const bufferOf = intrinsic('buffer');
const byteOffsetOf = intrinsic('byteOffset');
const byteLengthOf = intrinsic('byteLength');

/**
 * Turns the caller's input into one string with `\n` line endings and no
 * byte order mark, or throws a {@link PostParseError} for input that is not
 * text. Bytes are decoded by their byte order mark (UTF-8, UTF-16LE,
 * UTF-16BE) when they start with one, else as `encoding` (a name
 * `checkEncoding` returned). `maxInputBytes` bounds the length of the text
 * in UTF-8, byte order mark excluded, whatever form it came in.
 */
export function readInput(input: unknown, maxInputBytes: number, encoding = 'utf-8'): string {
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (longerThan(text, maxInputBytes)) throw tooLarge(maxInputBytes);
  } else {
    text = decodeBytes(toBytes(input), maxInputBytes, encoding);
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** A plain view of the caller's `Uint8Array` (a copy when its memory is shared), or `invalid-input`. */
function toBytes(input: unknown): Uint8Array {
  if (typedArrayName.call(input) !== 'Uint8Array') throw new PostParseError('invalid-input', `expected a string or a Uint8Array, got ${describe(input)}`);
  const length = byteLengthOf.call(input) as number;
  if (length === 0) return new Uint8Array(0); // also a detached buffer
  const buffer = bufferOf.call(input) as ArrayBufferLike;
  const bytes = new Uint8Array(buffer, byteOffsetOf.call(input) as number, length);
  // Another thread may write to shared memory while we read: take a snapshot.
  return Object.prototype.toString.call(buffer) === '[object SharedArrayBuffer]' ? bytes.slice() : bytes;
}

function describe(input: unknown): string {
  if (input === null || typeof input !== 'object') return input === null ? 'null' : `a ${typeof input}`;
  try {
    return Array.isArray(input) ? 'an array' : 'an object that is not a Uint8Array';
  } catch {
    return 'a revoked Proxy'; // the one object that Array.isArray throws on
  }
}
