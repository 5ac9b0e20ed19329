/**
 * `npm run bench:size`: what a serverless function pays before parsing.
 *
 * - Bundle: `esbuild --bundle --minify --format=esm --platform=neutral` of
 *   `export { parsePost } from 'emnews'`, gzipped, with the share of each
 *   package, and each dependency bundled alone as emnews imports it.
 * - Cold start and the first call: bench/cold-start.ts.
 */

import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { coldStart } from './cold-start.ts';
import { dependencyImports, reexport, ROOT } from './dependencies.ts';

const TARGET_KB = 65;

async function bundle(contents: string): Promise<{ minified: number; gzipped: number; shares: Map<string, number> }> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.contents;
  const shares = new Map<string, number>();
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const name = path.includes('node_modules/') ? path.replace(/^.*node_modules\//, '').split('/')[0]! : 'emnews';
    shares.set(name, (shares.get(name) ?? 0) + input.bytesInOutput);
  }
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, shares };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const imports = dependencyImports();
const whole = await bundle("export { parsePost } from 'emnews';");
const deps = await bundle(reexport(imports));

console.log("Bundle of `export { parsePost } from 'emnews'` (esbuild --bundle --minify --format=esm --platform=neutral, gzip -9):\n");
console.log(`  ${kb(whole.minified)} minified, ${kb(whole.gzipped)} gzipped: target at most ${TARGET_KB} KB gzipped, ${whole.gzipped <= TARGET_KB * 1024 ? 'met' : 'NOT MET'}\n`);
console.log('| package | minified, in the bundle | bundled alone as emnews imports it, gzipped | what emnews imports |');
console.log('| --- | ---: | ---: | --- |');
for (const [name, bytes] of [...whole.shares].sort((a, b) => b[1] - a[1])) {
  const own = imports.filter((i) => i.pkg === name);
  const alone = own.length > 0 ? (await bundle(reexport(own))).gzipped : 0;
  const what = own.map((i) => `\`${i.names.join(', ')}\` from \`${i.specifier}\``).join('; ') || (name === 'emnews' ? 'its own code' : 'a dependency of a dependency');
  console.log(`| ${name} | ${kb(bytes)} | ${alone > 0 ? kb(alone) : name === 'emnews' ? `${kb(whole.gzipped - deps.gzipped)} (the bundle minus all dependencies)` : '(in its importer’s figure)'} | ${what} |`);
}
console.log(`| all dependencies together | ${kb(deps.minified)} | ${kb(deps.gzipped)} | |`);

await coldStart(imports);
