/**
 * emnews/archive: readArchive over real folders, as a Node.js program uses
 * it (the built package, through its `exports`).
 */

import { deepStrictEqual, ok, rejects, strictEqual, throws } from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { dedupePosts, parsePost, PostParseError } from 'emnews';
import { readArchive, type ArchiveEntry } from 'emnews/archive';
import { mapInOrder } from '../dist/archive/pool.js';
import { writeArchive } from '../bench/archive-fixtures.ts';
import { expected, postNames, posts, ROLLING, tempDir } from './cli-fixtures.ts';

async function collect(iterable: AsyncIterable<ArchiveEntry>): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  for await (const entry of iterable) entries.push(entry);
  return entries;
}

const summary = (entries: ArchiveEntry[]): string[] => entries.map((e) => `${basename(e.file)} ${e.error?.code ?? 'post'}`);

describe('readArchive', () => {
  it('yields {file, post} for every post of a folder, in name order, equal to parsePost', async () => {
    const entries = await collect(readArchive(posts));
    deepStrictEqual(
      JSON.parse(JSON.stringify(entries)),
      postNames.map((name) => ({ file: join(posts, name), post: expected(join(posts, name)) })),
    );
  });

  it('gives the same entries with 1 and 3 jobs, and with a small prefetch', async () => {
    const dir = tempDir('archive-jobs');
    writeArchive(dir, 50);
    writeFileSync(join(dir, '_posts', 'bad.md'), Buffer.from([0xff]));
    const one = await collect(readArchive(dir));
    strictEqual(one.length, 51);
    deepStrictEqual(await collect(readArchive(dir, { jobs: 3 })), one);
    deepStrictEqual(await collect(readArchive(dir, { jobs: 2, prefetch: 1 })), one);
  });

  it('reports every input that gives no post as plain data, and goes on', async () => {
    const dir = tempDir('archive-errors');
    copyFileSync(join(posts, ROLLING), join(dir, 'a.md'));
    writeFileSync(join(dir, 'b.md'), 'x'.repeat(2000));
    symlinkSync(join(dir, 'none'), join(dir, 'c.md'));
    symlinkSync(dir, join(dir, 'd-loop'));
    mkdirSync(join(dir, 'e'));
    symlinkSync(join(dir, 'a.md'), join(dir, 'e', 'f.md'));
    const entries = await collect(readArchive([dir, join(dir, 'missing.md')], { maxInputBytes: 1500 }));
    deepStrictEqual(summary(entries), ['a.md input-too-large', 'b.md input-too-large', 'c.md dangling-link', 'd-loop symlink-loop', 'f.md input-too-large', 'missing.md missing']);
    deepStrictEqual(JSON.parse(JSON.stringify(entries)), entries);
    const big = await collect(readArchive(dir));
    deepStrictEqual(summary(big).slice(0, 2), ['a.md post', 'b.md post']);
  });

  it('follows a link to a folder that is not above it', async () => {
    const dir = tempDir('archive-links');
    mkdirSync(join(dir, 'real'));
    copyFileSync(join(posts, ROLLING), join(dir, 'real', 'p.md'));
    symlinkSync(join(dir, 'real'), join(dir, 'alias'));
    deepStrictEqual(
      (await collect(readArchive(dir))).map((e) => e.file),
      [join(dir, 'alias', 'p.md'), join(dir, 'real', 'p.md')],
    );
  });

  it('reports a folder removed while the loop runs as vanished', async () => {
    const dir = tempDir('archive-vanish');
    for (const folder of ['a', 'b']) {
      mkdirSync(join(dir, folder));
      copyFileSync(join(posts, ROLLING), join(dir, folder, 'p.md'));
    }
    const seen: string[] = [];
    for await (const entry of readArchive(dir)) {
      seen.push(`${entry.file.slice(dir.length)} ${entry.error?.code ?? 'post'}`);
      if (seen.length === 1) rmSync(join(dir, 'b'), { recursive: true });
    }
    deepStrictEqual(seen, ['/a/p.md post', '/b vanished']);
  });

  it('with dedupe, applies the rule of dedupePosts in two passes', async () => {
    const dir = tempDir('archive-dedupe');
    writeArchive(dir, 40);
    const all = (await collect(readArchive(dir))).filter((e) => e.error === undefined);
    const wanted = dedupePosts(all.map(({ file, post }) => ({ file, post: post! })));
    const deduped = await collect(readArchive(dir, { dedupe: true, jobs: 2 }));
    ok(deduped.length < all.length);
    deepStrictEqual(deduped, wanted);
  });

  it('with dedupe, keeps every failure in its place among the kept copies', async () => {
    const dir = tempDir('archive-dedupe-failures');
    writeArchive(dir, 30);
    // Names that sort between the posts' dates, in both folders, with one byte that is not UTF-8.
    for (const [folder, name] of [['_posts', '2022-01-01-bad.md'], ['_posts', '2099-12-31-bad.md'], ['old_post', '2022-01-01-bad.md']]) {
      writeFileSync(join(dir, folder!, name!), Buffer.from([0xff]));
    }
    const all = await collect(readArchive(dir));
    strictEqual(all.filter((e) => e.error !== undefined).length, 3);
    const wanted = dedupePosts(all.flatMap(({ file, post }) => (post === undefined ? [] : [{ file, post }])));
    const byFile = new Map(wanted.map((entry) => [entry.file, entry]));
    const expectedEntries = all.flatMap((entry): ArchiveEntry[] => (entry.error !== undefined ? [entry] : byFile.has(entry.file) ? [byFile.get(entry.file)!] : []));
    for (const jobs of [1, 2]) deepStrictEqual(await collect(readArchive(dir, { dedupe: true, jobs })), expectedEntries);
  });

  it('stops its workers when the loop breaks early', async () => {
    const dir = tempDir('archive-break');
    writeArchive(dir, 30);
    let count = 0;
    for await (const entry of readArchive(dir, { jobs: 2 })) {
      ok(entry.post);
      if (++count === 3) break;
    }
    strictEqual(count, 3);
  });

  it('throws invalid-option at once for bad options', () => {
    const invalid = (error: unknown): boolean => error instanceof PostParseError && error.code === 'invalid-option';
    throws(() => readArchive(posts, { jobs: 0 }), invalid);
    throws(() => readArchive(posts, { prefetch: 1.5 }), invalid);
    throws(() => readArchive(posts, { timeZone: 'Mars/Olympus_Mons' }), invalid);
    throws(() => readArchive(posts, { fileName: 'x.md' } as never), invalid);
    throws(() => readArchive(posts, { jobz: 2 } as never), invalid);
    throws(() => readArchive(posts, { strict: 'yes' } as never), invalid);
    throws(() => readArchive([3] as never), invalid);
  });

  it('parses with the options given', async () => {
    const [entry] = await collect(readArchive(join(posts, ROLLING), { timeZone: 'UTC', strict: true }));
    deepStrictEqual(entry, {
      file: join(posts, ROLLING),
      post: JSON.parse(JSON.stringify(parsePost(readFileSync(join(posts, ROLLING)), { fileName: ROLLING, timeZone: 'UTC', strict: true }))),
    });
  });
});

