/// <reference types="node" />
/**
 * `emnews/archive` (Node.js only): read a whole archive of posts. A folder
 * (searched recursively for `*.md`) or a list of paths becomes an async
 * iterable of `{ file, post }` or `{ file, error }`, one for every input, in
 * a stable order, optionally on several worker threads and with the copies
 * of each article collapsed. The `emnews` command is built on it.
 *
 * This module imports Node.js built-ins; the main entry (`emnews`) never
 * imports it and runs anywhere.
 *
 * @example
 * ```ts
 * import { readArchive } from 'emnews/archive';
 *
 * for await (const entry of readArchive('_posts', { jobs: 2 })) {
 *   if (entry.error) console.error(entry.file, entry.error.code);
 *   else console.log(entry.post.title);
 * }
 * ```
 *
 * @module emnews/archive
 */

import { PostParseError } from '../errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../_lib/options.js';
import { parsePost, type ParseOptions } from '../parse-post.js';
import type { PostCopy } from '../dedupe.js';
import type { Post } from '../types.js';
import type { ArchiveError } from './errors.js';
import { runArchive } from './run.js';
import { TASKS_MODULE } from './tasks.js';

export type { ArchiveError, FileErrorCode } from './errors.js';

/**
 * Options of {@link readArchive}: those of {@link parsePost} (but
 * `fileName`: each post is given its file's base name), and how to read.
 *
 * @example
 * ```ts
 * import type { ArchiveOptions } from 'emnews/archive';
 * const options: ArchiveOptions = { timeZone: 'Asia/Shanghai', jobs: 4, dedupe: true };
 * ```
 */
export interface ArchiveOptions extends Omit<ParseOptions, 'fileName'> {
  /**
   * How many posts are parsed at once: 1 parses in the calling thread;
   * more starts that many worker threads (`node:worker_threads`), and the
   * order of the entries stays the same. `os.availableParallelism()` uses
   * every core.
   * @default 1
   */
  jobs?: number;
  /**
   * At most this many files are read ahead of your loop, which bounds the
   * memory the reader holds.
   * @default 64 × jobs
   */
  prefetch?: number;
  /**
   * Collapse the copies of each article (see {@link dedupePosts} in `emnews`) and
   * add `copies` to each entry. Reads the archive twice: once for a summary
   * of every file, then again for the kept copies, so memory stays small.
   * @default false
   */
  dedupe?: boolean;
  /**
   * With `dedupe`: the folder name of the archive's older copies.
   * @default 'old_post'
   */
  oldPostFolder?: string;
}

/**
 * A post read from a file.
 *
 * @example
 * ```ts
 * import type { Post } from 'emnews';
 * import type { ArchivePost } from 'emnews/archive';
 * declare const post: Post;
 * const entry: ArchivePost = { file: '_posts/2022-05-23-202205230000000003.md', post };
 * ```
 */
export interface ArchivePost {
  /** The file's path: the folder you gave joined with the names below it. */
  file: string;
  /** What {@link parsePost} returned for it. */
  post: Post;
  /** With `dedupe`: every copy of the article, this one included, in input order. */
  copies?: PostCopy[];
  /** Never set on a post. */
  error?: undefined;
}

/**
 * An input that gave no post.
 *
 * @example
 * ```ts
 * import type { ArchiveFailure } from 'emnews/archive';
 * const entry: ArchiveFailure = {
 *   file: '_posts/locked',
 *   error: { code: 'unreadable-folder', message: 'cannot open the folder: permission denied (EACCES)', line: null, column: null },
 * };
 * ```
 */
export interface ArchiveFailure {
  /** The file or folder's path. */
  file: string;
  /** Why: plain data, ready for `JSON.stringify`. */
  error: ArchiveError;
  /** Never set on a failure. */
  post?: undefined;
  /** Never set on a failure. */
  copies?: undefined;
}

