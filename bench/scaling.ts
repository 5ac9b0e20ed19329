/**
 * `npm run bench:scaling [-- --quick] [-- --only <text>]`: CPU time per
 * input byte of parsePost on adversarial shapes (bench/shapes.ts) at 10 KB,
 * 100 KB, 1 MB and 10 MB, and whether each meets issue 13's target: a 1 MB
 * post parses in under 2 s, and the time per byte grows by at most 3×
 * from 10 KB to 1 MB.
 *
 * Method: three rounds; in each, every size of a shape is sampled once
 * (samples last at least 100 ms of CPU time, or one parse). A figure is
 * the median of the three rounds, printed with its spread (min–max). CPU
 * time of the process (`process.cpuUsage`), not wall time: other jobs on a
 * shared machine slow the wall clock more than they slow our CPU time.
 *
 * Then the front matter table: a post that is all front matter (100 KB
 * for the flat reader, just under the library's 4,096 characters for what
 * only the library reads) against an ordinary post of the same size: each
 * sample in a process of its own, median of five rounds
 * (`--ratio '<shape>'` prints one row).
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parsePost } from 'emnews';
import { MAX_LIBRARY_LENGTH } from '../src/_lib/front-matter.ts';
import { frontMatterPost, FRONT_MATTER_SHAPES, type FrontMatterShape } from '../test/generators/yaml.ts';
import { generatedPost } from './posts.ts';
import { SHAPES } from './shapes.ts';

const ratioShape = process.argv.includes('--ratio') ? process.argv[process.argv.indexOf('--ratio') + 1] : undefined;
const sampleShape = process.argv.includes('--sample') ? process.argv[process.argv.indexOf('--sample') + 1] : undefined;
const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const SIZES = quick ? [10_000, 100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 10_000_000];
const TARGET_SIZES = 3; // 10 KB to 1 MB
const ROUNDS = 3;
/** The front matter table's rounds: more than the first table's, as each is only two short processes. */
const RATIO_ROUNDS = 5;
const OPTIONS = { maxInputBytes: 64 * 1024 * 1024 };

/** CPU nanoseconds per byte of one sample (at least `minMs` of CPU), and milliseconds per parse. */
function sample(text: string, bytes: number, minMs = 100): { perByte: number; perParse: number } {
  let runs = 0;
  const start = process.cpuUsage();
  let used = 0;
  do {
    parsePost(text, OPTIONS);
    runs++;
    const cpu = process.cpuUsage(start);
    used = (cpu.user + cpu.system) / 1000;
  } while (used < minMs);
  return { perByte: (used * 1e6) / runs / bytes, perParse: used / runs };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]): string => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** Median ns/byte per size, with spreads, and the median ms of one parse at 1 MB. */
function measure(make: (size: number) => string): { perByte: number[]; spreads: string[]; ms1MB: number } {
  const texts = SIZES.map((size) => make(size));
  const bytes = texts.map((text) => Buffer.byteLength(text));
  for (const text of texts) parsePost(text, OPTIONS); // warm-up
  const perByte: number[][] = SIZES.map(() => []);
  const perParse: number[][] = SIZES.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    texts.forEach((text, i) => {
      const result = sample(text, bytes[i]!);
      perByte[i]!.push(result.perByte);
      perParse[i]!.push(result.perParse);
    });
  }
  return { perByte: perByte.map(median), spreads: perByte.map(spread), ms1MB: median(perParse[2]!) };
}

/** The largest growth of time per byte from a smaller size to a larger one, 10 KB to 1 MB. */
function growth(perByte: number[]): number {
  let most = 0;
  for (let i = 0; i < TARGET_SIZES; i++) for (let j = i + 1; j < TARGET_SIZES; j++) most = Math.max(most, perByte[j]! / perByte[i]!);
  return most;
}

