/**
 * `--format csv` and `--format mentions`: posts as rows, RFC 4180.
 *
 * - Records end with CRLF; a field is quoted when it holds `"`, `,`, CR or
 *   LF, and quotes inside are doubled.
 * - A field that starts with `=`, `+`, `-`, `@`, a tab or CR gets a leading
 *   `'`, so Excel and LibreOffice show it as text instead of running it as
 *   a formula (CSV injection). Our own columns never start so: numbers are
 *   not negative, lists start with `[`, dates with a digit.
 * - Lists (categories, tags, secids, codes, copies) are JSON arrays of
 *   strings, `[]` when empty: unambiguous, and read back by DuckDB's
 *   `from_json` or Python's `json.loads`.
 * - Nothing (`null`) is an empty field.
 * - The file starts with a UTF-8 byte order mark, which Excel needs to read
 *   UTF-8 and pandas, DuckDB and R's readr skip.
 *
 * @module
 */

import type { PostCopy } from '../dedupe.js';
import type { Entity, Post } from '../types.js';

/** The byte order mark that starts each table. */
export const BOM = '\uFEFF';

export const ARTICLE_COLUMNS: readonly string[] = [
  'article_id',
  'date_utc',
  'title',
  'source',
  'url',
  'categories',
  'tags',
  'summary',
  'text',
  'secids',
  'unresolved',
  'file',
  'copies',
];

export const MENTION_COLUMNS: readonly string[] = [
  'article_id',
  'date_utc',
  'kind',
  'market',
  'code',
  'secid',
  'label',
  'paragraph',
  'start',
  'end',
  'file',
];

type Cell = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

/** One field, quoted and guarded as the module describes. */
export function field(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function record(cells: readonly Cell[]): string {
  return `${cells.map(field).join(',')}\r\n`;
}

const list = (items: readonly string[]): string => JSON.stringify(items);

/** The article row of a post: see {@link ARTICLE_COLUMNS}. */
export function articleRow(file: string, post: Post, copies: readonly PostCopy[] | undefined): string {
  const secids = new Set<string>();
  const unresolved: string[] = [];
  for (const entity of post.entities) {
    if (entity.secid !== null) secids.add(entity.secid);
    else if (entity.kind === 'unresolved') unresolved.push(entity.code);
  }
  return record([
    post.articleId,
    post.date?.utc ?? null,
    post.title,
    post.source?.name ?? null,
    post.url?.href ?? null,
    list(post.categories),
    list(post.tags),
    post.summary,
    post.paragraphs.map((paragraph) => paragraph.text).join('\n'),
    list([...secids]),
    list(unresolved),
    file,
    list(copies === undefined ? [file] : copies.map((copy) => copy.file)),
  ]);
}

/** The mention rows of a post, in paragraph order: see {@link MENTION_COLUMNS}. */
export function mentionRows(file: string, post: Post): string {
  let rows = '';
  post.paragraphs.forEach((paragraph, index) => {
    for (const { entityIndex, start, end } of paragraph.mentions) {
      const entity: Entity = post.entities[entityIndex]!;
      rows += record([
        post.articleId,
        post.date?.utc ?? null,
        entity.kind,
        entity.market,
        entity.code,
        entity.secid,
        paragraph.text.slice(start, end),
        index,
        start,
        end,
        file,
      ]);
    }
  });
  return rows;
}
