/**
 * `npm run bench:archive [-- --files N --rounds R]`: the command on a whole
 * archive. Writes an archive of N invented posts (default 100,000; variants
 * of examples/posts, see archive-fixtures.ts) to a temporary folder, then,
 * round-robin for R rounds (default 3), runs:
 *
 * - read loop: list and read every file (bench/archive-loops.ts read);
 * - parse loop: `parsePost` on every file, timing the calls only;
 * - JSONL loop: list, read, parse and write each post's JSONL record, the
 *   least work of any tool that writes the command's output (checked first,
 *   on a small archive, to write the command's bytes exactly);
 * - <cores> parse loops, and <cores> JSONL loops, at once: what the machine
 *   itself gives in parallel right now (independent processes, no pool),
 *   each over the whole archive;
 * - <cores> `emnews --jobs 1` at once, each on its own 1/<cores> of the
 *   files (the archive dealt out into parts first): the same work as
 *   `--jobs <cores>` split with no threads, no pool and no messages, the
 *   ceiling for `--jobs`. Each process warms up (starts Node, compiles
 *   its hot code) for its part alone, as each worker thread does; the
 *   loops above warm up once per whole pass, so they overstate it;
 * - `emnews --jobs 1`, `emnews --jobs <cores>` and `emnews --dedupe --jobs
 *   <cores>`, output to /dev/null, timed from outside (process start
 *   included), peak RSS from GNU time.
 *
 * Prints the medians with their spread (min–max), and the ratios the
 * targets speak of: `--jobs 1` against read + parse, and `--jobs 1` against
 * `--jobs <cores>`; the two parts of the first: what writing the output
 * costs (JSONL loop against read + parse) and what the command adds to that
 * (`--jobs 1` against the JSONL loop); and how near `--jobs <cores>` comes
 * to the split processes, the ceiling.
 */

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitArchive, writeArchive } from './archive-fixtures.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const FILES = option('--files', 100_000);
const ROUNDS = option('--rounds', 3);
const CORES = availableParallelism();
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error('bench:archive needs GNU time (/usr/bin/time) for the peak RSS of the command');

const dir = mkdtempSync(join(tmpdir(), 'emnews-bench-archive-'));
const started = Date.now();
const { articles } = writeArchive(dir, FILES);
const parts = splitArchive(dir, CORES);
console.log(`emnews bench:archive: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`archive: ${FILES} files (${articles} articles) written in ${((Date.now() - started) / 1000).toFixed(1)} s to ${dir}; ${ROUNDS} rounds\n`);

interface Sample {
  seconds: number;
  /** User + system CPU time: less sensitive than wall time to other processes on the machine. */
  cpuSeconds: number;
  maxRssKb: number;
}

function loop(mode: 'read' | 'parse' | 'jsonl', folder = dir, out?: string): Sample {
  const args = ['--import', 'tsx', join(root, 'bench/archive-loops.ts'), mode, folder, ...(out === undefined ? [] : [out])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Sample;
}

/** The JSONL loop is a floor only if it writes what the command writes: compared byte for byte on a small archive. */
function checkJsonlLoop(): void {
  const small = join(dir, '..', `${basename(dir)}-check`);
  writeArchive(small, 2000);
  try {
    loop('jsonl', small, `${small}.loop.jsonl`);
    const expected = readFileSync(`${small}.loop.jsonl`);
    for (const jobs of new Set(['1', String(CORES)])) {
      const command = spawnSync(process.execPath, [cli, '--jobs', jobs, small], { maxBuffer: 1 << 30 });
      if (command.status !== 0) throw new Error(`emnews on the check archive: ${command.stderr.toString()}`);
      if (!command.stdout.equals(expected)) throw new Error(`the JSONL loop does not write what emnews --jobs ${jobs} writes`);
    }
  } finally {
    rmSync(small, { recursive: true, force: true });
    rmSync(`${small}.loop.jsonl`, { force: true });
  }
  console.log(`JSONL loop checked: on 2000 files it writes the bytes \`emnews --jobs 1\` and \`--jobs ${CORES}\` write\n`);
}
checkJsonlLoop();

