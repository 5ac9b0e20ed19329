/// <reference types="node" />
/**
 * Reads one post file, bounded: the size is checked before reading, and
 * reading stops at the limit, so a 1 GiB file costs a `stat`, not 1 GiB of
 * memory. Synchronous on purpose: posts are small, and a synchronous read
 * beats a chain of awaited promises (it runs in a worker thread when the
 * reader has several jobs).
 *
 * @module
 */

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { archiveError, errno, reason, type ArchiveError } from './errors.js';

/** What the walk found: a file it listed inside a folder, or a path the caller named. */
export type Origin = 'walked' | 'named';

const CHUNK = 64 * 1024;

/**
 * The bytes of the post at `path`, or why there are none.
 *
 * A `walked` path is opened non-blocking and must be a regular file: a FIFO
 * named `*.md` inside a folder is reported, never waited on. A `named` path
 * (one the caller gave, such as `/dev/fd/63` from `<(…)`) may be a pipe or a
 * device, read until its end or the limit.
 */
export function readPostFile(path: string, maxBytes: number, origin: Origin): Uint8Array | ArchiveError {
  let fd: number;
  try {
    fd = openSync(path, origin === 'walked' ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
  } catch (error) {
    return openFailure(error, origin);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return archiveError('unreadable', 'cannot read it: it is a folder');
    if (stats.isFile()) {
      if (stats.size > byteLimit(maxBytes)) return tooLarge(maxBytes, stats.size);
      return readBounded(fd, maxBytes, stats.size + 1);
    }
    if (origin === 'walked') return archiveError('not-a-file', `not a regular file (${kind(stats)}): skipped without reading`);
    return readBounded(fd, maxBytes, CHUNK);
  } catch (error) {
    return archiveError('unreadable', `cannot read it: ${reason(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** Reads until the end, or until one byte past {@link byteLimit} proves the input too large. */
function readBounded(fd: number, maxBytes: number, sizeHint: number): Uint8Array | ArchiveError {
  const limit = byteLimit(maxBytes);
  let buffer = Buffer.allocUnsafe(Math.min(sizeHint, limit + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return tooLarge(maxBytes, null);
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/** Why opening failed, by errno; ENOENT means gone for a walked file, missing for a named one. */
export function openFailure(error: unknown, origin: Origin): ArchiveError {
  const code = errno(error);
  if (code === 'ENOENT') {
    return origin === 'walked'
      ? archiveError('vanished', 'the file was gone when it was read')
      : archiveError('missing', 'no such file or folder');
  }
  if (code === 'ELOOP') return archiveError('symlink-loop', 'a symbolic link loop: too many levels of links');
  if (code === 'ENXIO') return archiveError('not-a-file', 'not a regular file (a socket or device without a reader): skipped');
  return archiveError('unreadable', `cannot open it: ${reason(error)}`);
}

/**
 * The most bytes that can hold a post of at most `maxInputBytes` of text.
 * The library counts the text's UTF-8 length whatever its encoding, and the
 * same text can take more bytes than that in another encoding (UTF-16 takes
 * two for each ASCII character, ISO-2022-JP's escapes up to about 2.7 times,
 * a byte order mark three more). Inputs over this bound are refused unread;
 * the others are read, and parsePost applies the exact limit, so the reader
 * answers what parsePost answers for the same bytes.
 */
export function byteLimit(maxInputBytes: number): number {
  return 3 * maxInputBytes + 3;
}

/** Why an input over {@link byteLimit} is refused. */
export function tooLarge(maxBytes: number, size: number | null): ArchiveError {
  const limit = `too large to hold at most ${maxBytes} bytes of text`;
  if (size === null) return archiveError('input-too-large', `the input is over ${byteLimit(maxBytes)} bytes, ${limit}; reading stopped there`);
  return archiveError('input-too-large', `the file is ${size} bytes, ${limit}; not read`);
}

function kind(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'a special file';
}
