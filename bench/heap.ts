/**
 * The peak heap growth of one parse of a 10 MB post, from a child process
 * running bench/memory.ts (which says how), median over runs.
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface HeapRun {
  /** MB: the largest heap V8 saw during the parse, minus the heap before. */
  growth: number;
  /** MB: the input as the heap holds it (string characters, or bytes). */
  input: number;
  /** MB: the heap the result keeps alive after the parse. */
  retained: number;
  /** MB: the most the heap grew between two collections: how finely the peak is seen. */
  resolution: number;
}

// V8 prints "... Scavenge 74.0 (107.3) -> 73.7 (107.3) MB, ..." at each collection.
const GC_LINE = / (\d+(?:\.\d+)?) \(\d+(?:\.\d+)?\) -> (\d+(?:\.\d+)?) \(/;

export function heapRun(form: 'string' | 'bytes'): HeapRun {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--trace-gc', '--max-semi-space-size=1', '--import', 'tsx', fileURLToPath(new URL('memory.ts', import.meta.url)), form],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`bench/memory.ts ${form} failed:\n${child.stderr}`);
  const lines = child.stdout.split('\n');
  const value = (key: string): number => {
    const found = lines.find((line) => line.startsWith(`memory:${key} `));
    if (found === undefined) throw new Error(`bench/memory.ts printed no ${key}`);
    return Number(found.split(' ')[1]);
  };
  const before = value('before');
  let peak = value('after');
  let resolution = 0;
  let last = before;
  for (const line of lines.slice(lines.indexOf('memory:start'), lines.indexOf('memory:end'))) {
    const match = GC_LINE.exec(line);
    if (match === null) continue;
    const [start, end] = [Number(match[1]), Number(match[2])];
    peak = Math.max(peak, start);
    resolution = Math.max(resolution, start - last);
    last = end;
  }
  resolution = Math.max(resolution, value('after') - last);
  return { growth: peak - before, input: value('input'), retained: value('retained'), resolution };
}
