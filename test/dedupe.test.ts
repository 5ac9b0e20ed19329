/**
 * dedupePosts: the copies of one article collapse into one record, by the
 * documented rule, whatever the input order.
 */

import { deepStrictEqual, strictEqual, throws } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dedupePosts, parsePost, PostParseError, type Post } from 'emnews';
import { posts } from './cli-fixtures.ts';

const ID = '202205230000000003';

/** An invented post: a digest line or not, a body of `paragraphs` with `entities` stock links, a rolling or NW address. */
function make(options: { id?: string | null; nw?: boolean; digest?: boolean; body?: boolean; entities?: number; extra?: string; warn?: boolean }): Post {
  const { id = ID, nw = false, digest = true, body = true, entities = 0, extra = '', warn = false } = options;
  const links = Array.from({ length: entities }, (_, i) => `<a class="keytip" data-code="0,00000${i}">示例${i}</a>`).join('、');
  const url = id === null ? '' : nw ? `http://finews.example.com/NewsShare.html?infoCode=NW${id}` : `http://finance.eastmoney.com/a/${id}.html`;
  const lines = ['---', 'title: 示例', 'date: 2022-05-23 17:03:48 +0800', '---'];
  if (digest) lines.push('> 示例公司发布新品。', '');
  lines.push(body ? `<p>${links}发布新品。${extra}</p>` : '示例公司发布新品。', '');
  if (url !== '') lines.push(`<${url}>`);
  if (warn) lines.push('', '[返回](../x/)');
  return parsePost(lines.join('\n'));
}

const kept = (records: ReturnType<typeof dedupePosts>): string[] => records.map((record) => record.file);

describe('dedupePosts', () => {
  it('keeps the rolling copy of the example article and lists both copies', () => {
    const names = ['2022-05-23-202205230000000003.md', '2022-05-23-NW202205230000000003.md'];
    const records = names.map((name) => ({ file: `_posts/${name}`, post: parsePost(readFileSync(join(posts, name)), { fileName: name }) }));
    const [article, ...rest] = dedupePosts([...records].reverse());
    deepStrictEqual(rest, []);
    strictEqual(article!.file, `_posts/${names[0]}`);
    strictEqual(article!.post, records[0]!.post);
    deepStrictEqual(article!.copies, [
      { file: `_posts/${names[1]}`, kind: 'other-media', oldPost: false },
      { file: `_posts/${names[0]}`, kind: 'rolling', oldPost: false },
    ]);
  });

  for (const [rule, richer, poorer] of [
    ['a body beats a digest-only copy', make({ nw: true }), make({ body: false, entities: 0 })],
    ['more entities win', make({ nw: true, entities: 2 }), make({ entities: 1 })],
    ['then the rolling copy beats the other-media one', make({ entities: 1 }), make({ nw: true, entities: 1, extra: '更长的正文。' })],
    ['then longer text', make({ nw: true, extra: '更长。' }), make({ nw: true })],
    ['then fewer warnings', make({}), make({ warn: true })],
  ] as const) {
    it(`${rule}, in either order`, () => {
      const records = [
        { file: 'old_post/a.md', post: richer },
        { file: '_posts/b.md', post: poorer },
      ];
      strictEqual(kept(dedupePosts(records))[0], 'old_post/a.md');
      strictEqual(kept(dedupePosts([...records].reverse()))[0], 'old_post/a.md');
    });
  }

  it('then a copy outside old_post, then the smaller file name', () => {
    const post = make({});
    deepStrictEqual(kept(dedupePosts([{ file: 'old_post/a.md', post }, { file: '_posts/z.md', post }])), ['_posts/z.md']);
    deepStrictEqual(kept(dedupePosts([{ file: '_posts/z.md', post }, { file: '_posts/a.md', post }])), ['_posts/a.md']);
    deepStrictEqual(kept(dedupePosts([{ file: 'archive/a.md', post }, { file: 'old/z.md', post }], { oldPostFolder: 'archive' })), ['old/z.md']);
  });

  it('groups NW<id> with <id>, and never merges posts without an article id', () => {
    const none = make({ id: null });
    strictEqual(none.articleId, null);
    const records = [
      { file: 'a.md', post: none },
      { file: 'b.md', post: make({ nw: true }) },
      { file: 'c.md', post: none },
      { file: 'd.md', post: make({ id: '202205230000000004' }) },
      { file: 'e.md', post: make({ entities: 1 }) },
    ];
    const records2 = dedupePosts(records);
    deepStrictEqual(kept(records2), ['a.md', 'c.md', 'd.md', 'e.md']);
    deepStrictEqual(records2.map((record) => record.copies.map((copy) => copy.file)), [['a.md'], ['c.md'], ['d.md'], ['b.md', 'e.md']]);
  });

  it('is the same whatever the input order, and every file is in exactly one record', () => {
    const pool = [
      make({}),
      make({ nw: true }),
      make({ entities: 1 }),
      make({ body: false }),
      make({ id: '202205230000000004', nw: true }),
      make({ id: '202205230000000004' }),
      make({ id: null }),
    ];
    const records = pool.map((post, i) => ({ file: `${i % 2 === 0 ? '_posts' : 'old_post'}/${i}.md`, post }));
    const canonical = dedupePosts(records).map((record) => [record.file, record.copies.map((copy) => copy.file).sort()]).sort();
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length }), (shuffled) => {
        const result = dedupePosts(shuffled);
        deepStrictEqual(result.map((record) => [record.file, record.copies.map((copy) => copy.file).sort()]).sort(), canonical);
        deepStrictEqual(result.flatMap((record) => record.copies.map((copy) => copy.file)).sort(), records.map((r) => r.file).sort());
        // Records keep the input order of their kept copies.
        const order = shuffled.map((record) => record.file);
        deepStrictEqual(result.map((record) => order.indexOf(record.file)), result.map((record) => order.indexOf(record.file)).sort((a, b) => a - b));
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it('checks its options', () => {
    throws(() => dedupePosts([], { oldPost: 'x' } as never), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-option');
    throws(() => dedupePosts([], { oldPostFolder: 3 } as never), (error: unknown) => error instanceof PostParseError && error.code === 'invalid-option');
  });

  it('does what its TSDoc example says', () => {
    const body = '<p><a class="keytip" data-code="0,000001">示例公司</a>发布新品。</p>';
    const rolling = `---\ntitle: 示例\n---\n> 示例。\n\n${body}\n\n<http://finance.eastmoney.com/a/202205230000000003.html>\n`;
    const otherMedia = `---\ntitle: 示例\n---\n<p>示例公司发布新品。</p>\n\n<http://finews.example.com/NewsShare.html?infoCode=NW202205230000000003>\n`;
    const [article] = dedupePosts([
      { file: '_posts/2022-05-23-NW202205230000000003.md', post: parsePost(otherMedia) },
      { file: '_posts/2022-05-23-202205230000000003.md', post: parsePost(rolling) },
    ]);
    strictEqual(article!.file, '_posts/2022-05-23-202205230000000003.md');
    deepStrictEqual(article!.copies.map((copy) => copy.kind), ['other-media', 'rolling']);
  });
});
