/**
 * `npm run bench:size`: what a serverless function pays before parsing.
 *
 * - Bundle: `esbuild --bundle --minify --format=esm --platform=neutral` of
 *   `export { parsePost } from 'emnews'`, gzipped, with the share of each
 *   package.
 * - Cold start: the median wall time of 20 fresh `node` processes importing
 *   emnews, beside 20 importing htmlparser2, yaml and date-fns-tz alone and
 *   20 importing nothing, interleaved.
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const result = await build({
  stdin: { contents: "export { parsePost } from 'emnews';", resolveDir: root, sourcefile: 'entry.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const code = result.outputFiles[0]!.contents;
const gzipped = gzipSync(code, { level: 9 }).length;
const shares = new Map<string, number>();
for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
  const name = path.includes('node_modules/') ? path.replace(/^.*node_modules\//, '').split('/')[0]! : 'emnews';
  shares.set(name, (shares.get(name) ?? 0) + input.bytesInOutput);
}
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`Bundle of \`export { parsePost } from 'emnews'\` (esbuild --bundle --minify --format=esm --platform=neutral):`);
console.log(`  ${kb(code.length)} minified, ${kb(gzipped)} gzipped (target: at most 60 KB gzipped)`);
for (const [name, bytes] of [...shares].sort((a, b) => b[1] - a[1])) console.log(`    ${name.padEnd(12)} ${kb(bytes)} minified`);

const RUNS = 20;
const programs = {
  emnews: "import('emnews')",
  'htmlparser2 + yaml + date-fns-tz': "Promise.all([import('htmlparser2'), import('yaml'), import('date-fns-tz')])",
  'node alone': '0',
};
const times = new Map<string, number[]>(Object.keys(programs).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, program] of Object.entries(programs)) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['-e', program], { cwd: root });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    times.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const emnews = median(times.get('emnews')!);
const deps = median(times.get('htmlparser2 + yaml + date-fns-tz')!);
const bare = median(times.get('node alone')!);
console.log(`\nCold start, median of ${RUNS} fresh processes each (wall time, node ${process.version}):`);
for (const [name, values] of times) console.log(`  ${name.padEnd(34)} ${median(values).toFixed(1)} ms`);
console.log(`  emnews / dependencies: ${(emnews / deps).toFixed(2)} (target: at most 1.3)`);
console.log(`  import cost beyond node itself: emnews ${(emnews - bare).toFixed(1)} ms, dependencies ${(deps - bare).toFixed(1)} ms`);
