/**
 * Front matter generators: small blocks full of YAML's corner cases (for
 * the differential test of the flat reader against the library), and large
 * blocks of the shapes that once made the library slow (many keys,
 * duplicates, flow collections, anchors and aliases, broken titles).
 */

import fc from 'fast-check';

const KEYS = ['title', 'date', 'tags', 'a', 'b', 'k1', '_x', 'a-b', '__proto__', 'constructor', '<<'];
const ODD_KEYS = ['null', 'True', 'a b', 'x.y', '"q"', '-x', '1', 'é', '标题', '&a k', '*a', 'k'.repeat(992), 'k'.repeat(1000), 'k'.repeat(1024), 'k'.repeat(1025), '键'.repeat(1025)];
const key = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
const separator = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(': ', ':  ') }, { weight: 1, arbitrary: fc.constantFrom(':', ': \t', ':\t', ' : ') });
/** Scalars that may stand anywhere, flow collections included. */
const ATOMS = [
  'a', 'a b', '东财滚动新闻', 'x-y', '-x', '?x', '.5', '1', '-3', '+0800', '0x1F', '0o17', '1.50', '5.', '1e5', '1e400', '-1e400',
  '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'true', 'FALSE', 'tRue', '0', '-0', '9'.repeat(30), '"a"', '"a b"', '""', "''",
  '"\\x41\\u00e9\\U0001F600"', '"\\t\\n\\0\\/\\_"', '"\\q"', '"\\xZZ"', '"\\UFFFFFFFF"', '"a\\"b"', '"a\\\\"', "'it''s'", "'#'", '"[x]"',
  '"\\uD800"', '"x\\x01y"', '"\u202E"', '*a', '*b', '*zz', '&a 1', '&b x', '&a [1]', '&b {}', '&a []', '!!str 1', '!x y', '@x', '`x`',
];
/** Scalars only a block value may be. */
const BLOCK_ATOMS = [
  'a #c', 'a#b', 'a: b', 'a:', 'a:b', 'http://x.com/a?b=c#d', '- x', '-', '? x', '?', ': x', 'x, y', 'a [b]', '{a', '[a', '"a"b"',
  '"a" # c', '"a"#c', "'a'b", '"unclosed', "'unclosed", '|', '>-', '%x', ',x', ']', '}', '#', '&a', '&b', '& a', '*a b', '&a *b', '"a" "b"',
  '[a] b', '[a]#c', '[a] # c', '[a]]', 'x\u2028y', 'a\tb', '\uFEFFx',
];

const space = fc.constantFrom('', ' ', '  ');

/** A flow collection of atoms and smaller collections, with odd spacing and commas. */
const flow: fc.Arbitrary<string> = fc.letrec<{ node: string; seq: string; map: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...ATOMS), tie('seq'), tie('map')),
  seq: fc
    .tuple(fc.array(fc.tuple(space, tie('node'), space), { maxLength: 4 }), fc.constantFrom(']', ', ]', ',]', ',,]', ' ]'))
    .map(([items, end]) => `[${items.map(([a, n, b]) => a + n + b).join(',')}${end}`),
  map: fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom('a', 'b', 'k', '"q"', "'s'", '1', 'null', '-k', 'a b', '&x k', '*a', '? k'), fc.constantFrom(': ', ':', ' : ', ''), fc.oneof(fc.constant(''), tie('node'))), { maxLength: 4 }),
      fc.constantFrom('}', ', }', ',}'),
    )
    .map(([entries, end]) => `{${entries.map(([k, s, v]) => k + s + v).join(', ')}${end}`),
})).node;

const comment = fc.constantFrom('', '', '', ' # c', '# c', ' #');
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ATOMS) },
  { weight: 1, arbitrary: fc.constantFrom(...BLOCK_ATOMS) },
  { weight: 3, arbitrary: flow },
  { weight: 1, arbitrary: fc.constant('') },
);
const keyLine = fc.tuple(key, separator, value, comment).map(([k, s, v, c]) => k + s + v + c);
const dash = fc.oneof({ weight: 8, arbitrary: fc.constant('- ') }, { weight: 1, arbitrary: fc.constantFrom('-', '-  ', '- - ', '- k: ', '-x') });
const indent = fc.constantFrom('', '  ');
const item = fc.tuple(dash, value, comment).map(([d, v, c]) => d + v + c);
const sequence = fc
  .tuple(key, fc.constantFrom(':', ':', ': &a', ': &b ', ': # c'), indent, fc.array(fc.tuple(fc.constantFrom('', '', '', ' '), item), { minLength: 1, maxLength: 3 }))
  .map(([k, s, i, items]) => [k + s, ...items.map(([extra, line]) => i + extra + line)].join('\n'));
