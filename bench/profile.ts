/**
 * `npm run bench:profile -- <corpus|1KB|10KB|100KB|1MB|10MB> [--seconds N] [--string] [--out file.cpuprofile]`:
 * where emnews spends its time. Runs `parsePost` over the input (bytes, as
 * the `emnews` command reads them, or strings with `--string`) for a while
 * after a warm-up, under V8's sampling profiler (the one `node --cpu-prof`
 * uses), then prints the functions with the most self time and the share of
 * each file. `--out` also writes the profile for Chrome DevTools.
 */

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { parsePost } from 'emnews';
import { inputSets } from './inputs.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const which = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? 'corpus';
const seconds = Number(option('--seconds') ?? 5);
const set = inputSets(true).find((s) => s.key.replace(' ', '') === which.replace(' ', ''));
if (set === undefined) throw new Error(`no input ${JSON.stringify(which)} (corpus needs ../shared/corpus)`);
const posts = argv.includes('--string') ? set.strings : set.bytes;

let sink: unknown;
const pass = (): void => {
  for (let i = 0; i < posts.length; i++) sink = parsePost(posts[i]!, { fileName: set.fileNames[i]! });
};
for (const end = Date.now() + 1000; Date.now() < end; ) pass();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
let passes = 0;
for (const end = Date.now() + seconds * 1000; Date.now() < end; passes++) pass();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (sink === undefined) throw new Error('nothing ran');
if (option('--out') !== undefined) writeFileSync(option('--out')!, JSON.stringify(profile));

/** Self time in µs per node id: each sample is charged the time until the next one. */
function selfTimes(p: Profiler.Profile): Map<number, number> {
  const times = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) times.set(samples[i]!, (times.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
  return times;
}

const short = (url: string): string =>
  url === '' ? '(native)' : url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'emnews/dist/').replace(/^node:/, 'node:');
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
for (const [id, us] of selfTimes(profile)) {
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
  const file = short(url);
  const fn = `${functionName || '(anonymous)'}  ${file}${url === '' ? '' : `:${lineNumber + 1}`}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const group = functionName === '(garbage collector)' ? functionName : file.startsWith('emnews/') ? file : file.split('/')[0]!;
  byFile.set(group, (byFile.get(group) ?? 0) + us);
  total += us;
}

const perPass = total / passes;
console.log(`parsePost on ${which} (${posts.length} post${posts.length > 1 ? 's' : ''}, ${typeof posts[0] === 'string' ? 'strings' : 'bytes'}): ${passes} passes in ${seconds} s, ${(perPass / posts.length).toFixed(1)} µs per post sampled\n`);
const top = (map: Map<string, number>, n: number, title: string): void => {
  console.log(`| ${title} | self % | µs per post |\n| --- | ---: | ---: |`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`| ${name.replaceAll('|', '\\|')} | ${((100 * us) / total).toFixed(1)} | ${(us / passes / posts.length).toFixed(2)} |`);
  }
  console.log('');
};
top(byFile, 15, 'file or package');
top(byFunction, 30, 'function');
