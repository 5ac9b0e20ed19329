/**
 * `npm run corpus:dedupe -- ../shared/corpus`: the dedupe rule on real
 * posts. Each corpus file is named by its original archive path (from
 * SOURCES.tsv), so `old_post/` and the file-name ids read as in the archive;
 * prints how many files, ids and articles there are, and, for every article
 * stored more than once, which copy the rule keeps and why. Reads the corpus
 * in place; copies none of its text.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dedupePosts, parsePost } from 'emnews';

const corpus = process.argv[2] ?? '../shared/corpus';
const records = [];
for (const era of ['content-era', 'digest-era']) {
  const dir = join(corpus, 'finews', era);
  const original = new Map(
    readFileSync(join(dir, 'SOURCES.tsv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  );
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const file = `${era}/${original.get(name) ?? name}`;
    records.push({ file, post: parsePost(readFileSync(join(dir, name)), { fileName: original.get(name) ?? name }) });
  }
}
const articles = dedupePosts(records);
const ids = new Set(records.map((r) => r.post.articleId).filter((id) => id !== null));
console.log(`${records.length} files, ${ids.size} article ids, ${records.filter((r) => r.post.articleId === null).length} without an id → ${articles.length} records`);
const byFile = new Map(records.map((r) => [r.file, r.post]));
for (const article of articles.filter((a) => a.copies.length > 1)) {
  console.log(`\n${article.post.articleId}:`);
  for (const copy of article.copies) {
    const post = byFile.get(copy.file)!;
    const mark = copy.file === article.file ? 'kept' : '    ';
    const digestOnly = post.summary !== null && post.paragraphs.map((p) => p.text).join('\n') === post.summary;
    console.log(
      `  ${mark} ${copy.kind.padEnd(11)} ${copy.oldPost ? 'old_post' : '_posts  '} entities ${String(post.entities.length).padStart(2)} ` +
        `${digestOnly ? 'digest-only' : 'body       '} text ${String(post.paragraphs.reduce((n, p) => n + p.text.length, 0)).padStart(5)} ` +
        `warnings ${post.warnings.length}  ${copy.file}`,
    );
  }
}

// What the report states, checked, so CI notices if the rule or the parser changes it.
const failures: string[] = [];
let checks = 0;
const expect = (what: string, actual: unknown, wanted: unknown): void => {
  checks++;
  if (actual !== wanted) failures.push(`${what}: ${String(actual)}, expected ${String(wanted)}`);
};
expect('files', records.length, 74);
expect('article ids', ids.size, 54);
expect('records after dedupe', articles.length, 55);
for (const id of ['202205302396506117', '202201072239307540']) {
  const article = articles.find((a) => a.post.articleId === id);
  expect(`${id}: kept copy`, article?.copies.find((c) => c.file === article.file)?.kind, 'rolling');
  expect(`${id}: kept entities`, article?.post.entities.length, 17);
}
if (failures.length > 0) {
  console.error(`\ncorpus dedupe check FAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`\ncorpus dedupe check: ${checks} passed, 0 failed`);
}
