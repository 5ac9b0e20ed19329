/// <reference types="node" />
/**
 * The archive reader's own tasks, loaded by URL in each worker: `entry`
 * hands posts back as they are (with their copies when deduplicating), and
 * `summary` keeps only what the dedupe rule compares.
 *
 * @module
 */

import { summarizeCopy, type CopySummary, type PostCopy } from '../dedupe.js';
import type { ArchiveError } from './errors.js';
import type { Entry, TaskFunction } from './task.js';

/** The configuration of this module's tasks. */
export type ArchiveTaskConfig = { kind: 'entry' } | { kind: 'summary'; oldPostFolder: string };

/** A pass-one result: the copy's summary, or why the file gave no post. */
export type SummaryResult = { summary: CopySummary; error?: undefined } | { error: ArchiveError; summary?: undefined };

/** This module's URL, for {@link TaskSpec}. */
export const TASKS_MODULE: string = import.meta.url;

export function createTask(config: ArchiveTaskConfig): TaskFunction<unknown> {
  if (config.kind === 'summary') {
    const { oldPostFolder } = config;
    return (entry: Entry): SummaryResult =>
      entry.error !== undefined ? { error: entry.error } : { summary: summarizeCopy(entry.file, entry.post, oldPostFolder) };
  }
  return (entry: Entry, extra: unknown) => (extra === undefined || entry.error !== undefined ? entry : { ...entry, copies: extra as PostCopy[] });
}
