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

/**
 * Block collections nested by indentation, as trees rendered with mostly
 * consistent and sometimes wrong indents: mappings, sequences, compact
 * `- k: v` items, anchors on collections, comment lines at any column.
 */
type Tree = { kind: 'map'; entries: TreeEntry[] } | { kind: 'seq'; items: TreeItem[] };
interface TreeEntry {
  key: string;
  /** After `key:`: ` value # comment`, or nothing (or an anchor, a comment) with the child below. */
  head: string;
  child: Tree | null;
  /** How much further in the child stands (0: a sequence may, a mapping may not). */
  shift: number;
  /** A wrong indent for this entry, mostly 0. */
  skew: number;
}
interface TreeItem {
  dash: string;
  text: string;
  /** A compact mapping on the item's line (`- k: v`). */
  map: Tree | null;
  skew: number;
}

// Mostly what a nested front matter writes, so that most trees are read; now and then a corner case.
const nestedKey = fc.oneof({ weight: 24, arbitrary: fc.constantFrom('a', 'b', 'k', 'title', 'date', '__proto__', '<<', '标签') }, { weight: 1, arbitrary: fc.constantFrom('a b', '"q"', '1', 'true', '? k', '-k', '&a k') });
const shift = fc.constantFrom(0, 1, 2, 2, 2, 4);
const skew = fc.oneof({ weight: 40, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1, 2) });
const tame = fc.constantFrom('a', '东财', '1', '1.50', '+0800', '.inf', 'null', '"a b"', "'x'", '[a, 1]', '{k: v}', '*a', '&a v', '&b [1]', '"\\x01"');
const nestedValue = fc.oneof({ weight: 12, arbitrary: tame }, { weight: 1, arbitrary: value });
const nestedComment = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: comment });
const inline = fc.tuple(nestedValue, nestedComment).map(([v, c]) => (v === '' ? c : ` ${v}${c}`));
const odd = fc.constantFrom(' &a', ' &b', ' # c', ' !!map', ' |', ' *a');
const tree: fc.Arbitrary<Tree> = fc.letrec<{ block: Tree; map: Tree; seq: Tree }>((tie) => ({
  block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('map'), tie('seq')),
  map: fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.record({ key: nestedKey, head: inline, child: fc.constant(null), shift, skew }) },
        { weight: 4, arbitrary: fc.record({ key: nestedKey, head: fc.constantFrom('', '', '', ' &a', ' # c'), child: tie('block'), shift, skew }) },
        { weight: 1, arbitrary: fc.record({ key: nestedKey, head: fc.oneof(inline, odd), child: fc.oneof(fc.constant(null), tie('block')), shift, skew }) },
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((entries) => ({ kind: 'map' as const, entries })),
  seq: fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.record({ dash: fc.constantFrom('- ', '- ', '-   '), text: nestedValue, map: fc.constant(null), skew }) },
        { weight: 2, arbitrary: fc.record({ dash: fc.constantFrom('- ', '- ', '-   '), text: fc.constant(''), map: tie('map'), skew }) },
        { weight: 1, arbitrary: fc.record({ dash: fc.constantFrom('-', '- '), text: fc.constantFrom('', ' &a', ' # c'), map: fc.constant(null), skew }) },
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((items) => ({ kind: 'seq' as const, items })),
})).block;

/** The lines of `node` with its entries or items at `column`; the first line starts with `prefix` instead of spaces when given. */
function render(node: Tree, column: number, prefix?: string): string[] {
  const lines: string[] = [];
  const start = (i: number, at: number): string => (i === 0 && prefix !== undefined ? prefix : ' '.repeat(Math.max(0, at)));
  if (node.kind === 'map') {
    node.entries.forEach((entry, i) => {
      lines.push(`${start(i, column + entry.skew)}${entry.key}:${entry.head}`);
      if (entry.child !== null) lines.push(...render(entry.child, column + entry.shift));
    });
  } else {
    node.items.forEach((item, i) => {
      const at = column + item.skew;
      const dash = `${start(i, at)}${item.dash}`;
      if (item.map !== null && item.dash !== '-') lines.push(...render(item.map, dash.length, dash));
      else lines.push(`${dash}${item.text}`);
    });
  }
  return lines;
}

/** Comment and blank lines at any column, or a line going on further in, put between the lines. */
const interleave = (lines: string[]): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '', '# c', '    # c', ' ', '      x')), { maxLength: 1 }).map((extra) => {
    const out = [...lines];
    for (const [at, line] of extra) out.splice(at % (out.length + 1), 0, line);
    return out.join('\n');
  });

/** A top-level key with a block collection below it. */
const nested = fc
  .tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ':', ':', ': &a', ': # c'), shift, tree)
  .chain(([k, s, by, child]) => interleave([k + s, ...render(child, by)]));
/** A whole front matter that is a block sequence (valid YAML, but no mapping). */
const topSequence = tree.chain((node) => interleave(render(node.kind === 'seq' ? node : { kind: 'seq', items: [{ dash: '- ', text: '', map: node, skew: 0 }] }, 0)));

/**
 * Anchors used many times, near the limits both readers must agree on: the
 * library's 100 uses of an anchor (not counted for one holding only empty
 * collections), and the JSON that copies may bring the data to.
 */
