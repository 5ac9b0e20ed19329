/**
 * The example posts and `npm run demo`, run the way a newcomer runs them,
 * under several host time zones and locales; the command-line examples from
 * a folder whose path has a space and Chinese characters. (The AWS examples
 * are in aws-examples.test.ts; the Cloudflare Worker is deployed by
 * `npm run test:runtimes`.)
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parsePost, type Post } from 'emnews';
import { invariantProblems } from './invariants.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROLLING = '2022-05-23-202205230000000003.md';
const DEFECTS = '-202205260000000005.md';

function demo(env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** The demo's sections: a label line, a file line, then the post's JSON. */
function sections(output: string): { label: string; file: string; summary: string; post: Post }[] {
  return output.split(/^(?=── )/m).map((section) => {
    const [, label, file, summary, json] = /^── \d+\/\d+ (.+)\n {3}(\S+): (.+)\n([^]+)$/.exec(section) ?? [];
    ok(json !== undefined, `not a demo section:\n${section.slice(0, 200)}`);
    return { label: label!, file: file!, summary: summary!, post: JSON.parse(json) as Post };
  });
}

describe('npm run demo', () => {
  const output = demo();
  const results = sections(output);
  const byFile = new Map(results.map(({ file, post }) => [file, post]));

  it('shows the clean posts first, the rolling-news post at the top, and the recovery example last, labelled', () => {
    deepStrictEqual(
      results.map((r) => r.file),
      [ROLLING, '2022-05-23-NW202205230000000003.md', '2021-12-08-202112080000000002.md', '2021-12-08-202112080000000001.md', DEFECTS],
    );
    for (const { label, summary } of results.slice(0, 3)) {
      ok(label.startsWith('A clean post: '), label);
      strictEqual(summary, 'no warnings');
    }
    ok(results[3]!.label.startsWith('Warnings: '), results[3]!.label);
    strictEqual(results[3]!.summary, '2 coded warnings: relative-url, relative-url');
    const last = results.at(-1)!;
    ok(last.label.startsWith('Recovery: a post with defects'), last.label);
    strictEqual(last.summary, '4 coded warnings: stray-delimiter, recovered-title, missing-date, empty-url');
  });

  it('numbers the sections 1/5 to 5/5 and separates them by a blank line', () => {
    deepStrictEqual(
      output.match(/^── \d+\/\d+/gm),
      ['── 1/5', '── 2/5', '── 3/5', '── 4/5', '── 5/5'],
    );
    strictEqual(output.split('\n\n── ').length, 5);
  });

  it('every example satisfies the invariants', () => {
    for (const { file, post } of results) deepStrictEqual([file, invariantProblems(post)], [file, []]);
  });

  it('the rolling-news example yields its entities, image caption and source', () => {
    const post = byFile.get(ROLLING)!;
    deepStrictEqual(
      post.entities.map((e) => [e.kind, e.secid ?? e.code, e.label, e.exchange, e.mentionCount]),
      [
        ['stock', '0.000816', '智慧农业', 'SZ', 1],
        ['board', '90.BK1061', '数字经济', null, 2],
        ['stock', '0.300832', '新产业', 'SZ', 1],
        ['keyword', '3323', '营业收入', null, 1],
        ['stock', '116.00700', '示例控股', 'HK', 1],
        ['stock', '106.NIO', '示例汽车', 'US', 1],
      ],
    );
    deepStrictEqual(
      post.paragraphs.map((p) => p.kind),
      ['paragraph', 'heading', 'paragraph', 'caption', 'paragraph'],
    );
    strictEqual(post.paragraphs[4]?.text, '港股示例控股与美股示例汽车也参与了园区签约。\n签约仪式在示例会展中心举行。');
    strictEqual(post.images[0]?.caption, '图片来源：示例市政府网站');
    deepStrictEqual(post.source, { name: '示例证券报', text: '（文章来源：示例证券报）', from: 'body' });
  });

  it('the copies of one article share the article id', () => {
    const rolling = byFile.get(ROLLING)!;
    const other = byFile.get('2022-05-23-NW202205230000000003.md')!;
    deepStrictEqual([rolling.articleId, other.articleId, other.infoCode], ['202205230000000003', '202205230000000003', 'NW202205230000000003']);
  });

  it('the defects example recovers with coded warnings', () => {
    const post = byFile.get(DEFECTS)!;
    deepStrictEqual(
      post.warnings.map((w) => w.code),
      ['stray-delimiter', 'recovered-title', 'missing-date', 'empty-url'],
    );
    deepStrictEqual([post.title, post.date, post.articleId, post.frontMatter['mood']], ['示例公司称"新品"将于下月上市', null, '202205260000000005', 'optimistic']);
  });

  for (const env of [{ TZ: 'UTC' }, { TZ: 'America/New_York' }, { TZ: 'Asia/Kathmandu' }, { TZ: 'Pacific/Chatham', LC_ALL: 'C' }, { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }]) {
    it(`prints the same output under ${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')}`, () => {
      strictEqual(demo(env), output);
    });
  }
});

