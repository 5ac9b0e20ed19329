/**
 * `maxInputBytes` is one limit on the text, whatever its form: random text
 * (ASCII, CJK, astral characters, lone surrogates) with a limit a few bytes
 * either side of its UTF-8 length is refused (`input-too-large`) or not,
 * the same as a string, a string with a byte order mark, UTF-8 bytes with
 * and without one, and UTF-16LE and UTF-16BE bytes with one; and refused
 * exactly when its UTF-8 length (a lone surrogate counts as U+FFFD, three
 * bytes) is over the limit.
 */

import fc from 'fast-check';
import { parsePost, PostParseError } from 'emnews';
import type { Property } from '../properties.ts';

const PIECES = ['a', ' ', '\n', '---\n', 'é', '示例', '。', '\uD83D\uDE00', '\u{20000}', '\uD800', '\uDFFF', '\0', '<p>'];
export const limitText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 30 })
  .map((parts) => parts.join(''));

const utf16be = (text: string): Uint8Array => Buffer.from(text, 'utf16le').swap16();

/** Every form of the same text. */
const FORMS: readonly [string, (text: string) => string | Uint8Array][] = [
  ['a string', (text) => text],
  ['a string with a BOM', (text) => `\uFEFF${text}`],
  ['UTF-8', (text) => new TextEncoder().encode(text)],
  ['UTF-8 with a BOM', (text) => new TextEncoder().encode(`\uFEFF${text}`)],
  ['UTF-16LE with a BOM', (text) => Buffer.from(`\uFEFF${text}`, 'utf16le')],
  ['UTF-16BE with a BOM', (text) => utf16be(`\uFEFF${text}`)],
];

function tooLarge(input: string | Uint8Array, maxInputBytes: number): boolean {
  try {
    parsePost(input, { maxInputBytes });
    return false;
  } catch (error) {
    if (!(error instanceof PostParseError)) throw error;
    return error.code === 'input-too-large';
  }
}

export const LIMIT_PROPERTIES: readonly Property[] = [
  {
    name: 'maxInputBytes: the same text passes or fails in every form, exactly when its UTF-8 is longer',
    property: fc.property(limitText, fc.integer({ min: -4, max: 4 }), (text, delta) => {
      // A leading U+FEFF of the text would be taken for a byte order mark in some forms only.
      const body = text.replace(/^\uFEFF+/, '');
      const length = new TextEncoder().encode(body).length;
      const limit = Math.max(0, length + delta);
      for (const [form, encode] of FORMS) {
        if (tooLarge(encode(body), limit) !== length > limit) {
          throw new Error(`${form}: ${length} UTF-8 bytes against a limit of ${limit}: ${length > limit ? 'accepted' : 'refused'}`);
        }
      }
    }) as unknown as Property['property'],
  },
];
