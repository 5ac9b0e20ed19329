/**
 * Run by edge.test.ts in a child process: @edge-runtime/vm builds
 * its web primitives with code generation, which the test suite's
 * `--disallow-code-generation-from-strings` forbids in the parent. Inside
 * the EdgeVM code generation is refused again, and checked.
 *
 * Loads examples/cloudflare-worker.ts (a fetch handler, as Vercel Edge
 * Functions are) into the VM, POSTs the post read on standard input to it
 * as a web `Request`, and prints the response status and body.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = await build({
  entryPoints: [`${root}/examples/cloudflare-worker.ts`],
  bundle: true,
  format: 'iife',
  globalName: 'worker',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const vm = new EdgeVM();
let refused = false;
try {
  vm.evaluate('new Function("return 1")');
} catch (error) {
  refused = /Code generation from strings disallowed/.test(String(error));
}
if (!refused) throw new Error('the EdgeVM allowed new Function');
if (vm.evaluate('typeof process + typeof require') !== 'undefinedundefined') throw new Error('the EdgeVM has Node.js globals');
vm.evaluate(bundle.outputFiles[0]!.text);
const post = readFileSync(0, 'utf8');
const url = `https://edge.example/?fileName=${encodeURIComponent(process.argv[2] ?? '')}`;
const answer = (await vm.evaluate(`
  worker.default
    .fetch(new Request(${JSON.stringify(url)}, { method: 'POST', body: ${JSON.stringify(post)} }))
    .then(async (response) => response.status + ' ' + (await response.text()))
`)) as string;
process.stdout.write(answer);
