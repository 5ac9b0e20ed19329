/**
 * The README block extraction that `npm run test:package` relies on: which
 * blocks it finds, where, which opt out, and that a documented value that
 * differs fails the run with the README line.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { codeBlocks, withChecks } from './readme-blocks.ts';

const MARKDOWN = [
  '# Title', // 1
  '```sh', // 2
  'npm install emnews', // 3
  '```', // 4
  '```ts', // 5
  "const a = 1; // 'not a statement value'", // 6
  '```', // 7
  '````TypeScript title="x"', // 8
  '```js', // 9
  '````', // 10
  '  ~~~js', // 11
  '  // Not run by the package check: it fetches from the network', // 12
  '  await fetch(url);', // 13
  '  ~~~', // 14
  '```json', // 15
  '{ "a": 1 }', // 16
  '```', // 17
  '```cjs', // 18
  "const { parsePost } = require('emnews');", // 19
  '```', // 20
  '```mjs', // 21
  'unclosed', // 22
].join('\n');

describe('README code blocks', () => {
  it('finds the TypeScript/JavaScript blocks with their first line, language and opt-out reason, and nothing else', () => {
    deepStrictEqual(
      codeBlocks(MARKDOWN).map((b) => [b.line, b.language, b.code, b.skip]),
      [
        [6, 'ts', "const a = 1; // 'not a statement value'\n", null],
        [9, 'ts', '```js\n', null],
        [12, 'mjs', '// Not run by the package check: it fetches from the network\nawait fetch(url);\n', 'it fetches from the network'],
        [19, 'cjs', "const { parsePost } = require('emnews');\n", null],
        [22, 'mjs', 'unclosed\n', null],
      ],
    );
  });

  it('turns `expression; // literal` into checks, and leaves prose comments alone', () => {
    const code = [
      'const post = { title: "标题", tags: ["a"], date: null };',
      "post.title; // '标题'",
      "post.tags; // ['a']",
      'console.log(post.date); // null',
      "console.log(post.title, 1); // first: '标题'",
      "post.title; // 'a' | 'b'",
      'post.title; // see above',
      '',
    ].join('\n');
    const { code: checked, checks } = withChecks({ line: 40, language: 'mjs', code, skip: null });
    strictEqual(checks, 3);
    deepStrictEqual(checked.split('\n').slice(1, 7), [
      `__expectValue("README.md:41", "post.title", (post.title), ('标题')); // '标题'`,
      `__expectValue("README.md:42", "post.tags", (post.tags), (['a'])); // ['a']`,
      'console.log(__expectValue("README.md:43", "post.date", (post.date), (null))); // null',
      "console.log(post.title, 1); // first: '标题'",
      "post.title; // 'a' | 'b'",
      'post.title; // see above',
    ]);
  });

  for (const language of ['mjs', 'cjs'] as const) {
    it(`a value that differs fails the ${language} run and names the README line`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'emnews-readme-blocks-'));
      try {
        const code = 'const post = { n: 2, o: { a: [1] } };\npost.n; // 2\npost.o; // { a: [1] }\n\nconsole.log(post.n); // 3\n';
        const file = join(dir, `index.${language}`);
        writeFileSync(file, withChecks({ line: 40, language, code, skip: null }).code);
        const result = spawnSync(process.execPath, [file], { encoding: 'utf8' });
        deepStrictEqual([result.status, result.stdout, result.stderr], [1, '2\n', 'README.md:44: post.n is 2, the comment says 3\n']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
