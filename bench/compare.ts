/**
 * `npm run bench`: emnews beside two floors and four alternatives, on the
 * real corpus (when `../shared/corpus` is there) and on invented posts of
 * 1 KB to 1 MB (and 0 KB and 10 MB for time against size), each as a string
 * and as bytes. Every contender runs in its own fresh process
 * (bench/worker.ts), once per run, the order rotating from run to run;
 * every figure printed is the median over the runs with the lowest and
 * highest beside it, and every ratio is taken within a run, then summarized
 * the same way. Then the peak heap of a 10 MB parse, and the targets.
 *
 * Options: `--quick` (3 runs, shorter samples), `--runs N` (at least 3),
 * `--cpu` (tables by process CPU time instead of the wall clock),
 * `--json FILE` (also save every sample), `--from FILE` (print a saved
 * measurement again, e.g. with `--cpu`, without measuring).
 */

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CONTENDERS } from './contenders/index.ts';
import { density, formatDensity } from './density.ts';
import { heapRun, type HeapRun } from './heap.ts';
import { FORMS, inputSets } from './inputs.ts';
import { printReport } from './report.ts';
import type { Figures } from './results.ts';
import { median } from './stats.ts';
import type { WorkerResult } from './worker.ts';

interface Measurement {
  node: string;
  cpu: string;
  quick: boolean;
  runs: (WorkerResult & { run: number })[];
  heap: Record<'string' | 'bytes', HeapRun[]>;
  loads: number[];
  seconds: number;
}

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const clock = argv.includes('--cpu') ? 'cpu' : 'wall';

function measure(): Measurement {
  const quick = argv.includes('--quick');
  const runs = Math.max(3, Number(option('--runs') ?? (quick ? 3 : 5)));
  const worker = fileURLToPath(new URL('worker.ts', import.meta.url));
  const started = Date.now();
  const m: Measurement = { node: process.version, cpu: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`, quick, runs: [], heap: { string: [], bytes: [] }, loads: [loadavg()[0]!], seconds: 0 };
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < CONTENDERS.length; i++) {
      const contender = CONTENDERS[(i + run) % CONTENDERS.length]!;
      if (run >= contender.runs) continue;
      process.stderr.write(`run ${run + 1}/${runs}: ${contender.name}…\n`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', worker, contender.name, ...(quick ? ['--quick'] : [])], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`${contender.name} failed:\n${child.stderr}`);
      m.runs.push({ ...(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as WorkerResult), run });
    }
    m.loads.push(loadavg()[0]!);
  }
  process.stderr.write('peak heap…\n');
  for (let run = 0; run < 3; run++) for (const form of FORMS) m.heap[form].push(heapRun(form));
  m.loads.push(loadavg()[0]!);
  m.seconds = (Date.now() - started) / 1000;
  return m;
}

const from = option('--from');
const m: Measurement = from === undefined ? measure() : (JSON.parse(readFileSync(from, 'utf8')) as Measurement);
if (option('--json') !== undefined) writeFileSync(option('--json')!, JSON.stringify(m));

const figures: Figures = new Map(CONTENDERS.map((c) => [c.name, new Map()]));
const notices: string[] = [];
for (const result of m.runs) {
  const byKey = figures.get(result.contender)!;
  let wall = 0;
  let cpu = 0;
  for (const [key, samples] of Object.entries(result[clock])) {
    byKey.set(key, [...(byKey.get(key) ?? []), median(samples)]);
    wall += result.wall[key]!.reduce((a, b) => a + b, 0);
    cpu += result.cpu[key]!.reduce((a, b) => a + b, 0);
  }
  // A process that got less than 90 % of a core was waiting for one: its wall-clock figures are inflated.
  if (cpu / wall < 0.9) {
    notices.push(`run ${result.run + 1}, ${result.contender}: the process had ${((100 * cpu) / wall).toFixed(0)} % of a core (machine busy); its wall-clock figures are inflated.`);
  }
}

const runCount = Math.max(...m.runs.map((r) => r.run)) + 1;
console.log(
  `emnews benchmark: node ${m.node}, ${m.cpu}, ${runCount} runs (jsdom + Readability: ${Math.min(runCount, CONTENDERS.find((c) => c.name === 'jsdom + Readability')!.runs)}), ` +
    `each contender in its own process per run, ${clock === 'wall' ? 'wall-clock' : 'process CPU'} time${m.quick ? ', --quick' : ''}`,
);
console.log(`1-minute load average at the start, after each run, after the heap runs: ${m.loads.map((l) => l.toFixed(2)).join(', ')}; ${m.seconds.toFixed(0)} s in all`);
const sets = inputSets(true);
for (const set of sets.filter((s) => s.key === 'corpus' || s.key === '1 MB')) {
  console.log(`Markup density, ${set.key === 'corpus' ? 'corpus' : 'generated posts (1 MB)'}: ${formatDensity(density(set.strings))}`);
}
console.log('');
printReport({ figures, sets, heap: m.heap, notices });
