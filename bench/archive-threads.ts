/**
 * `node --import tsx bench/archive-threads.ts DIR [--threads N] [--rounds R]`:
 * is the cost of `--jobs` in threads themselves, or in the command's pool?
 * Deals the archive's files out into N parts (`splitArchive`), then runs,
 * round-robin, the JSONL loop of `archive-loops.ts` (list, read, parse,
 * write each record) over the whole archive in this process's main thread;
 * N such loops at once in N worker threads of one process, each over its
 * own part (no pool, no messages); and `emnews --jobs N` over the archive.
 * Each does the archive once, and the threads share it out as the pool's
 * workers do, so each thread warms up for its share alone. Prints wall and CPU time (user + system,
 * the whole process), medians of the rounds with their spread.
 */

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { splitArchive } from './archive-fixtures.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const loops = join(root, 'bench/archive-loops.ts');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const dir = args[0];
if (dir === undefined || dir.startsWith('--')) throw new Error('usage: bench/archive-threads.ts DIR [--threads N] [--rounds R]');
const THREADS = option('--threads', availableParallelism());
const ROUNDS = option('--rounds', 3);

interface Sample {
  seconds: number;
  cpuSeconds: number;
}

/** Runs `node` with `argv` and times it from outside: wall time, and the child's CPU time from GNU time. */
function timed(argv: string[]): Sample {
  const start = process.hrtime.bigint();
  const result = spawnSync('sh', ['-c', `/usr/bin/time -f '%U %S' "$@" > /dev/null`, 'sh', process.execPath, ...argv], { encoding: 'utf8', cwd: root });
  if (result.status !== 0) throw new Error(result.stderr);
  const [user, system] = result.stderr.trimEnd().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: user + system };
}

if (args.includes('--inner')) {
  // The child process: THREADS worker threads, each running the JSONL loop over its part.
  await Promise.all(
    Array.from({ length: THREADS }, (_, p) => {
      // The loop is TypeScript: tsx's loader is registered in the worker first.
      const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(loops).href)}); })`;
      const worker = new Worker(code, { eval: true, argv: ['jsonl', `${dir}-part-${p + 1}`], stdout: true });
      worker.stdout.resume();
      return new Promise((resolve, reject) => worker.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`worker exited ${code}`)))));
    }),
  );
} else {
  const parts = splitArchive(dir, THREADS);
  const contenders: [string, () => Sample][] = [
    ['JSONL loop, main thread', () => timed(['--import', 'tsx', loops, 'jsonl', dir])],
    [`${THREADS} JSONL loops in ${THREADS} worker threads, on 1/${THREADS} of the files each`, () =>
      timed(['--import', 'tsx', fileURLToPath(import.meta.url), dir, '--threads', String(THREADS), '--inner'])],
    [`emnews --jobs ${THREADS}`, () => timed([join(root, 'dist/cli/main.js'), '--jobs', String(THREADS), dir])],
  ];
  const samples = new Map<string, Sample[]>(contenders.map(([name]) => [name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, measure] of contenders) {
      const sample = measure();
      samples.get(name)!.push(sample);
      console.log(`round ${round}: ${name}: ${sample.seconds.toFixed(2)} s, CPU ${sample.cpuSeconds.toFixed(2)} s`);
    }
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const show = (values: number[]): string => `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
  console.log('\n| contender | wall s, median (min–max) | CPU s, median (min–max) |\n| --- | ---: | ---: |');
  for (const [name, list] of samples) console.log(`| ${name} | ${show(list.map((s) => s.seconds))} | ${show(list.map((s) => s.cpuSeconds))} |`);
  console.log('\n(wall and CPU time of whole processes, Node and tsx start included; timed from outside)');
  for (const part of parts) rmSync(part, { recursive: true, force: true });
}
