/**
 * `npm run bench:memory [-- --quick] [-- --only <text>]`: peak memory of
 * one parse of every shape of bench/shapes.ts at 1 MB and 9 MB, each in a
 * child process (this file with `--child <file>`, run with `--expose-gc
 * --trace-gc --max-semi-space-size=1`): the peak heap growth, read from the
 * sizes V8 prints at each collection between two marker lines, and the
 * peak resident memory growth, each per input byte.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePost } from 'emnews';
import { SHAPES } from './shapes.ts';

const MB = 1024 * 1024;
const args = process.argv.slice(2);

if (args[0] === '--child') parseOnce(readFileSync(args[1]!, 'utf8'));
else shapes(args.includes('--quick'), args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);

/** The child: one parse between markers, with the heap and resident memory before and after. */
function parseOnce(text: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  // A string of Latin-1 characters takes one byte per character, any other two.
  const stringBytes = text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  console.log('memory:start');
  const post = parsePost(text, { maxInputBytes: 64 * MB });
  console.log('memory:end');
  const maxRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  console.log(`memory:paragraphs ${post.paragraphs.length}`);
  console.log(`memory:before ${(before / MB).toFixed(2)}`);
  console.log(`memory:retained ${(retained / MB).toFixed(2)}`);
  console.log(`memory:string ${(stringBytes / MB).toFixed(2)}`);
  console.log(`memory:input ${(Buffer.byteLength(text) / MB).toFixed(2)}`);
  console.log(`memory:rss-growth ${((maxRss - rssBefore) / MB).toFixed(2)}`);
}

/** Runs a child on `text`: peak heap growth and peak resident growth, in MB. */
function child(text: string, dir: string): { heap: number; rss: number; retained: number } | string {
  const file = join(dir, 'input.md');
  writeFileSync(file, text);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--trace-gc', '--max-semi-space-size=1', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', file],
    { encoding: 'utf8', maxBuffer: 256 * MB },
  );
  const lines = run.stdout.split('\n');
  const value = (key: string): number => Number(lines.find((line) => line.startsWith(`memory:${key} `))?.split(' ')[1]);
  // V8 prints "... Scavenge 74.0 (107.3) -> 73.7 (107.3) MB, ..." at each collection during the parse.
  const during = lines.slice(lines.indexOf('memory:start'), lines.indexOf('memory:end'));
  const peak = Math.max(value('before'), ...during.map((line) => Number(/ (\d+(?:\.\d+)?) \(\d+(?:\.\d+)?\) -> /.exec(line)?.[1] ?? 0)));
  if (run.status !== 0) return `exit ${run.status}: ${run.stderr.split('\n').slice(-3).join(' ')}`;
  return { heap: peak - value('before'), rss: value('rss-growth'), retained: value('retained') };
}

function shapes(quick: boolean, only: string | undefined): void {
  const sizes = quick ? [1_000_000] : [1_000_000, 9_000_000];
  const dir = mkdtempSync(join(tmpdir(), 'emnews-memory-'));
  console.log(`node ${process.version}; one parse per child process; peak growth over the heap (and resident memory) before the parse, per byte of input\n`);
  console.log(`| shape | ${sizes.map((size) => `${size / 1e6} MB: heap ×, RSS ×, retained ×`).join(' | ')} |`);
  console.log(`|---|${sizes.map(() => '---|').join('')}`);
  let worst = { name: '', ratio: 0 };
  try {
    for (const [name, make] of Object.entries(SHAPES)) {
      if (only !== undefined && !name.includes(only)) continue;
      const cells = sizes.map((size) => {
        const text = make(size);
        const bytes = Buffer.byteLength(text) / MB;
        const result = child(text, dir);
        if (typeof result === 'string') return `**${result}**`;
        const ratio = Math.max(result.heap, result.rss) / bytes;
        if (ratio > worst.ratio) worst = { name: `${name} at ${size / 1e6} MB`, ratio };
        return `${(result.heap / bytes).toFixed(1)}, ${(result.rss / bytes).toFixed(1)}, ${(result.retained / bytes).toFixed(1)}`;
      });
      console.log(`| ${name} | ${cells.join(' | ')} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nlargest peak growth: ${worst.ratio.toFixed(1)} × the input, on ${worst.name}`);
}
