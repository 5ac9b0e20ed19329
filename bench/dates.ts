/**
 * `node --import tsx bench/dates.ts`: the cost of dates written without an
 * offset (resolved in `options.timeZone`) against the same dates written
 * with one, which is the least work any correct reader must do (match the
 * text, check the calendar, subtract the offset).
 *
 * Inputs: 2,000 archive-like wall times (seeded, random order, spread over
 * 2021-2023, about three a day, like the archive), read by `readDate` alone
 * and inside `parsePost` on a small post. "cold" starts every pass with
 * empty zone caches (when the date module has them); "warm" keeps them, as
 * a process reading an archive does after its first posts. Every figure is
 * the median of 7 rounds, printed with the min-max spread; each round times
 * one contender for at least 150 ms of this process's CPU time
 * (`process.cpuUsage`, which other processes on shared cores disturb less
 * than wall time). Do not trust figures taken while other processes share
 * the cores all the same.
 */

import * as dates from '../src/_lib/date.ts';
import { parsePost } from '../src/parse-post.ts';

const COUNT = 2000;
const ROUNDS = 7;
const FROM = Date.UTC(2021, 0, 1);
const SPAN = 3 * 365 * 86_400_000;

/** A small deterministic generator (mulberry32), so every run reads the same dates. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20261129);
const walls = Array.from({ length: COUNT }, () => new Date(FROM + Math.floor(next() * SPAN / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' '));
const post = (date: string): string =>
  ['---', 'title: 示例公司发布新品', `date: ${date}`, '---', '> 示例公司发布新品。', '', '<p>示例公司今日发布新品。</p>', '', '<http://finance.eastmoney.com/a/202205230000000001.html>'].join('\n');
const posts = walls.map(post);
const offsetPosts = walls.map((wall) => post(`${wall} +0800`));

const reset = (dates as { resetZoneCaches?: () => void }).resetZoneCaches;

interface Contender {
  name: string;
  cold: boolean;
  pass: () => void;
}

const readAll = (suffix: string, timeZone: string) => () => {
  for (const wall of walls) dates.readDate(wall + suffix, timeZone, 'front-matter');
};
const parseAll = (inputs: string[], timeZone: string) => () => {
  for (const input of inputs) parsePost(input, { timeZone });
};

const CONTENDERS: Contender[] = [
  { name: 'readDate, +0800 written (baseline)', cold: false, pass: readAll(' +0800', 'Asia/Shanghai') },
  { name: 'readDate, Asia/Shanghai, cold', cold: true, pass: readAll('', 'Asia/Shanghai') },
  { name: 'readDate, Asia/Shanghai, warm', cold: false, pass: readAll('', 'Asia/Shanghai') },
  { name: 'readDate, America/New_York, cold', cold: true, pass: readAll('', 'America/New_York') },
  { name: 'readDate, America/New_York, warm', cold: false, pass: readAll('', 'America/New_York') },
  { name: 'parsePost, +0800 written (baseline)', cold: false, pass: parseAll(offsetPosts, 'Asia/Shanghai') },
  { name: 'parsePost, Asia/Shanghai, cold', cold: true, pass: parseAll(posts, 'Asia/Shanghai') },
  { name: 'parsePost, Asia/Shanghai, warm', cold: false, pass: parseAll(posts, 'Asia/Shanghai') },
];

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** CPU microseconds per date: passes repeated for at least 150 ms of CPU time. */
function sample({ cold, pass }: Contender): number {
  let runs = 0;
  let elapsed = 0;
  const start = cpuMicros();
  do {
    if (cold) reset?.();
    pass();
    runs++;
    elapsed = cpuMicros() - start;
  } while (elapsed < 150_000);
  return elapsed / runs / COUNT;
}

const samples = new Map<string, number[]>(CONTENDERS.map(({ name }) => [name, []]));
for (const contender of CONTENDERS) sample(contender); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so no contender always runs first.
  for (let i = 0; i < CONTENDERS.length; i++) {
    const contender = CONTENDERS[(i + round) % CONTENDERS.length]!;
    samples.get(contender.name)!.push(sample(contender));
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
console.log(`node ${process.version}, ${COUNT} dates, CPU µs per date: median of ${ROUNDS} rounds (min-max)`);
console.log(reset === undefined ? '(this date module has no zone caches: cold = warm)\n' : '');
console.log('| contender | µs per date | spread | × baseline |');
console.log('| --- | ---: | ---: | ---: |');
for (const { name } of CONTENDERS) {
  const values = samples.get(name)!;
  const baseline = median(samples.get(name.startsWith('readDate') ? CONTENDERS[0]!.name : CONTENDERS[5]!.name)!);
  const spread = `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;
  console.log(`| ${name} | ${median(values).toFixed(2)} | ${spread} | ${(median(values) / baseline).toFixed(2)} |`);
}
