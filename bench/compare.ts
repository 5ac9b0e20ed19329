/**
 * `npm run bench`: emnews beside the floor and the alternatives, on the real
 * corpus (when `../shared/corpus` is there) and on invented posts of 1 KB to
 * 1 MB. All in one process, interleaved round by round after a warm-up;
 * each figure is the median over the rounds. Then the peak heap growth while
 * parsing a 10 MB post, measured in a child process.
 *
 * `npm run bench -- --quick` runs fewer rounds.
 */

import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CONTENDERS, type ContenderName } from './contenders.ts';
import { corpusPosts, generatedPost } from './posts.ts';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 5 : 15;
/** A contender stops sampling an input once it has spent this long on it. */
const BUDGET_MS = quick ? 3_000 : 12_000;
/** Repeat small inputs until a sample lasts at least this long. */
const MIN_SAMPLE_MS = 50;

interface InputSet {
  name: string;
  posts: string[];
  bytes: number;
}

const sets: InputSet[] = [];
const corpus = corpusPosts();
if (corpus.length > 0) sets.push({ name: `corpus (${corpus.length} posts)`, posts: corpus, bytes: 0 });
for (const size of [1_000, 10_000, 100_000, 1_000_000]) {
  sets.push({ name: `generated ${size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1_000} KB`}`, posts: [generatedPost(size)], bytes: 0 });
}
for (const set of sets) set.bytes = set.posts.reduce((n, p) => n + Buffer.byteLength(p), 0);

const names = Object.keys(CONTENDERS) as ContenderName[];
let sink: unknown;

/** Runs every post of the set `repeat` times; returns ms per pass over the set. */
function sample(name: ContenderName, set: InputSet, repeat: number): number {
  const run = CONTENDERS[name];
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeat; r++) for (const post of set.posts) sink = run(post);
  return Number(process.hrtime.bigint() - start) / 1e6 / repeat;
}

// Warm-up, which also picks how many passes make one sample.
const repeats = new Map<string, number>();
for (const set of sets) {
  for (const name of names) {
    const once = Math.max(sample(name, set, 1), sample(name, set, 1), 0.001);
    repeats.set(`${name}|${set.name}`, Math.max(1, Math.ceil(MIN_SAMPLE_MS / once)));
  }
}

const samples = new Map<string, number[]>();
const spent = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const set of sets) {
    // Rotate the order so no contender always runs first.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const key = `${name}|${set.name}`;
      if ((spent.get(key) ?? 0) > BUDGET_MS && (samples.get(key)?.length ?? 0) >= 3) continue;
      const repeat = repeats.get(key)!;
      const ms = sample(name, set, repeat);
      samples.set(key, [...(samples.get(key) ?? []), ms]);
      spent.set(key, (spent.get(key) ?? 0) + ms * repeat);
    }
  }
}
if (sink === undefined) throw new Error('nothing ran');

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const perPost = (name: ContenderName, set: InputSet): number => (median(samples.get(`${name}|${set.name}`)!) * 1000) / set.posts.length;
const format = (us: number): string => (us >= 10_000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(us < 100 ? 1 : 0)} µs`);

console.log(`emnews benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${ROUNDS} rounds\n`);
console.log('Time per post (median over rounds), emnews throughput, and ratios:\n');
console.log('| input | avg size | floor | emnews | gray-matter + cheerio | jsdom + readability | emnews MB/s | emnews / floor | g-m+cheerio / emnews | jsdom+readability / emnews |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const set of sets) {
  const [floor, emnews, cheerio, jsdom] = names.map((name) => perPost(name, set)) as [number, number, number, number];
  const avg = set.bytes / set.posts.length;
  const mbs = avg / emnews; // bytes per µs = MB/s
  console.log(
    `| ${set.name} | ${(avg / 1000).toFixed(1)} KB | ${format(floor)} | ${format(emnews)} | ${format(cheerio)} | ${format(jsdom)} | ${mbs.toFixed(1)} | ${(emnews / floor).toFixed(2)} | ${(cheerio / emnews).toFixed(1)} | ${(jsdom / emnews).toFixed(0)} |`,
  );
}

const memory = spawnSync(
  process.execPath,
  ['--expose-gc', '--trace-gc', '--max-semi-space-size=1', '--import', 'tsx', fileURLToPath(new URL('memory.ts', import.meta.url))],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const lines = memory.stdout.split('\n');
const value = (key: string): number => Number(lines.find((line) => line.startsWith(`memory:${key} `))?.split(' ')[1]);
// V8 prints "... Scavenge 74.0 (107.3) -> 73.7 (107.3) MB, ..." at each collection during the parse.
const during = lines.slice(lines.indexOf('memory:start'), lines.indexOf('memory:end'));
const peak = Math.max(...during.map((line) => Number(/ (\d+(?:\.\d+)?) \(\d+(?:\.\d+)?\) -> /.exec(line)?.[1] ?? 0)));
const growth = peak - value('before');
console.log('\nPeak heap growth while parsing a 10 MB invented post (child process; 1 MB young generation so V8 reports the heap often):\n');
if (memory.status !== 0 || !Number.isFinite(growth)) {
  console.log(memory.stderr);
} else {
  console.log('| input (UTF-8) | input string in memory | peak heap growth | growth / string | retained result |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${value('input').toFixed(1)} MB | ${value('string').toFixed(1)} MB | ${growth.toFixed(1)} MB | ${(growth / value('string')).toFixed(2)} | ${value('retained').toFixed(1)} MB |`,
  );
}
