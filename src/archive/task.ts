/// <reference types="node" />
/**
 * One input to one result, the same in the calling thread and in a worker:
 * read (bounded), parse, then hand the entry to a task, a function loaded
 * from a module so that worker threads can load it too. The task's result
 * is what crosses back from a worker, so a task that formats output moves
 * that work off the main thread.
 *
 * @module
 */

import { basename } from 'node:path';
import { parsePost, type ParseOptions } from '../parse-post.js';
import type { Post } from '../types.js';
import { internalError, parseFailure, type ArchiveError } from './errors.js';
import { readPostFile } from './read.js';
import type { Item } from './walk.js';

/** A post read from a file, or why there is none. */
export type Entry = { file: string; post: Post; error?: undefined } | { file: string; error: ArchiveError; post?: undefined };

/** What a task does with one entry; `extra` travels with the item (the copies, when deduplicating). */
export type TaskFunction<T> = (entry: Entry, extra: unknown) => T;

/**
 * A task: the URL of a module whose `createTask(config)` returns the
 * {@link TaskFunction}, and the plain-data `config` it is given.
 */
export interface TaskSpec {
  module: string;
  config: unknown;
}

/** The parse options shared by every item, and the size limit they imply. */
export interface ParseSettings {
  options: Omit<ParseOptions, 'fileName'>;
  /** `options.maxInputBytes` or its default: files larger than this are not read. */
  maxBytes: number;
}

/** Loads a task's function. */
export async function loadTask<T>(spec: TaskSpec): Promise<TaskFunction<T>> {
  const module = (await import(spec.module)) as { createTask(config: unknown): TaskFunction<T> };
  return module.createTask(spec.config);
}

/** An item with what it carries along: its place in the order and the task's extra data. */
export interface Work {
  item: Item;
  extra?: unknown;
}

/** Reads and parses one item; never throws. */
export function readEntry(work: Work, settings: ParseSettings): Entry {
  const { item } = work;
  if (item.error !== undefined) return { file: item.file, error: item.error };
  const bytes = item.bytes ?? readPostFile(item.file, settings.maxBytes, item.origin);
  if (!(bytes instanceof Uint8Array)) return { file: item.file, error: bytes };
  try {
    // A file is named by its base name, so a post does not depend on where the archive sits;
    // bytes (standard input) are named only when the caller says so.
    const fileName = item.bytes === undefined ? basename(item.file) : item.fileName;
    // Object.assign, not a spread: making and checking the options took about 7 times as long with a spread (micro-benchmark, Node 20).
    const options = fileName === undefined ? settings.options : Object.assign({}, settings.options, { fileName });
    return { file: item.file, post: parsePost(bytes, options) };
  } catch (error) {
    return { file: item.file, error: parseFailure(error) };
  }
}

/** Runs the task on one item; if the task throws on a post, it gets the post's `internal-error` instead. */
export function runWork<T>(work: Work, settings: ParseSettings, task: TaskFunction<T>): T {
  const entry = readEntry(work, settings);
  try {
    return task(entry, work.extra);
  } catch (error) {
    return task({ file: entry.file, error: internalError(error) }, work.extra);
  }
}