const HOLLOW = ['[]', '{}', '[[]]', '[{}]', '[[], {}]', '[[[]]]', '[null]', '[[], 1]'];
/** Hollow anchors inside hollow anchors, each used twice: `[&h2 [&h1 [[]],*h1,*h1],*h2,*h2]`. */
const nestedHollow = (depth: number): string => {
  let inner = '[[]]';
  for (let k = 1; k <= depth; k++) inner = `[&h${k} ${inner},*h${k},*h${k}]`;
  return inner;
};
const anchorValue = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 60 }).map((n) => `[${Array.from({ length: n }, (_, i) => `v${i}`).join(', ')}]`),
  fc.constantFrom(...HOLLOW),
  fc.integer({ min: 1, max: 6 }).map(nestedHollow),
);
export const aliasHeavy: fc.Arbitrary<string> = fc
  .record({
    value: anchorValue,
    below: fc.boolean(),
    uses: fc.integer({ min: 1, max: 120 }),
    flow: fc.boolean(),
    blocks: fc.integer({ min: 1, max: 3 }),
    // Each key alone anchors and copies its own value, as recovery reads it.
    local: fc.boolean(),
    library: fc.boolean(),
    broken: fc.boolean(),
    key: fc.constantFrom('b', 'a-long-key-name-that-counts-in-json'),
  })
  .map(({ value, below, uses, flow, blocks, local, library, broken, key }) => {
    const anchor = below ? `a: &a\n  k: ${value}` : `a: &a ${value}`;
    const per = Math.ceil(uses / blocks);
    const aliases = (b: number): string[] => (local && flow ? [`&a${b} ${value}`, ...Array<string>(per).fill(`*a${b}`)] : Array<string>(per).fill('*a'));
    const parts = Array.from({ length: blocks }, (_, b) => (flow ? `${key}${b}: [${aliases(b).join(', ')}]` : `${key}${b}:\n${Array(per).fill('  - *a').join('\n')}`));
    // A broken title sends the text to key-by-key recovery; a block scalar sends it to the library.
    return [...(broken ? ['title: "a"b"'] : []), anchor, ...parts, ...(library ? ['c: |', '  lit'] : [])].join('\n');
  });

/** Lines that look deeper than the library may be given: long indentation, many dashes, brackets (in quotes and comments too). */
const deepLooking = fc
  .record({
    spaces: fc.integer({ min: 250, max: 262 }),
    brackets: fc.integer({ min: 60, max: 68 }),
    form: fc.constantFrom('indent', 'blank', 'comment', 'quoted', 'trailing', 'dashes', 'item', 'indicators'),
    // Block indicators that open a collection on the same line, before a space or a tab.
    indicator: fc.constantFrom('- ', '-\t', '? ', '?\t', ': ', '- - ', '? - '),
    many: fc.constantFrom(1, 1, 1, 25),
  })
  .map(({ spaces, brackets, form, indicator, many }) => {
    const pad = ' '.repeat(spaces);
    const open = '['.repeat(brackets);
    switch (form) {
      case 'indicators':
        return `${indicator.repeat(Math.ceil((brackets * many) / (indicator.length / 2)))}x`;
      case 'indent':
        return `a:\n${pad}b: 1`;
      case 'blank':
        return `a: 1\n${pad}\nb: 2`;
      case 'comment':
        return `a: 1\n${pad}# c\nb: 2`;
      case 'quoted':
        return `title: "${open}"\nb: 2`;
      case 'trailing':
        return `a: 1 # ${open}\nb: [x]`;
      case 'dashes':
        return `a:\n${'- '.repeat(brackets)}x`;
      default:
        return `- x\n${pad}- y`;
    }
  });

/** Keys that are lists or mappings, nested (`? ? ? x`), on many lines: output once grew with the square of the depth. */
export const complexKeys: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.integer({ min: 1, max: 64 }).map((depth) => `${'? '.repeat(depth)}x`),
      fc.constantFrom('? [a, b]\n: c', '? {x: 1}\n: d', 'title: t', 'k:\n  ? [a]\n  : b'),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

/** Small front matter blocks of YAML's corner cases. */
export const frontMatterText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof({ weight: 12, arbitrary: keyLine }, { weight: 3, arbitrary: sequence }, { weight: 4, arbitrary: nested }, { weight: 1, arbitrary: noise }), { maxLength: 5 })
      .map((lines) => lines.join('\n')),
  },
  { weight: 1, arbitrary: topSequence },
  { weight: 1, arbitrary: aliasHeavy },
  { weight: 1, arbitrary: deepLooking },
  { weight: 1, arbitrary: complexKeys },
);

export type FrontMatterShape =
  | 'many keys' | 'duplicate keys' | 'a flow mapping' | 'a flow sequence' | 'anchors and aliases' | 'merge keys'
  | 'a broken title, then keys' | '60-deep flow sequences' | 'a block sequence' | 'comments' | 'escapes'
  | 'a nested mapping' | 'nested mappings, three deep' | 'a list of mappings' | 'a list, not a mapping' | 'one long value'
  | 'a block scalar (library only)' | 'a multi-line flow sequence (library only)' | 'quoted keys (library only)';

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
  'a nested mapping': { head: 'a:\n', unit: '  k{i}: v\n', tail: '' },
  'nested mappings, three deep': { head: '', unit: 'k{i}:\n  a:\n    b: {i}\n    c: [x]\n', tail: '' },
  'a list of mappings': { head: 'a:\n', unit: '  - k: {i}\n    v: x\n', tail: '' },
  'a list, not a mapping': { head: '', unit: '- x{i}\n', tail: '' },
  'one long value': { head: 'title: ', unit: '示例', tail: '\n' },
  'a block scalar (library only)': { head: 'a: |\n', unit: '  line {i}\n', tail: '' },
  'a multi-line flow sequence (library only)': { head: 'a: [\n', unit: '  x{i},\n', tail: ']\n' },
  'quoted keys (library only)': { head: '', unit: '"k{i}": v\n', tail: '' },
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