describe('the worker pool', () => {
  it('replaces a worker that dies, retries its posts one by one, and reports only the one that killed it', async () => {
    const dir = tempDir('archive-crash');
    for (const name of ['a', 'b', 'crash-c', 'd', 'e', 'f']) copyFileSync(join(posts, ROLLING), join(dir, `${name}.md`));
    const task = { module: new URL('./archive-crash-task.mjs', import.meta.url).href, config: null };
    const works = ['a', 'b', 'crash-c', 'd', 'e', 'f'].map((name) => ({ item: { file: join(dir, `${name}.md`), origin: 'walked' as const } }));
    const results: unknown[] = [];
    for await (const result of mapInOrder(works, { jobs: 2, prefetch: 64, task, settings: { options: {}, maxBytes: 1e7 } })) results.push(result);
    deepStrictEqual(results, ['a.md post', 'b.md post', 'crash-c.md internal-error', 'd.md post', 'e.md post', 'f.md post']);
  });

  it('passes a task that throws on loading to the caller', async () => {
    await rejects(async () => {
      for await (const _ of mapInOrder([], { jobs: 1, prefetch: 1, task: { module: 'data:text/javascript,throw new Error("nope")', config: null }, settings: { options: {}, maxBytes: 1 } }));
    }, /nope/);
  });
});
