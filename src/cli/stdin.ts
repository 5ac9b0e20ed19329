/// <reference types="node" />
/**
 * Standard input, bounded: a file redirected in is refused by its size
 * before reading; a pipe is read until its end or one byte past the limit,
 * then let go, so `head -c 1G /dev/zero | emnews` costs the limit, not 1 GiB.
 * The limit is {@link byteLimit} of `--max-input-bytes`; parsePost applies
 * the exact one.
 *
 * @module
 */

import { fstatSync } from 'node:fs';
import { archiveError, type ArchiveError } from '../archive/errors.js';
import { byteLimit, tooLarge } from '../archive/read.js';

export async function readStdin(maxBytes: number): Promise<Uint8Array | ArchiveError> {
  const limit = byteLimit(maxBytes);
  try {
    const stats = fstatSync(0);
    if (stats.isFile() && stats.size > limit) return tooLarge(maxBytes, stats.size);
  } catch {
    // No descriptor 0 to ask: read what the stream gives.
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        process.stdin.destroy();
        return tooLarge(maxBytes, null);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    return archiveError('unreadable', `cannot read standard input: ${error instanceof Error ? error.message : String(error)}`);
  }
  return Buffer.concat(chunks, size);
}
