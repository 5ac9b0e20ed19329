/**
 * Cold start and first-call latency, in fresh `node` processes (plain node,
 * no TypeScript loader, so module loading is what a user's program pays):
 *
 * - import: `import('emnews')` beside importing the same dependency entry
 *   points emnews imports (read from dist/ by dependencies.ts) and beside
 *   node alone; timed inside the process around the import, and as the
 *   whole process's wall time seen by the parent.
 * - first call: in a fresh process, the first `parsePost` after the import
 *   (what a serverless function pays on its first request), the second,
 *   and the warm median of 50 calls after 300.
 *
 * Every kind runs RUNS times, interleaved in a rotating order; figures are
 * medians with [min–max], and ratios are taken within a round.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DependencyImport } from './dependencies.ts';
import { ROOT } from './dependencies.ts';
import { GENERATED_FILE_NAME, generatedPost } from './posts.ts';
import { ratio, spread, summarize } from './stats.ts';

const RUNS = 20;

const timed = (body: string): string =>
  `const t0 = performance.now(); ${body}; process.stdout.write(JSON.stringify({ import: performance.now() - t0 }));`;

const FIRST_CALL = `
import { readFileSync } from 'node:fs';
const input = process.env.POST_FORM === 'bytes' ? new Uint8Array(readFileSync(process.env.POST_FILE)) : readFileSync(process.env.POST_FILE, 'utf8');
const options = { fileName: ${JSON.stringify(GENERATED_FILE_NAME)} };
const t0 = performance.now();
const { parsePost } = await import('emnews');
const t1 = performance.now();
parsePost(input, options);
const t2 = performance.now();
parsePost(input, options);
const t3 = performance.now();
for (let i = 0; i < 300; i++) parsePost(input, options);
const warm = [];
for (let i = 0; i < 50; i++) { const s = performance.now(); parsePost(input, options); warm.push(performance.now() - s); }
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ import: t1 - t0, first: t2 - t1, second: t3 - t2, warm: warm[25] }));
`;

interface Kind {
  name: string;
  program: string;
  env?: Record<string, string>;
}

function runAll(kinds: Kind[]): Map<string, { process: number[]; figures: Record<string, number>[] }> {
  const results = new Map(kinds.map((k) => [k.name, { process: [] as number[], figures: [] as Record<string, number>[] }]));
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + run) % kinds.length]!;
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', kind.program], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...kind.env },
      });
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (child.status !== 0) throw new Error(`${kind.name}: ${child.stderr}`);
      const result = results.get(kind.name)!;
      result.process.push(wall);
      result.figures.push(JSON.parse(child.stdout) as Record<string, number>);
    }
  }
  return results;
}

const ms = (v: number): string => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

export async function coldStart(imports: DependencyImport[]): Promise<void> {
  const deps = `the same ${imports.length} entry points`;
  const cold = runAll([
    { name: 'emnews', program: timed("await import('emnews')") },
    { name: deps, program: timed(`await Promise.all([${imports.map((i) => `import('${i.specifier}')`).join(', ')}])`) },
    { name: 'node alone', program: timed('0') },
  ]);
  console.log(`\nCold start: ${RUNS} fresh processes of each, interleaved; median [min–max] (node ${process.version})\n`);
  console.log(`${deps}: ${imports.map((i) => `\`${i.specifier}\``).join(', ')}\n`);
  console.log('| program | import, timed inside the process | whole process, wall time |');
  console.log('| --- | ---: | ---: |');
  for (const [name, r] of cold) console.log(`| ${name} | ${spread(summarize(r.figures.map((f) => f['import']!)), ms)} | ${spread(summarize(r.process), ms)} |`);
  const e = cold.get('emnews')!;
  const d = cold.get(deps)!;
  const perRun = (pick: (r: typeof e, i: number) => number): string => spread(summarize(e.process.map((_, i) => pick(e, i) / pick(d, i))), ratio);
  console.log(`\nemnews / ${deps}, within each round: import ${perRun((r, i) => r.figures[i]!['import']!)}, whole process ${perRun((r, i) => r.process[i]!)}`);

  const dir = mkdtempSync(join(tmpdir(), 'emnews-bench-'));
  try {
    const withOffset = generatedPost(3_000);
    const withoutOffset = withOffset.replace('date: 2022-05-23 17:03:48 +0800', 'date: 2022-05-23 17:03:48');
    writeFileSync(join(dir, 'offset.md'), withOffset);
    writeFileSync(join(dir, 'no-offset.md'), withoutOffset);
    const first = runAll([
      { name: 'string, date with +0800', program: FIRST_CALL, env: { POST_FILE: join(dir, 'offset.md'), POST_FORM: 'string' } },
      { name: 'string, date without offset (zone data from Intl)', program: FIRST_CALL, env: { POST_FILE: join(dir, 'no-offset.md'), POST_FORM: 'string' } },
      { name: 'bytes, date with +0800', program: FIRST_CALL, env: { POST_FILE: join(dir, 'offset.md'), POST_FORM: 'bytes' } },
    ]);
    console.log(`\nFirst call after import, a generated ${(Buffer.byteLength(withOffset) / 1000).toFixed(1)} KB post: ${RUNS} fresh processes of each, median [min–max]\n`);
    console.log('| input | import | first parsePost | second | warm (median of 50, after 300) | first / warm |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, r] of first) {
      const s = (key: string): string => spread(summarize(r.figures.map((f) => f[key]!)), ms);
      const slow = spread(summarize(r.figures.map((f) => f['first']! / f['warm']!)), ratio);
      console.log(`| ${name} | ${s('import')} | ${s('first')} | ${s('second')} | ${s('warm')} | ${slow} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
