/// <reference types="node" />
/**
 * One run of the command: standard input read (bounded) if asked for, the
 * archive run with the format task, results written in order, messages
 * and progress on stderr, and the exit status.
 *
 * @module
 */

import { statSync } from 'node:fs';
import { DEFAULT_MAX_INPUT_BYTES } from '../_lib/options.js';
import { runArchive } from '../archive/run.js';
import { walk, type Input } from '../archive/walk.js';
import type { CliOptions } from './args.js';
import { printable } from './escape.js';
import { FAILED, FORMATS_MODULE, OK, type FormatConfig, type Result } from './formats.js';
import { Output } from './output.js';
import { Progress } from './progress.js';
import { readStdin } from './stdin.js';
import { ARTICLE_COLUMNS, BOM, MENTION_COLUMNS, record } from './table.js';

/** Runs the command; resolves to its exit status. */
export async function run(options: CliOptions): Promise<number> {
  const maxBytes = options.parse.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const progress = new Progress(options.progress);
  const inputs: Input[] = [];
  for (const path of options.paths.length === 0 ? ['-'] : options.paths) {
    if (path !== '-') {
      inputs.push(path);
      continue;
    }
    const file = options.fileName ?? '-';
    const bytes = await readStdin(maxBytes);
    if (!(bytes instanceof Uint8Array)) inputs.push({ file, error: bytes });
    else inputs.push(options.fileName === undefined ? { file, bytes } : { file, bytes, fileName: options.fileName });
  }
  const total = progress.enabled ? count(inputs) : null;
  // A few files are parsed faster here than worker threads start.
  const jobs = inputs.length < 64 && !inputs.some(isFolder) ? 1 : options.jobs;

  const config: FormatConfig = { format: options.format, failOnWarning: options.failOnWarning };
  const results = runArchive<Result>(inputs, {
    jobs,
    prefetch: 64 * jobs,
    settings: { options: options.parse, maxBytes },
    task: { module: FORMATS_MODULE, config },
    dedupe: options.dedupe ? { oldPostFolder: 'old_post' } : null,
    onEmptyFolder: (folder) => progress.log(`emnews: ${printable(folder)}: no *.md files in this folder\n`),
    progress: {
      pass: (pass, known) => progress.phase(options.dedupe ? (pass === 1 ? 'read for --dedupe' : 'articles') : 'posts', known ?? total),
      read: () => progress.tick(),
    },
  });

  const output = new Output();
  const json = options.format === 'json';
  if (options.format === 'csv') await output.push(BOM + record(ARTICLE_COLUMNS));
  if (options.format === 'mentions') await output.push(BOM + record(MENTION_COLUMNS));
  if (json) await output.push('[\n');
  let status = OK;
  let written = 0;
  let warned = 0;
  for await (const result of results) {
    if (result.err !== '') progress.log(result.err);
    await output.push(json && written > 0 ? `,\n${result.out}` : result.out);
    written++;
    if (result.status !== OK) progress.failed++;
    if (result.warned) {
      warned++;
      progress.warned++;
    }
    status = Math.max(status, result.status);
    progress.tick();
  }
  if (json) await output.push(written > 0 ? '\n]\n' : ']\n');
  await output.flush();
  progress.finish(written);
  return options.failOnWarning && warned > 0 ? Math.max(status, FAILED) : status;
}

function isFolder(input: Input): boolean {
  try {
    return typeof input === 'string' && statSync(input).isDirectory();
  } catch {
    return false;
  }
}

/** How many inputs a run will have, for the progress line's ETA: a walk that reads no file. */
function count(inputs: readonly Input[]): number {
  let n = 0;
  for (const _ of walk(inputs)) n++;
  return n;
}