const noise = fc.constantFrom('', '# c', '  # c', '  x', '  k: v', '- a', '---x', '%YAML 1.2', '\tx', ' ', '...x', 'key', '? k', ': v');

/** Small front matter blocks of YAML's corner cases. */
export const frontMatterText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 12, arbitrary: keyLine }, { weight: 3, arbitrary: sequence }, { weight: 1, arbitrary: noise }), { maxLength: 5 })
  .map((lines) => lines.join('\n'));

export type FrontMatterShape =
  | 'many keys' | 'duplicate keys' | 'a flow mapping' | 'a flow sequence' | 'anchors and aliases' | 'merge keys'
  | 'a broken title, then keys' | '60-deep flow sequences' | 'a block sequence' | 'comments' | 'escapes'
  | 'a block scalar (library only)' | 'a nested mapping (library only)' | 'lines that are not keys' | 'one long value';

/**
 * Large front matter of one repeated shape: `{i}` is the repetition's
 * number. Before issue 13 these cost 15-30 µs per byte in the library (and
 * 400-800 bytes of memory per byte); the flat reader must read them in
 * linear time, and the rest must stay within the library's size limit.
 */
const DEEP = `${'['.repeat(60)}x${']'.repeat(60)}`;
export const FRONT_MATTER_SHAPES: Record<FrontMatterShape, { head: string; unit: string; tail: string }> = {
  'many keys': { head: '', unit: 'k{i}: {i}\n', tail: '' },
  'duplicate keys': { head: '', unit: 'k: v{i}\n', tail: '' },
  'a flow mapping': { head: 'a: {', unit: 'k{i}: v, ', tail: '}\n' },
  'a flow sequence': { head: 'a: [', unit: '"v{i}", ', tail: ']\n' },
  'anchors and aliases': { head: '', unit: 'k{i}: &a{i} v\nr{i}: *a{i}\n', tail: '' },
  'merge keys': { head: 'base: &b {x: 1}\n', unit: 'k{i}: {<<: *b}\n', tail: '' },
  'a broken title, then keys': { head: 'title: "a"b"\n', unit: 'k{i}: v\n', tail: '' },
  '60-deep flow sequences': { head: '', unit: `k{i}: ${DEEP}\n`, tail: '' },
  'a block sequence': { head: 'a:\n', unit: '  - {i}\n', tail: '' },
  'comments': { head: 'a: 1\n', unit: '# comment {i}\n', tail: '' },
  'escapes': { head: '', unit: 'k{i}: "\\u00e9\\x41\\t"\n', tail: '' },
  'a block scalar (library only)': { head: 'a: |\n', unit: '  line {i}\n', tail: '' },
  'a nested mapping (library only)': { head: 'a:\n', unit: '  k{i}: v\n', tail: '' },
  'lines that are not keys': { head: '', unit: '- x{i}\n', tail: '' },
  'one long value': { head: 'title: ', unit: '示例', tail: '\n' },
};

export const frontMatterShape: fc.Arbitrary<FrontMatterShape> = fc.constantFrom(...(Object.keys(FRONT_MATTER_SHAPES) as FrontMatterShape[]));

/** A post whose front matter is `shape` repeated until it is about `size` characters long. */
export function frontMatterPost(shape: FrontMatterShape, size: number): string {
  const { head, unit, tail } = FRONT_MATTER_SHAPES[shape];
  const parts: string[] = [head];
  let length = head.length;
  for (let i = 0; length < size; i++) {
    const part = unit.split('{i}').join(String(i));
    parts.push(part);
    length += part.length;
  }
  return `---\n${parts.join('')}${tail}---\n<p>正文。</p>\n\n<http://finance.eastmoney.com/a/202205230000000001.html>\n`;
}
