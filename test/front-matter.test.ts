/**
 * The front matter and the post's layout: recovery from broken YAML and
 * from the defects docs/format.md lists, each with the expected fields inline.
 */

import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePost, type Post } from 'emnews';

const post = (...lines: string[]): string => lines.join('\n');
const FOOTER = ['', '<http://finance.eastmoney.com/news/1355,202205230000000021.html>'];
const pick = <K extends keyof Post>(result: Post, keys: K[]): Pick<Post, K> =>
  Object.fromEntries(keys.map((key) => [key, result[key]])) as Pick<Post, K>;

interface Case {
  name: string;
  input: string;
  expected: Partial<Post>;
}

const cases: Case[] = [
  {
    name: 'a title with unescaped inner quotes is read from the raw line',
    input: post('---', 'layout: post', 'title: "示例公司称"新品"将上市"', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', ...FOOTER),
    expected: {
      title: '示例公司称"新品"将上市',
      frontMatter: { layout: 'post', title: '示例公司称"新品"将上市', date: '2022-05-23 17:03:48 +0800' },
      warnings: [{ code: 'recovered-title', message: 'the title is not valid YAML; read from the raw line', line: 3, column: 1 }],
    },
  },
  {
    name: 'a title with a backslash (an invalid YAML escape) is read from the raw line',
    input: post('---', 'title: "路径C:\\示例\\文件"', '---', '正文', ...FOOTER),
    expected: {
      title: '路径C:\\示例\\文件',
      warnings: [
        { code: 'recovered-title', message: 'the title is not valid YAML; read from the raw line', line: 2, column: 1 },
        { code: 'missing-date', message: 'the post has no date; date is null', line: null, column: null },
      ],
    },
  },
  {
    name: 'an empty title and a date that is only an offset',
    input: post('---', 'title: ""', 'date:  +0800', '---', '正文', ...FOOTER),
    expected: {
      title: '',
      date: null,
      frontMatter: { title: '', date: 800 },
      warnings: [
        { code: 'empty-title', message: 'the title is empty', line: null, column: null },
        { code: 'missing-date', message: 'the post has no date; date is null', line: null, column: null },
      ],
    },
  },
  {
    name: 'unknown keys are kept with their YAML values; Jekyll lists for categories and tags',
    input: post(
      '---',
      'title: 2022',
      'date: 2022-05-23 17:03:48 +0800',
      'categories: emnews 东财',
      'tags: [甲, 乙, 3]',
      'author:',
      '  name: 示例',
      '  ids: [1, 2]',
      'draft: false',
      '---',
      '正文',
      ...FOOTER,
    ),
    expected: {
      title: '2022',
      categories: ['emnews', '东财'],
      tags: ['甲', '乙', '3'],
      frontMatter: {
        title: 2022,
        date: '2022-05-23 17:03:48 +0800',
        categories: 'emnews 东财',
        tags: ['甲', '乙', 3],
        author: { name: '示例', ids: [1, 2] },
        draft: false,
      },
      warnings: [],
    },
  },
  {
    name: 'duplicate keys: recovered key by key, the last one wins',
    input: post('---', 'title: 甲', 'title: 乙', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', ...FOOTER),
    expected: {
      title: '乙',
      warnings: [{ code: 'invalid-front-matter', message: 'Map keys must be unique; recovered key by key', line: 3, column: 1 }],
    },
  },
  {
    name: 'a front matter that is not a mapping is ignored with a warning',
    input: post('---', '- 甲', '- 乙', '---', '正文', ...FOOTER),
    expected: {
      frontMatter: {},
      title: '',
      warnings: [
        { code: 'front-matter-not-mapping', message: 'the front matter is not a mapping of keys to values; ignored', line: 2, column: 1 },
        { code: 'empty-title', message: 'the post has no title', line: null, column: null },
        { code: 'missing-date', message: 'the post has no date; date is null', line: null, column: null },
      ],
    },
  },
  {
    name: 'numbers with no JSON form are kept as YAML text',
    input: post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', 'ratio: .inf', '---', '正文', ...FOOTER),
    expected: {
      frontMatter: { title: '甲', date: '2022-05-23 17:03:48 +0800', ratio: '.inf' },
      warnings: [{ code: 'non-json-value', message: 'the front matter number .inf has no JSON form; kept as text', line: 2, column: 1 }],
    },
  },
  {
    name: 'unknown tags are data with a warning, never evaluated',
    input: post('---', 'title: !foo 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', ...FOOTER),
    expected: {
      title: '甲',
      warnings: [{ code: 'yaml-warning', message: 'Unresolved tag: !foo', line: 2, column: 8 }],
    },
  },
  {
    name: 'no front matter: the whole text is the body',
    input: post('只有正文。', ...FOOTER),
    expected: {
      frontMatter: {},
      paragraphs: [{ kind: 'paragraph', text: '只有正文。', mentions: [] }],
      warnings: [
        { code: 'missing-front-matter', message: 'the post does not start with a `---` front matter block', line: 1, column: 1 },
        { code: 'empty-title', message: 'the post has no title', line: null, column: null },
        { code: 'missing-date', message: 'the post has no date; date is null', line: null, column: null },
      ],
    },
  },
  {
    name: 'an unterminated front matter block is read as body, nothing lost',
    input: post('---', 'title: 甲', '', '正文', ...FOOTER),
    expected: {
      frontMatter: {},
      paragraphs: [
        { kind: 'paragraph', text: 'title: 甲', mentions: [] },
        { kind: 'paragraph', text: '正文', mentions: [] },
      ],
      warnings: [
        { code: 'unterminated-front-matter', message: 'the front matter has no closing `---` line; read as body', line: 1, column: 1 },
        { code: 'empty-title', message: 'the post has no title', line: null, column: null },
        { code: 'missing-date', message: 'the post has no date; date is null', line: null, column: null },
      ],
    },
  },
  {
    name: 'a `---` line inside the body is a paragraph break',
    input: post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '<p>第一段', '---', '第二段</p>', ...FOOTER),
    expected: {
      paragraphs: [
        { kind: 'paragraph', text: '第一段', mentions: [] },
        { kind: 'paragraph', text: '第二段', mentions: [] },
      ],
      warnings: [{ code: 'stray-delimiter', message: 'a `---` line inside the body; read as a paragraph break', line: 6, column: 1 }],
    },
  },
  {
    name: 'an empty URL line, and a file name that supplies the ids',
    input: post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', '', '<>'),
    expected: {
      url: null,
      articleId: null,
      warnings: [{ code: 'empty-url', message: 'the original-URL line is empty (<>)', line: 7, column: 1 }],
    },
  },
  {
    name: 'a post without a URL line',
    input: post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '正文'),
    expected: { url: null, warnings: [{ code: 'missing-url', message: 'the post has no original-URL line', line: null, column: null }] },
  },
  {
    name: 'an /a/<id>.html URL gives the article id',
    input: post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', '', '<https://finance.eastmoney.com/a/202205230000000022.html>'),
    expected: {
      url: {
        href: 'https://finance.eastmoney.com/a/202205230000000022.html',
        host: 'finance.eastmoney.com',
        articleId: '202205230000000022',
        column: null,
        infoCode: null,
      },
      articleId: '202205230000000022',
    },
  },
];