describe('the command-line examples, from a folder named "emnews 示例 …"', () => {
  // A copy of examples/ where a URL would percent-encode the path, with emnews linked in as `npm install` would.
  const base = mkdtempSync(join(tmpdir(), 'emnews 示例 '));
  const examples = join(base, 'examples');
  cpSync(join(root, 'examples'), examples, { recursive: true });
  writeFileSync(join(base, 'package.json'), JSON.stringify({ name: 'my-archive-tools', private: true, type: 'module' }));
  mkdirSync(join(base, 'node_modules'));
  symlinkSync(root, join(base, 'node_modules/emnews'), 'dir');
  after(() => rmSync(base, { recursive: true, force: true }));

  const posts = join(examples, 'posts');
  const rolling = readFileSync(join(posts, ROLLING));
  const expected = JSON.parse(JSON.stringify(parsePost(rolling, { fileName: ROLLING }))) as Post;
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8' });

  it('basic.ts, without an argument, finds its post beside it and prints the title, the date line, the entities and the counts', () => {
    const result = run(join(examples, 'basic.ts'));
    strictEqual(result.status, 0, result.stderr);
    const out = result.stdout.split('\n');
    strictEqual(out[0], expected.title);
    strictEqual(out[1], `${expected.date?.iso} · ${expected.source?.name} · ${expected.url?.href}`);
    deepStrictEqual(
      out.slice(2, 2 + expected.entities.length).map((line) => line.trim().split(/\s+/)[1]),
      expected.entities.map((e) => e.secid ?? e.code),
    );
    strictEqual(out[2 + expected.entities.length], `${expected.paragraphs.length} paragraphs, ${expected.images.length} images, 0 warnings`);
  });

  it('batch-to-jsonl.ts runs as a script and writes one line per post, in name order, equal to parsePost', () => {
    const out = join(base, '输出 posts.jsonl');
    const result = run(join(examples, 'batch-to-jsonl.ts'), posts, out);
    strictEqual(result.status, 0, result.stderr);
    strictEqual(result.stderr, `5 posts written to ${out}, 0 failed\n`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; post: Post });
    deepStrictEqual(
      lines.map((line) => line.file),
      [DEFECTS, '2021-12-08-202112080000000001.md', '2021-12-08-202112080000000002.md', ROLLING, '2022-05-23-NW202205230000000003.md'],
    );
    deepStrictEqual(lines.find((line) => line.file === ROLLING)!.post, expected);
  });

  it('batch-to-jsonl.ts, run through a symbolic link, still knows it is the script', () => {
    const link = join(base, '链接 batch.ts');
    symlinkSync(join(examples, 'batch-to-jsonl.ts'), link);
    const result = run(link);
    deepStrictEqual([result.status, result.stderr], [2, 'usage: batch-to-jsonl.ts <folder> <out.jsonl>\n']);
  });
});
