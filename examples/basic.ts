/**
 * The first thing to try: parse one post and look at what comes out.
 *
 *   node --import tsx examples/basic.ts [post.md]
 *
 * Without an argument it reads the rolling-news example post.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePost } from 'emnews';

// fileURLToPath, not URL.pathname: the path may hold spaces or Chinese characters, which a URL percent-encodes.
const file = process.argv[2] ?? fileURLToPath(new URL('posts/2022-05-23-202205230000000003.md', import.meta.url));

// Bytes or a string both work; the file name supplies the article id and a fallback date.
const post = parsePost(readFileSync(file), { fileName: basename(file) });

console.log(`${post.title}`);
console.log(`${post.date?.iso ?? 'no date'} · ${post.source?.name ?? 'no source'} · ${post.url?.href ?? 'no URL'}`);
for (const entity of post.entities) {
  console.log(`  ${entity.kind.padEnd(8)} ${String(entity.secid ?? entity.code).padEnd(12)} ${entity.label} ×${entity.mentionCount}`);
}
console.log(`${post.paragraphs.length} paragraphs, ${post.images.length} images, ${post.warnings.length} warnings`);
