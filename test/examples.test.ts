/**
 * The example posts and `npm run demo`, run the way a newcomer runs them,
 * under several host time zones and locales.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parsePost, type Post } from 'emnews';
import { handler } from '../examples/aws-lambda.ts';
import { invariantProblems } from './invariants.ts';

const root = new URL('..', import.meta.url);

function demo(env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('examples', () => {
  const output = demo();
  const results = JSON.parse(output) as { file: string; post: Post }[];
  const byFile = new Map(results.map(({ file, post }) => [file, post]));

  it('the demo prints one result per example post', () => {
    deepStrictEqual(
      results.map((r) => r.file),
      [
        '-202205260000000005.md',
        '2021-12-08-202112080000000001.md',
        '2021-12-08-202112080000000002.md',
        '2022-05-23-202205230000000003.md',
        '2022-05-23-NW202205230000000003.md',
      ],
    );
  });

  it('every example satisfies the invariants', () => {
    for (const { file, post } of results) deepStrictEqual([file, invariantProblems(post)], [file, []]);
  });

  it('the rolling-news example yields its entities, image caption and source', () => {
    const post = byFile.get('2022-05-23-202205230000000003.md')!;
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
    const rolling = byFile.get('2022-05-23-202205230000000003.md')!;
    const other = byFile.get('2022-05-23-NW202205230000000003.md')!;
    deepStrictEqual([rolling.articleId, other.articleId, other.infoCode], ['202205230000000003', '202205230000000003', 'NW202205230000000003']);
  });

  it('the defects example recovers with coded warnings', () => {
    const post = byFile.get('-202205260000000005.md')!;
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

describe('the other examples', () => {
  const posts = fileURLToPath(new URL('examples/posts/', root));
  const ROLLING = '2022-05-23-202205230000000003.md';
  const rolling = readFileSync(join(posts, ROLLING));
  const expected = JSON.parse(JSON.stringify(parsePost(rolling, { fileName: ROLLING }))) as Post;

  it('basic.ts prints the title, the date line, the entities and the counts', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/basic.ts'], { cwd: root, encoding: 'utf8' }).split('\n');
    strictEqual(out[0], expected.title);
    strictEqual(out[1], `${expected.date?.iso} · ${expected.source?.name} · ${expected.url?.href}`);
    deepStrictEqual(
      out.slice(2, 2 + expected.entities.length).map((line) => line.trim().split(/\s+/)[1]),
      expected.entities.map((e) => e.secid ?? e.code),
    );
    strictEqual(out[2 + expected.entities.length], `${expected.paragraphs.length} paragraphs, ${expected.images.length} images, 0 warnings`);
  });

  it('aws-lambda.ts answers API Gateway events: text, base64, bad bytes, GET', async () => {
    const text = await handler({ httpMethod: 'POST', body: rolling.toString('utf8'), queryStringParameters: { fileName: ROLLING } });
    strictEqual(text.statusCode, 200);
    deepStrictEqual(JSON.parse(text.body), expected);
    const base64 = await handler({
      requestContext: { http: { method: 'POST' } },
      body: rolling.toString('base64'),
      isBase64Encoded: true,
      queryStringParameters: { fileName: ROLLING },
    });
    deepStrictEqual(JSON.parse(base64.body), expected);
    const bad = await handler({ httpMethod: 'POST', body: Buffer.from([0x2d, 0xff]).toString('base64'), isBase64Encoded: true });
    deepStrictEqual([bad.statusCode, JSON.parse(bad.body).error.code], [400, 'invalid-utf8']);
    strictEqual((await handler({ httpMethod: 'GET', body: null })).statusCode, 405);
  });

  it('batch-to-jsonl.ts writes one line per post, in name order, equal to parsePost', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'emnews-batch-')), 'posts.jsonl');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'examples/batch-to-jsonl.ts', posts, out], { cwd: root, encoding: 'utf8' });
    strictEqual(result.status, 0, result.stderr);
    strictEqual(result.stderr, `5 posts written to ${out}, 0 failed\n`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; post: Post });
    strictEqual(lines.length, 5);
    const rollingLine = lines.find((line) => line.file === ROLLING)!;
    deepStrictEqual(rollingLine.post, expected);
  });
});
