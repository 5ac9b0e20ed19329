/// <reference types="node" />
/**
 * The whole run over an archive: the walk, then the pool; with dedupe, two
 * passes. Pass one parses every file and keeps only a summary of each copy
 * (a few numbers and the path: a few hundred bytes a file); the rule picks each
 * article's copy; pass two parses the kept copies again and hands them to
 * the task, in input order. Memory is bounded by the number of files, never
 * by their posts.
 *
 * @module
 */

import { copyChooser } from '../dedupe.js';
import type { ArchiveError } from './errors.js';
import { mapInOrder } from './pool.js';
import type { ParseSettings, TaskSpec, Work } from './task.js';
import { TASKS_MODULE, type SummaryResult } from './tasks.js';
import { walk, type EmptyFolderHandler, type Input, type Item } from './walk.js';

/** How to run over an archive. */
export interface RunOptions {
  jobs: number;
  prefetch: number;
  settings: ParseSettings;
  task: TaskSpec;
  /** Collapse copies: the `old_post` folder name, or `null` to keep every post. */
  dedupe: { oldPostFolder: string } | null;
  onEmptyFolder?: EmptyFolderHandler;
  /** Called as each pass starts (pass two only with dedupe) and after each file of pass one. */
  progress?: { pass(pass: 1 | 2, total: number | null): void; read(): void };
}

/** The task's result for each item of `inputs`, in order. */
export async function* runArchive<T>(inputs: readonly Input[], options: RunOptions): AsyncGenerator<T> {
  const pool = { jobs: options.jobs, prefetch: options.prefetch, settings: options.settings, task: options.task };
  const items = walk(inputs, options.onEmptyFolder);
  if (options.dedupe === null) {
    options.progress?.pass(1, null);
    yield* mapInOrder<T>(works(items), pool);
    return;
  }
  options.progress?.pass(1, null);
  // Pass one keeps each input's item (its path), the errors by place, and
  // per article only the best summary so far with a small copy per file.
  const seen: Item[] = [];
  const errors = new Map<number, ArchiveError>();
  const chooser = copyChooser();
  const recorded = (function* () {
    for (const item of items) {
      seen.push(item);
      yield { item };
    }
  })();
  const summaryTask = { module: TASKS_MODULE, config: { kind: 'summary', oldPostFolder: options.dedupe.oldPostFolder } };
  let index = 0;
  for await (const result of mapInOrder<SummaryResult>(recorded, { ...pool, task: summaryTask })) {
    if (result.error !== undefined) errors.set(index, result.error);
    // Share the walk's path string instead of keeping the copy that came back from a worker.
    else chooser.add(index, { ...result.summary, file: seen[index]!.file });
    index++;
    options.progress?.read();
  }
  const second: Work[] = [];
  const failed = (upTo: number): void => {
    for (const [at, error] of errors) {
      if (at >= upTo) break;
      second.push({ item: { file: seen[at]!.file, error } });
      errors.delete(at);
    }
  };
  for (const [at, copies] of chooser.kept()) {
    failed(at);
    second.push({ item: seen[at]!, extra: copies });
  }
  failed(Infinity);
  seen.length = 0;
  options.progress?.pass(2, second.length);
  yield* mapInOrder<T>(second, pool);
}

function* works(items: Iterable<Item>): Generator<Work> {
  for (const item of items) yield { item };
}
