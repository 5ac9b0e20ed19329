/**
 * `npm run demo`: parses every example post in `examples/posts/` and prints
 * the results as JSON, one `{ file, post }` entry per post.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePost } from 'emnews';

const dir = join(import.meta.dirname, 'posts');
const results = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((file) => ({ file, post: parsePost(readFileSync(join(dir, file)), { fileName: file }) }));

console.log(JSON.stringify(results, null, 2));
