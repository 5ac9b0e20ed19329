/// <reference types="node" />
/**
 * The command's output formats, as an archive task: each entry becomes its
 * output text and its stderr lines where it is parsed (in a worker thread
 * with `--jobs` > 1), so the main thread only writes. Every format has one
 * shape whatever the number of inputs:
 *
 * - `jsonl` (default): one `{"file","post"}` or `{"file","error"}` a line
 *   (`"copies"` too with `--dedupe`);
 * - `json`: the same objects in one array;
 * - `pretty`: the same objects, indented, one after another;
 * - `text`: `==> file <==`, then the title, a date · source · address
 *   line and the paragraphs (or the error);
 * - `csv`, `mentions`: table rows (see `table.ts`); failures are on stderr only.
 *
 * @module
 */

import type { PostCopy } from '../dedupe.js';
import type { Entry } from '../archive/task.js';
import type { Post } from '../types.js';
import { printable, printableLines } from './escape.js';
import { articleRow, mentionRows } from './table.js';

/** The formats of `--format`. */
export const FORMATS = ['jsonl', 'json', 'pretty', 'text', 'csv', 'mentions'] as const;
export type Format = (typeof FORMATS)[number];

/** Plain-data settings of the task, sent to each worker. */
export interface FormatConfig {
  format: Format;
  failOnWarning: boolean;
}

/** Exit statuses: see `docs/command.md`. */
export const OK = 0;
export const FAILED = 1;
export const USAGE = 2;
export const INTERNAL = 3;

/** What one input gives the main thread. */
export interface Result {
  /** Output text (may be empty: a failure in a table). */
  out: string;
  /** Lines for stderr, already escaped, or ''. */
  err: string;
  /** OK, FAILED (no post) or INTERNAL (an internal error on this input). */
  status: number;
  /** Whether the post has warnings. */
  warned: boolean;
}

/** This module's URL, for the archive task. */
export const FORMATS_MODULE: string = import.meta.url;

export function createTask(config: FormatConfig): (entry: Entry, extra: unknown) => Result {
  return (entry, extra) => {
    const copies = extra as PostCopy[] | undefined;
    if (entry.error !== undefined) {
      const { file, error } = entry;
      const err = `emnews: ${printable(file)}: ${error.code}: ${printable(error.message)}\n`;
      return { out: failure(config.format, entry), err, status: error.code === 'internal-error' ? INTERNAL : FAILED, warned: false };
    }
    const { file, post } = entry;
    const warned = post.warnings.length > 0;
    const err = warned && config.failOnWarning ? warningLines(file, post) : '';
    return { out: success(config.format, file, post, copies), err, status: OK, warned };
  };
}

function success(format: Format, file: string, post: Post, copies: PostCopy[] | undefined): string {
  if (isJsonFormat(format)) return asJson(format, copies === undefined ? { file, post } : { file, post, copies });
  switch (format) {
    case 'text':
      return `==> ${printable(file)} <==\n${asText(post)}\n`;
    case 'csv':
      return articleRow(file, post, copies);
    case 'mentions':
      return mentionRows(file, post);
  }
}

function failure(format: Format, entry: Entry & { error: object }): string {
  if (isJsonFormat(format)) return asJson(format, { file: entry.file, error: entry.error });
  return format === 'text' ? `==> ${printable(entry.file)} <==\nerror ${entry.error.code}: ${printable(entry.error.message)}\n\n` : '';
}

type JsonFormat = 'jsonl' | 'json' | 'pretty';
const isJsonFormat = (format: Format): format is JsonFormat => format === 'jsonl' || format === 'json' || format === 'pretty';

/** A record, post or failure, in a JSON format: a line of JSONL, an element of the JSON array (the writer adds the commas), or indented. */
function asJson(format: JsonFormat, record: object): string {
  if (format === 'json') return JSON.stringify(record);
  return format === 'jsonl' ? `${JSON.stringify(record)}\n` : `${JSON.stringify(record, null, 2)}\n`;
}

/** A post as plain text: title, date · source · address, then the paragraphs. */
function asText(post: Post): string {
  const meta = [post.date?.iso, post.source?.name, post.url?.href].filter((part) => part != null).join(' · ');
  const lines = [`# ${printable(post.title)}`];
  if (meta !== '') lines.push(printable(meta));
  for (const paragraph of post.paragraphs) lines.push('', printableLines(paragraph.text));
  return `${lines.join('\n')}\n`;
}

function warningLines(file: string, post: Post): string {
  const name = printable(file);
  return post.warnings
    .map((w) => `emnews: ${name}${w.line === null ? '' : `:${w.line}:${w.column}`}: warning ${w.code}: ${printable(w.message)}\n`)
    .join('');
}
