/**
 * Run by test/runtimes.test.ts in a child process: @edge-runtime/vm builds
 * its web primitives with code generation, which the test suite's
 * `--disallow-code-generation-from-strings` forbids in the parent. Inside
 * the EdgeVM code generation is refused again, and checked.
 *
 * Reads a post on standard input; prints the JSON of parsePost in the VM.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = await build({
  stdin: { contents: "export { parsePost } from 'emnews';", resolveDir: root },
  bundle: true,
  format: 'iife',
  globalName: 'emnews',
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
const fileName = process.argv[2] ?? '';
process.stdout.write(vm.evaluate(`JSON.stringify(emnews.parsePost(${JSON.stringify(post)}, { fileName: ${JSON.stringify(fileName)} }))`) as string);
