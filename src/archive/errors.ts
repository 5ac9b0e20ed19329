/// <reference types="node" />
/**
 * What the archive reader reports for an input it could not turn into a
 * post: plain, JSON-serializable objects with a code, never thrown.
 *
 * @module
 */

import { PostParseError, type ErrorCode } from '../errors.js';

/**
 * Codes for inputs the file system did not hand over as a post file. (Posts
 * that were read but could not be parsed carry a {@link ErrorCode} instead,
 * `input-too-large` included, which is also given for files whose size is
 * over the limit before they are read.)
 *
 * - `missing`: a path you named does not exist;
 * - `unreadable`: a file could not be opened or read (permissions, I/O);
 * - `unreadable-folder`: a folder could not be opened or listed, so none of
 *   the posts inside it were read;
 * - `vanished`: a file or folder found while walking was gone when read;
 * - `symlink-loop`: a symbolic link that leads back to itself or to a folder
 *   that contains it;
 * - `dangling-link`: a symbolic link whose target does not exist;
 * - `not-a-file`: a FIFO, socket or device named `*.md` inside a folder
 *   (never opened for reading, so it cannot block the run);
 * - `internal-error`: emnews itself failed on this input (a bug: please
 *   report it); the other inputs are still read.
 *
 * @example
 * ```ts
 * import type { FileErrorCode } from 'emnews/archive';
 * const code: FileErrorCode = 'unreadable-folder';
 * ```
 */
export type FileErrorCode =
  | 'missing'
  | 'unreadable'
  | 'unreadable-folder'
  | 'vanished'
  | 'symlink-loop'
  | 'dangling-link'
  | 'not-a-file'
  | 'internal-error';

/**
 * An input that gave no post: why, as plain data.
 *
 * @example
 * ```ts
 * import type { ArchiveError } from 'emnews/archive';
 * const error: ArchiveError = {
 *   code: 'invalid-utf8',
 *   message: 'input is not valid UTF-8 at byte 4 (line 2, column 1)',
 *   line: 2,
 *   column: 1,
 * };
 * ```
 */
export interface ArchiveError {
  /** A {@link FileErrorCode} or the {@link ErrorCode} of the `PostParseError` parsing threw. */
  code: FileErrorCode | ErrorCode;
  /** A sentence for people. */
  message: string;
  /** 1-based line in the post, for parse errors that have one; otherwise `null`. */
  line: number | null;
  /** 1-based column in the post, or `null` with `line`. */
  column: number | null;
}

/** An {@link ArchiveError} without a position. */
export function archiveError(code: FileErrorCode | ErrorCode, message: string): ArchiveError {
  return { code, message, line: null, column: null };
}

/** The plain-data form of whatever parsing threw. */
export function parseFailure(error: unknown): ArchiveError {
  if (error instanceof PostParseError) return { code: error.code, message: error.message, line: error.line, column: error.column };
  return internalError(error);
}

/** An `internal-error` for an exception that is not emnews' own. */
export function internalError(error: unknown): ArchiveError {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return archiveError('internal-error', `emnews failed on this input (please report it): ${text}`);
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  EISDIR: 'is a folder',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'name too long',
};

/** `permission denied (EACCES)`: the errno of a Node.js file system error, in words. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error instanceof Error ? error.message : String(error);
  return `${REASONS[code] ?? 'file system error'} (${code})`;
}

/** The errno code of a Node.js file system error, or `undefined`. */
export function errno(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
