/**
 * Input shapes and encodings:
 * - a text (NUL pairs, lone surrogates, CJK, post markup) handed over in
 *   every container a caller might use: a Uint8Array, a Buffer, a view into
 *   a larger or a shared buffer, a subclass, and look-alikes (a Proxy, a
 *   revoked Proxy, an object calling itself a Uint8Array). Real bytes read as the string
 *   does; look-alikes throw `invalid-input`, never another error.
 * - random bytes in every kind of encoding `options.encoding` takes
 *   (multi-byte, stateful, single-byte, UTF-16) with random limits: only
 *   PostParseError escapes, and what parses keeps every invariant.
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseBody, parsePost, PostParseError } from 'emnews';
import { invariantProblems } from '../invariants.ts';
import type { Property } from '../properties.ts';

const PIECES = ['---', '\n', 'title: ', 'date: 2022-05-23 10:00:00', '<p>', '</p>', 'x\0', '\0', '\uD800', '\uDC00', '\uD83D\uDE00', '示例', '\r\n', ' ', '\uFEFF'];
const text: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

type Container = 'Uint8Array' | 'Buffer' | 'offset view' | 'shared' | 'subclass' | 'Proxy' | 'revoked Proxy' | 'look-alike';
const CONTAINERS: readonly Container[] = ['Uint8Array', 'Buffer', 'offset view', 'shared', 'subclass', 'Proxy', 'revoked Proxy', 'look-alike'];

class Bytes extends Uint8Array {}

function contain(bytes: Uint8Array, kind: Container): unknown {
  if (kind === 'Uint8Array') return new Uint8Array(bytes);
  if (kind === 'Buffer') return Buffer.from(bytes);
  if (kind === 'offset view' || kind === 'shared') {
    const buffer = kind === 'shared' ? new SharedArrayBuffer(bytes.length + 6) : new ArrayBuffer(bytes.length + 6);
    const view = new Uint8Array(buffer, 3, bytes.length);
    view.set(bytes);
    return view;
  }
  if (kind === 'subclass') return Bytes.from(bytes);
  if (kind === 'Proxy') return new Proxy(new Uint8Array(bytes), {});
  if (kind === 'revoked Proxy') {
    const { proxy, revoke } = Proxy.revocable(new Uint8Array(bytes), {});
    revoke();
    return proxy;
  }
  return Object.assign({ ...bytes }, { [Symbol.toStringTag]: 'Uint8Array', length: bytes.length, byteLength: bytes.length });
}

/** A result, or the code of the PostParseError; anything else is thrown. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof PostParseError) return error.code;
    throw error;
  }
}

const LABELS = ['gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'utf-16le', 'utf-16be', 'koi8-r', 'windows-1252', 'utf-8'];

export const INPUT_PROPERTIES: readonly Property[] = [
  {
    name: 'a text in any byte container reads as the string; look-alikes are invalid-input',
    property: fc.property(text, fc.constantFrom(...CONTAINERS), (input, kind) => {
      // A byte order mark then the text, as a string and as UTF-16 bytes (exact for lone surrogates too).
      const marked = `\uFEFF${input}`;
      const expected = outcome(() => parsePost(marked));
      const bytes = Buffer.from(marked, 'utf16le');
      const got = outcome(() => parsePost(contain(bytes, kind) as Uint8Array));
      const want = kind === 'Proxy' || kind === 'revoked Proxy' || kind === 'look-alike' ? 'invalid-input' : expected;
      if (!isDeepStrictEqual(got, want)) throw new Error(`${kind}: got ${JSON.stringify(got)?.slice(0, 300)}`);
    }) as unknown as Property['property'],
  },
  {
    name: 'random bytes in any encoding: only PostParseError escapes, and every invariant holds',
    property: fc.property(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(...LABELS),
      fc.option(fc.nat({ max: 400 }), { nil: undefined }),
      (bytes, encoding, maxInputBytes) => {
        const options = maxInputBytes === undefined ? { encoding } : { encoding, maxInputBytes };
        for (const parse of [parsePost, parseBody]) {
          const result = outcome(() => parse(bytes, options));
          if (typeof result === 'string') continue;
          const problems = invariantProblems(result as Parameters<typeof invariantProblems>[0]);
          if (problems.length > 0) throw new Error(`${encoding}: broken invariants:\n${problems.join('\n')}`);
        }
      },
    ) as unknown as Property['property'],
  },
];