const label = (size: number): string => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`);
if (sampleShape !== undefined) {
  const { text, ordinary } = ratioTexts(sampleShape as FrontMatterShape);
  const input = process.argv[process.argv.indexOf('--sample') + 2] === 'ordinary' ? ordinary : text;
  for (let i = 0; i < 3; i++) parsePost(input, OPTIONS);
  console.log(`sample ${sample(input, Buffer.byteLength(input), 300).perByte}`);
  process.exit(0);
}
if (ratioShape !== undefined) {
  console.log(ratioRow(ratioShape as FrontMatterShape));
  process.exit(0);
}
console.log(`node ${process.version}; CPU ns per byte, median of ${ROUNDS} rounds (spread in the second table)\n`);
console.log(`| shape | ${SIZES.map(label).join(' | ')} | growth 10 KB→1 MB | 1 MB parse | target |`);
console.log(`| --- |${SIZES.map(() => ' ---: |').join('')} ---: | ---: | --- |`);
const spreadRows: string[] = [];
let failed = 0;
for (const [name, make] of Object.entries(SHAPES)) {
  if (only !== undefined && !name.includes(only)) continue;
  const { perByte, spreads, ms1MB } = measure(make);
  const grows = growth(perByte);
  const met = grows <= 3 && ms1MB < 2000;
  if (!met) failed++;
  console.log(`| ${name} | ${perByte.map((t) => t.toFixed(1)).join(' | ')} | ${grows.toFixed(2)} | ${ms1MB.toFixed(0)} ms | ${met ? 'met' : '**not met**'} |`);
  spreadRows.push(`| ${name} | ${spreads.join(' | ')} |`);
}
console.log(`\n${failed === 0 ? 'every shape met the target' : `${failed} shape(s) did not meet the target`}\n`);
console.log(`| shape (spread of the ${ROUNDS} rounds, ns/byte) | ${SIZES.map(label).join(' | ')} |`);
console.log(`| --- |${SIZES.map(() => ' --- |').join('')}`);
for (const row of spreadRows) console.log(row);

// Front matter below its limits: as costly per byte as an ordinary post?
if (only === undefined || only.startsWith('front matter')) {
  console.log(`\nFront matter against an ordinary post of the same size (CPU time per byte; each sample in its own process, median of ${RATIO_ROUNDS} interleaved rounds):\n`);
  console.log('| front matter shape | size | path | front matter / ordinary | within 3× |');
  console.log('| --- | ---: | --- | ---: | --- |');
  for (const shape of Object.keys(FRONT_MATTER_SHAPES) as FrontMatterShape[]) console.log(ratioRow(shape));
}

/** The texts of the front matter table: a shape, and an ordinary post of the same size. */
function ratioTexts(shape: FrontMatterShape): { text: string; ordinary: string } {
  const text = frontMatterPost(shape, ratioSize(shape).size);
  return { text, ordinary: generatedPost(Buffer.byteLength(text)) };
}

/** How large a shape's front matter is in the table, and whether only the library reads it. */
function ratioSize(shape: FrontMatterShape): { size: number; libraryOnly: boolean } {
  const libraryOnly = shape.includes('library only');
  return { size: libraryOnly ? MAX_LIBRARY_LENGTH - 100 : 100_000, libraryOnly };
}

/**
 * One sample of the front matter table, in a fresh process: the shape, or
 * the ordinary post beside it, parsed three times to warm up, then for at
 * least 300 ms of CPU. A process of its own, so that neither side pays for
 * the other's garbage (the front matter shapes make a lot: an object per
 * key), which made samples of one process swing by 5×.
 */
function sampleChild(shape: FrontMatterShape, side: 'shape' | 'ordinary'): number {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--sample', shape, side], { encoding: 'utf8' });
  const line = run.stdout.split('\n').find((text) => text.startsWith('sample '));
  if (line === undefined) throw new Error(`sample of ${shape} (${side}) failed: ${run.stderr.split('\n').slice(-3).join(' ')}`);
  return Number(line.slice('sample '.length));
}

/** One shape against an ordinary post of the same size: the median ratio of the rounds, and its spread. */
function ratioRow(shape: FrontMatterShape): string {
  const { size, libraryOnly } = ratioSize(shape);
  const ratios: number[] = [];
  for (let round = 0; round < RATIO_ROUNDS; round++) ratios.push(sampleChild(shape, 'shape') / sampleChild(shape, 'ordinary'));
  const ratio = median(ratios);
  return `| ${shape} | ${label(size)} | ${libraryOnly ? 'YAML library' : 'flat reader'} | ${ratio.toFixed(2)} (${spread(ratios)}) | ${ratio <= 3 ? 'yes' : '**no**'} |`;
}