/** The machine's own parallel limit: `CORES` loops at once, each over the whole archive; posts/s counts all of them. */
async function loops(mode: 'parse' | 'jsonl'): Promise<Sample> {
  const runs = await Promise.all(
    Array.from({ length: CORES }, async () => {
      const { stdout } = await child(process.execPath, ['--import', 'tsx', join(root, 'bench/archive-loops.ts'), mode, dir], `${mode} loop`);
      return JSON.parse(stdout) as Sample;
    }),
  );
  // Per archive pass, as the other rows: the slowest loop's parse time (they run side by side) over their number.
  const seconds = Math.max(...runs.map((r) => r.seconds)) / CORES;
  return { seconds, cpuSeconds: runs.reduce((n, r) => n + r.cpuSeconds, 0) / CORES, maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)) };
}

/** A child process's output, once it has ended; rejects unless it exits 0. */
function child(file: string, args: string[], name: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const running = spawn(file, args, { cwd: root });
    let stdout = '';
    let stderr = '';
    running.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    running.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    running.on('close', (status) => (status === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${name} exited ${status}: ${stderr}`))));
  });
}

/** `sh` arguments that run the command with `flags` under GNU time (`%M %U %S` on stderr), its output to /dev/null. */
const underTime = (flags: string[]): string[] => ['-c', `${TIME} -f '%M %U %S' "$@" > /dev/null`, 'sh', process.execPath, cli, ...flags];

function command(flags: string[]): Sample {
  const start = process.hrtime.bigint();
  const result = spawnSync('sh', underTime([...flags, dir]), { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`emnews ${flags.join(' ')}: ${result.stderr}`);
  return { seconds, ...timeOutput(result.stderr) };
}

/** CPU time and peak RSS from GNU time's last line (`%M %U %S`). */
function timeOutput(stderr: string): Omit<Sample, 'seconds'> {
  const [rss, user, system] = stderr.trimEnd().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { cpuSeconds: user + system, maxRssKb: rss };
}

/** `emnews --jobs 1` on each part at once: wall time until the last ends, CPU time of all, the largest peak RSS. */
async function partsAtOnce(): Promise<Sample> {
  const start = process.hrtime.bigint();
  const runs = await Promise.all(
    parts.map(async (part) => timeOutput((await child('sh', underTime(['--jobs', '1', part]), `emnews --jobs 1 ${part}`)).stderr)),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, cpuSeconds: runs.reduce((n, r) => n + r.cpuSeconds, 0), maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)) };
}

const contenders: [string, () => Sample | Promise<Sample>][] = [
  ['read loop (list + read)', () => loop('read')],
  ['parse loop (parsePost only)', () => loop('parse')],
  ['JSONL loop (list, read, parse, write)', () => loop('jsonl')],
  [`${CORES} parse loops at once (per pass)`, () => loops('parse')],
  [`${CORES} JSONL loops at once (per pass)`, () => loops('jsonl')],
  ['emnews --jobs 1', () => command(['--jobs', '1'])],
  [`${CORES} × emnews --jobs 1 at once, on 1/${CORES} of the files each`, partsAtOnce],
  [`emnews --jobs ${CORES}`, () => command(['--jobs', String(CORES)])],
  [`emnews --dedupe --jobs ${CORES}`, () => command(['--dedupe', '--jobs', String(CORES)])],
];
const samples = new Map<string, Sample[]>(contenders.map(([name]) => [name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, measure] of contenders) {
    const sample = await measure();
    samples.get(name)!.push(sample);
    console.log(`round ${round}: ${name}: ${sample.seconds.toFixed(2)} s (CPU ${sample.cpuSeconds.toFixed(2)} s), ${(sample.maxRssKb / 1024).toFixed(0)} MiB`);
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rate = (seconds: number): number => FILES / seconds;
const seconds = (name: string): number[] => samples.get(name)!.map((s) => s.seconds);

const cpuSeconds = (name: string): number[] => samples.get(name)!.map((s) => s.cpuSeconds);

console.log(`\n| contender | posts/s (median) | spread (min–max) | wall s (median) | CPU s (median, spread) | peak RSS (median, spread) |`);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name] of contenders) {
  const s = seconds(name);
  const c = cpuSeconds(name);
  const rss = samples.get(name)!.map((x) => x.maxRssKb / 1024);
  console.log(
    `| ${name} | ${rate(median(s)).toFixed(0)} | ${rate(Math.max(...s)).toFixed(0)}–${rate(Math.min(...s)).toFixed(0)} | ${median(s).toFixed(2)} | ` +
      `${median(c).toFixed(2)} (${Math.min(...c).toFixed(2)}–${Math.max(...c).toFixed(2)}) | ${median(rss).toFixed(0)} MiB (${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)}) |`,
  );
}
const peak = Math.max(...[...samples.values()].flat().map((s) => s.maxRssKb / 1024));
const READ = 'read loop (list + read)';
const PARSE = 'parse loop (parsePost only)';
const JSONL = 'JSONL loop (list, read, parse, write)';
const ONE = 'emnews --jobs 1';
const MANY = `emnews --jobs ${CORES}`;
const LOOPS = `${CORES} parse loops at once (per pass)`;
const JSONL_LOOPS = `${CORES} JSONL loops at once (per pass)`;
const SPLIT = `${CORES} × emnews --jobs 1 at once, on 1/${CORES} of the files each`;
/** A ratio taken within each round (the processes of one round ran minutes apart at most), then its median and spread. */
const ratio = (of: (round: number, name: string) => number, top: (at: (name: string) => number) => number, bottom: (at: (name: string) => number) => number, unit = ''): string => {
  const values = Array.from({ length: ROUNDS }, (_, round) => top((name) => of(round, name)) / bottom((name) => of(round, name)));
  return `${median(values).toFixed(2)}${unit} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}; by round ${values.map((v) => v.toFixed(2)).join(', ')})`;
};
const wall = (round: number, name: string): number => samples.get(name)![round]!.seconds;
const used = (round: number, name: string): number => samples.get(name)![round]!.cpuSeconds;
const readParse = (at: (name: string) => number): number => at(READ) + at(PARSE);
console.log('\nRatios within each round, median (min–max):');
console.log(`--jobs 1 / (read loop + parse loop), wall time: ${ratio(wall, (at) => at(ONE), readParse)} (target: at most 1.2)`);
console.log(`--jobs 1 / (read loop + parse loop), CPU time: ${ratio(used, (at) => at(ONE), readParse)}`);
console.log(`  JSONL loop / (read loop + parse loop), wall time: ${ratio(wall, (at) => at(JSONL), readParse)} (what writing the output costs)`);
console.log(`  --jobs 1 / JSONL loop, wall time: ${ratio(wall, (at) => at(ONE), (at) => at(JSONL))} (what the command adds, Node's start included)`);
console.log(`--jobs ${CORES} is ${ratio(wall, (at) => at(ONE), (at) => at(MANY), '×')} as fast as --jobs 1 (target on an idle 2-core machine: at least 1.6×)`);
console.log(`the ceiling: the same work split in ${CORES} processes goes ${ratio(wall, (at) => at(ONE), (at) => at(SPLIT), '×')} as fast as --jobs 1,`);
console.log(`  and --jobs ${CORES} reaches ${ratio(wall, (at) => at(SPLIT), (at) => at(MANY))} of it`);
console.log(`whole passes at once (each process warms up once per pass): ${CORES} parse loops go ${ratio(wall, (at) => at(PARSE), (at) => at(LOOPS), '×')} as fast as one,`);
console.log(`  and ${CORES} JSONL loops ${ratio(wall, (at) => at(JSONL), (at) => at(JSONL_LOOPS), '×')} as fast as one`);
console.log(`peak RSS of any run: ${peak.toFixed(0)} MiB (target: under 300)`);
console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const folder of [dir, ...parts]) rmSync(folder, { recursive: true, force: true });