describe('front matter and layout', () => {
  for (const { name, input, expected } of cases) {
    it(name, () => {
      const result = parsePost(input);
      deepStrictEqual(pick(result, Object.keys(expected) as (keyof Post)[]), expected);
    });
  }

  it('reads deeply nested YAML as raw text instead of recursing into it, call after call', () => {
    const deep = '['.repeat(10_000);
    for (let i = 0; i < 3; i++) {
      const result = parsePost(post('---', `title: ${deep}`, 'date: 2022-05-23 17:03:48 +0800', '---', '正文', ...FOOTER));
      deepStrictEqual(pick(result, ['title', 'warnings']), {
        title: deep,
        warnings: [{ code: 'recovered-title', message: 'the title is not valid YAML; read from the raw line', line: 2, column: 1 }],
      });
    }
    strictEqual(parsePost(post('---', 'title: 甲', '---', '正文')).title, '甲');
  });

  it('keeps __proto__ and constructor as plain data without touching Object.prototype', () => {
    const result = parsePost(post('---', '__proto__:', '  polluted: yes', 'constructor: 甲', 'title: 乙', '---', '正文'));
    strictEqual(({} as Record<string, unknown>)['polluted'], undefined);
    strictEqual(Object.getPrototypeOf(result.frontMatter), Object.prototype);
    deepStrictEqual(Object.keys(result.frontMatter), ['__proto__', 'constructor', 'title']);
    deepStrictEqual(Object.getOwnPropertyDescriptor(result.frontMatter, '__proto__')?.value, { polluted: 'yes' });
    deepStrictEqual(JSON.parse(JSON.stringify(result)), result);
  });

  it('takes the article id, the infoCode and a fallback date from options.fileName', () => {
    const result = parsePost(post('---', 'title: 甲', '---', '正文', '', '<>'), {
      fileName: 'archive/_posts/2022-05-23-NW202205230000000023.md',
    });
    deepStrictEqual(pick(result, ['articleId', 'infoCode', 'date', 'warnings']), {
      articleId: '202205230000000023',
      infoCode: 'NW202205230000000023',
      date: {
        iso: '2022-05-23T00:00:00+08:00',
        utc: '2022-05-22T16:00:00.000Z',
        epochMs: Date.UTC(2022, 4, 22, 16),
        offset: '+08:00',
        assumed: true,
        raw: '2022-05-23',
        from: 'file-name',
      },
      warnings: [
        { code: 'missing-date', message: "the post has no date; using the file name's 2022-05-23", line: null, column: null },
        { code: 'empty-url', message: 'the original-URL line is empty (<>)', line: 6, column: 1 },
      ],
    });
  });

  it('warns when the file name and the URL disagree on the article id, and keeps the URL', () => {
    const result = parsePost(post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', ...FOOTER), {
      fileName: '2022-05-23-202205230000000099.md',
    });
    strictEqual(result.articleId, '202205230000000021');
    deepStrictEqual(result.warnings, [
      { code: 'id-mismatch', message: "the file name's article id 202205230000000099 differs from the URL's 202205230000000021", line: null, column: null },
    ]);
  });

  it('flags a file name that carries neither a date nor an id', () => {
    const result = parsePost(post('---', 'title: 甲', 'date: 2022-05-23 17:03:48 +0800', '---', '正文', ...FOOTER), {
      fileName: 'notes.md',
    });
    deepStrictEqual(result.warnings, [
      { code: 'invalid-file-name', message: 'the file name "notes.md" carries neither a date nor an article id', line: null, column: null },
    ]);
  });
});
