/// <reference types="node" />
/**
 * Lists the posts of an archive, lazily and in a stable order: the inputs
 * in the order given, and inside a folder its entries by name (UTF-16 code
 * unit order), depth first. Every problem is an item of its own, so the
 * walk never stops at a bad entry.
 *
 * @module
 */

import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { archiveError, errno, reason, type ArchiveError } from './errors.js';
import type { Origin } from './read.js';

/** One thing to read: a post file, in-memory bytes, or a problem already known. */
export type Item =
  | { file: string; origin: Origin; bytes?: undefined; error?: undefined }
  | { file: string; bytes: Uint8Array; fileName?: string; origin?: undefined; error?: undefined }
  | { file: string; error: ArchiveError; origin?: undefined; bytes?: undefined };

/** An input of the walk: a path, or a post already in memory (standard input). */
export type Input = string | { file: string; bytes: Uint8Array; fileName?: string } | { file: string; error: ArchiveError };

/** Called for each folder named in the inputs that held no `*.md` file at all. */
export type EmptyFolderHandler = (folder: string) => void;

const isPostName = (name: string): boolean => name.endsWith('.md');

/** Every item of `inputs`, lazily: a folder is listed only when the walk reaches it. */
export function* walk(inputs: Iterable<Input>, onEmptyFolder?: EmptyFolderHandler): Generator<Item> {
  for (const input of inputs) {
    if (typeof input !== 'string') {
      yield input;
      continue;
    }
    let stats: Stats;
    try {
      stats = statSync(input);
    } catch (error) {
      yield { file: input, error: namedFailure(input, error) };
      continue;
    }
    if (!stats.isDirectory()) {
      yield { file: input, origin: 'named' };
      continue;
    }
    let found = 0;
    for (const item of folder(input, [key(stats)])) {
      found++;
      yield item;
    }
    if (found === 0) onEmptyFolder?.(input);
  }
}

/** The posts under `dir`, depth first; `ancestors` holds the folders above (device:inode) to stop link loops. */
function* folder(dir: string, ancestors: string[]): Generator<Item> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { file: dir, error: folderFailure(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* subfolder(path, ancestors, false);
    else if (entry.isSymbolicLink()) yield* link(path, entry.name, ancestors);
    else if (isPostName(entry.name)) {
      yield entry.isFile() ? { file: path, origin: 'walked' } : { file: path, error: special(path) };
    }
  }
}

function* subfolder(path: string, ancestors: string[], viaLink: boolean): Generator<Item> {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    yield { file: path, error: folderFailure(error) };
    return;
  }
  const id = key(stats);
  if (ancestors.includes(id)) {
    yield { file: path, error: archiveError('symlink-loop', 'a link to a folder that contains it: not followed') };
    return;
  }
  if (!viaLink && !stats.isDirectory()) return;
  yield* folder(path, [...ancestors, id]);
}

/** A symbolic link: followed to a file named `*.md`, or to any folder that is not above it. */
function* link(path: string, name: string, ancestors: string[]): Generator<Item> {
  let target: Stats;
  try {
    target = statSync(path);
  } catch (error) {
    const code = errno(error);
    if (!isPostName(name)) return;
    if (code === 'ENOENT') yield { file: path, error: archiveError('dangling-link', 'a symbolic link to nothing: its target does not exist') };
    else if (code === 'ELOOP') yield { file: path, error: archiveError('symlink-loop', 'a symbolic link loop: too many levels of links') };
    else yield { file: path, error: archiveError('unreadable', `cannot follow the link: ${reason(error)}`) };
    return;
  }
  if (target.isDirectory()) yield* subfolder(path, ancestors, true);
  else if (isPostName(name)) yield target.isFile() ? { file: path, origin: 'walked' } : { file: path, error: special(path) };
}

function special(path: string): ArchiveError {
  let what = 'a special file';
  try {
    const stats = statSync(path);
    what = stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : what;
  } catch {
    // The kind only words the message.
  }
  return archiveError('not-a-file', `not a regular file (${what}): skipped without reading`);
}

/** Why a path the caller named cannot be read. */
function namedFailure(path: string, error: unknown): ArchiveError {
  const code = errno(error);
  if (code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return archiveError('dangling-link', 'a symbolic link to nothing: its target does not exist');
    } catch {
      // Not there at all.
    }
    return archiveError('missing', 'no such file or folder');
  }
  if (code === 'ELOOP') return archiveError('symlink-loop', 'a symbolic link loop: too many levels of links');
  return archiveError('unreadable', `cannot open it: ${reason(error)}`);
}

function folderFailure(error: unknown): ArchiveError {
  const code = errno(error);
  if (code === 'ENOENT') return archiveError('vanished', 'the folder was gone when it was read; its posts were not read');
  return archiveError('unreadable-folder', `cannot open the folder: ${reason(error)}; its posts were not read`);
}

const key = (stats: Stats): string => `${stats.dev}:${stats.ino}`;
