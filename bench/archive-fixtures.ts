/**
 * An invented archive of any size, for `npm run bench:archive` and the
 * command's tests: variants of our own example posts (examples/posts, no
 * real text), laid out as the public archive is, in `_posts/` and
 * `old_post/`, with the copies it has:
 *
 * - every 4th article: a rolling copy and its other-media (`NW`) copy;
 * - every 4th + 1: a rolling copy alone, plus one in `old_post/`;
 * - every 4th + 2: a digest-only post (two early generations alternate);
 * - every 4th + 3: an other-media copy alone in `old_post/`.
 *
 * Each variant gets its own id, date, title number and securities, so no
 * two posts are the same text.
 */

import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../examples/posts/', import.meta.url));
const template = (name: string): string => readFileSync(join(examples, name), 'utf8');
const ROLLING = { text: template('2022-05-23-202205230000000003.md'), id: '202205230000000003', date: '2022-05-23' };
const OTHER = { text: template('2022-05-23-NW202205230000000003.md'), id: '202205230000000003', date: '2022-05-23' };
const DIGESTS = [
  { text: template('2021-12-08-202112080000000001.md'), id: '202112080000000001', date: '2021-12-08' },
  { text: template('2021-12-08-202112080000000002.md'), id: '202112080000000002', date: '2021-12-08' },
];
/** Invented six-digit codes that replace the example's `000816`. */
const CODES = Array.from({ length: 13 }, (_, i) => String(816 + i).padStart(6, '0'));

interface Template {
  text: string;
  id: string;
  date: string;
}

/** The article number `k`'s id and day (May 2022, 28 days). */
export function articleOf(k: number): { id: string; date: string } {
  const day = String((k % 28) + 1).padStart(2, '0');
  return { id: `202205${day}${String(k).padStart(10, '0')}`, date: `2022-05-${day}` };
}

function variant(t: Template, k: number): string {
  const { id, date } = articleOf(k);
  return t.text
    .replaceAll(t.id, id)
    .replaceAll(t.date, date)
    .replace(/^title: "?(.*?)"?$/m, (_line, title: string) => `title: "${title} 第${k}号"`)
    .replaceAll('000816', CODES[k % CODES.length]!)
    .replace('</p>', `（第${k}号）</p>`);
}

/** The files of article `k`: [folder, name, text]. */
function filesOf(k: number): [string, string, string][] {
  const { id, date } = articleOf(k);
  switch (k % 4) {
    case 0:
      return [
        ['_posts', `${date}-${id}.md`, variant(ROLLING, k)],
        ['_posts', `${date}-NW${id}.md`, variant(OTHER, k)],
      ];
    case 1:
      return [
        ['_posts', `${date}-${id}.md`, variant(ROLLING, k)],
        ['old_post', `${date}-${id}.md`, variant(ROLLING, k)],
      ];
    case 2:
      return [['_posts', `${date}-${id}.md`, variant(DIGESTS[k % 8 === 2 ? 0 : 1]!, k)]];
    default:
      return [['old_post', `${date}-NW${id}.md`, variant(OTHER, k)]];
  }
}

/** Writes an archive of exactly `files` posts under `dir`; returns how many articles they hold. */
export function writeArchive(dir: string, files: number): { files: number; articles: number } {
  mkdirSync(join(dir, '_posts'), { recursive: true });
  mkdirSync(join(dir, 'old_post'), { recursive: true });
  let written = 0;
  let k = 0;
  while (written < files) {
    for (const [folder, name, text] of filesOf(k)) {
      if (written === files) break;
      writeFileSync(join(dir, folder, name), text);
      written++;
    }
    k++;
  }
  return { files: written, articles: k };
}

/**
 * Splits the archive at `dir` into `parts` archives beside it (`<dir>-part-1`
 * …), dealing its files out in turn in sorted order, so each part has the
 * same mix of posts; files are hard links (copies where links fail). Parts
 * left from an earlier split are removed first.
 * Returns the parts' folders.
 */
export function splitArchive(dir: string, parts: number): string[] {
  const folders = Array.from({ length: parts }, (_, p) => `${dir}-part-${p + 1}`);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  let i = 0;
  for (const sub of ['_posts', 'old_post']) {
    for (const folder of folders) mkdirSync(join(folder, sub), { recursive: true });
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const from = join(dir, sub, name);
      const to = join(folders[i++ % parts]!, sub, name);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
  return folders;
}