/**
 * What {@link readArchive} yields for each input.
 *
 * @example
 * ```ts
 * import type { ArchiveEntry } from 'emnews/archive';
 * function title(entry: ArchiveEntry): string {
 *   return entry.error ? `(${entry.error.code})` : entry.post.title;
 * }
 * ```
 */
export type ArchiveEntry = ArchivePost | ArchiveFailure;

/**
 * Reads posts from folders and files: every `*.md` under a folder
 * (recursively; links to files and folders are followed, but never into a
 * loop), and each file you name whatever its name. Yields one entry per
 * input in a stable order: the paths in the order given, and in a folder
 * its entries by name, depth first. An input that gives no post yields an
 * {@link ArchiveFailure} and the reading goes on: a missing path, an
 * unreadable file or folder, a folder that vanished, a symbolic link loop or
 * a dangling link, a FIFO named `*.md`, a file over `maxInputBytes`
 * (checked before reading), or a post {@link parsePost} rejects.
 *
 * Files are read synchronously, in the worker threads when `jobs` > 1,
 * and at most `prefetch` posts wait in memory at a time.
 *
 * @param paths - A folder or file, or a list of them.
 * @param options - See {@link ArchiveOptions}.
 * @returns An async iterable of entries; breaking out of the loop stops the workers.
 * @throws {@link PostParseError} (`invalid-option`) at once for bad options.
 *
 * @example
 * ```ts
 * import { readArchive } from 'emnews/archive';
 *
 * let failed = 0;
 * for await (const { file, post, error, copies } of readArchive(['_posts', 'old_post'], { dedupe: true, jobs: 2 })) {
 *   if (error) failed++;
 *   else console.log(file, post.articleId, copies?.length);
 * }
 * ```
 */
export function readArchive(paths: string | readonly string[], options?: ArchiveOptions): AsyncIterable<ArchiveEntry> {
  const { jobs, prefetch, dedupe, oldPostFolder, parseOptions } = checkArchiveOptions(options);
  const inputs = typeof paths === 'string' ? [paths] : [...paths];
  if (inputs.some((path) => typeof path !== 'string')) throw new PostParseError('invalid-option', 'paths must be a string or an array of strings');
  return runArchive<ArchiveEntry>(inputs, {
    jobs,
    prefetch,
    settings: { options: parseOptions, maxBytes: parseOptions.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES },
    task: { module: TASKS_MODULE, config: { kind: 'entry' } },
    dedupe: dedupe ? { oldPostFolder } : null,
  });
}

function checkArchiveOptions(options: ArchiveOptions | undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) throw new PostParseError('invalid-option', 'options must be an object');
  const { jobs = 1, prefetch, dedupe = false, oldPostFolder = 'old_post', ...parseOptions } = options ?? {};
  if ('fileName' in parseOptions) throw new PostParseError('invalid-option', 'fileName is not an option of readArchive: each file is named by its path');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 1024) throw new PostParseError('invalid-option', `jobs must be a whole number from 1 to 1024, got ${String(jobs)}`);
  const ahead = prefetch ?? 64 * jobs;
  if (!Number.isInteger(ahead) || ahead < 1) throw new PostParseError('invalid-option', `prefetch must be a whole number of at least 1, got ${String(prefetch)}`);
  if (typeof dedupe !== 'boolean') throw new PostParseError('invalid-option', 'dedupe must be a boolean');
  if (typeof oldPostFolder !== 'string' || oldPostFolder === '') throw new PostParseError('invalid-option', 'oldPostFolder must be a folder name');
  if (parseOptions.strict !== undefined && typeof parseOptions.strict !== 'boolean') throw new PostParseError('invalid-option', 'strict must be a boolean');
  parsePost('', { ...parseOptions, strict: false }); // Throws invalid-option for an unknown zone, a bad baseUrl, a misspelt option.
  return { jobs, prefetch: ahead, dedupe, oldPostFolder, parseOptions };
}
