/**
 * `npm run demo`: parses the example posts in `examples/posts/` and prints
 * each as JSON under a label: the clean posts first, richest first, then
 * the oldest generation, whose relative links need an option, and last the
 * one with defects, which emnews recovers from with coded warnings.
 *
 * Every post file in `posts/` is shown; one not described below is shown
 * with the clean ones, labelled by its file name.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePost } from 'emnews';

/** What each example shows, in the order the demo shows them. */
const LABELS: Record<string, string> = {
  '2022-05-23-202205230000000003.md': 'A clean post: rolling news with stock, board and data-keyword links, an image and a heading',
  '2022-05-23-NW202205230000000003.md': 'A clean post: the same article from another outlet (no digest, infoCode URL)',
  '2021-12-08-202112080000000002.md': 'A clean post: an older generation, outlet in trailing brackets',
  '2021-12-08-202112080000000001.md': 'Warnings: the oldest generation, whose relative navigation links need the baseUrl option',
  '-202205260000000005.md': 'Recovery: a post with defects (unescaped quotes in the title, an empty date, an empty URL, a stray ---)',
};
const order = Object.keys(LABELS);
const rank = (file: string): number => (order.includes(file) ? order.indexOf(file) : order.length - 1.5);

const dir = join(import.meta.dirname, 'posts');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .sort((a, b) => rank(a) - rank(b));

files.forEach((file, index) => {
  const post = parsePost(readFileSync(join(dir, file)), { fileName: file });
  const codes = post.warnings.map((warning) => warning.code);
  console.log(`── ${index + 1}/${files.length} ${LABELS[file] ?? 'Another example post'}`);
  console.log(`   ${file}: ${codes.length === 0 ? 'no warnings' : `${codes.length} coded warnings: ${codes.join(', ')}`}`);
  console.log(JSON.stringify(post, null, 2));
  if (index < files.length - 1) console.log();
});
