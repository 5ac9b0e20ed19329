/**
 * The built package in the runtimes serverless users deploy to. Each gets
 * the same corpus-style post and must answer exactly what Node.js answers.
 * workerd (Cloudflare's runtime, through miniflare) and Vercel's Edge
 * runtime (@edge-runtime/vm) have no Node.js built-ins and refuse `eval`
 * and `new Function`, so any use of them would fail here. Deno and Bun
 * import the package by its name, through package.json "exports".
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { parsePost } from 'emnews';

const root = fileURLToPath(new URL('..', import.meta.url));
const NAME = '2022-05-23-202205230000000003.md';
const bytes = readFileSync(join(root, 'examples/posts', NAME));
const expected: unknown = JSON.parse(JSON.stringify(parsePost(bytes, { fileName: NAME })));

describe('workerd (Cloudflare Workers, through miniflare)', () => {
  let mf: Miniflare;
  before(async () => {
    // What `wrangler deploy examples/cloudflare-worker.ts` does: bundle, then run in workerd.
    const bundle = await build({
      entryPoints: [join(root, 'examples/cloudflare-worker.ts')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'warning',
    });
    mf = new Miniflare({ modules: true, script: bundle.outputFiles[0]!.text, compatibilityDate: '2026-04-01' });
    await mf.ready;
  });
  after(() => mf?.dispose());

  it('answers a POSTed post with the JSON Node.js gives', async () => {
    const response = await mf.dispatchFetch(`http://localhost/?fileName=${NAME}`, { method: 'POST', body: bytes });
    strictEqual(response.status, 200);
    strictEqual(response.headers.get('content-type'), 'application/json');
    deepStrictEqual(await response.json(), expected);
  });

  it('answers 400 with the code for bytes that are not UTF-8, 405 for GET', async () => {
    const bad = await mf.dispatchFetch('http://localhost/', { method: 'POST', body: new Uint8Array([0x2d, 0xff]) });
    strictEqual(bad.status, 400);
    strictEqual(((await bad.json()) as { error: { code: string } }).error.code, 'invalid-utf8');
    const get = await mf.dispatchFetch('http://localhost/');
    strictEqual(get.status, 405);
    await get.arrayBuffer();
  });
});

describe("Vercel's Edge runtime (@edge-runtime/vm)", () => {
  it('the worker answers a POSTed post as Node.js parses it, with no Node.js globals and code generation refused', () => {
    // In a child process: see test/runtimes/edge.ts.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/runtimes/edge.ts', NAME], { cwd: root, input: bytes, encoding: 'utf8' });
    strictEqual(result.status, 0, result.stderr);
    strictEqual(result.stdout.slice(0, 4), '200 ');
    deepStrictEqual(JSON.parse(result.stdout.slice(4)), expected);
  });
});

/**
 * Bun's own package finds its binary in an install script, which npm 11 does
 * not run here (package.json allowScripts); the binary itself comes in a
 * platform package, @oven/bun-<os>-<arch>, so run that. (Where the script
 * did run, it moved the binary into the bun package.)
 */
function bunBinary(): string {
  const dir = join(root, 'node_modules/@oven');
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;
  const platform = existsSync(dir) ? readdirSync(dir).find((name) => name.startsWith(`bun-${process.platform}-${arch}`)) : undefined;
  const candidates = [...(platform === undefined ? [] : [join(dir, platform, 'bin/bun')]), join(root, 'node_modules/bun/bin/bun.exe')];
  const found = candidates.find((path) => existsSync(path) && statSync(path).size > 1_000_000);
  if (found === undefined) throw new Error(`no Bun binary in ${candidates.join(' or ')}`);
  return found;
}

for (const [runtime, command] of [
  ['Deno', () => [join(root, 'node_modules/.bin/deno'), 'run', '--quiet', '--no-lock', '--no-prompt', 'test/runtimes/smoke.mjs']],
  ['Bun', () => [bunBinary(), 'test/runtimes/smoke.mjs']],
] as const) {
  describe(runtime, () => {
    it('imports the package by name and parses the post as Node.js does', () => {
      const [binary, ...args] = command();
      const result = spawnSync(binary!, args, { cwd: root, input: bytes, encoding: 'utf8' });
      strictEqual(result.status, 0, result.stderr);
      deepStrictEqual(JSON.parse(result.stdout), expected);
    });
  });
}
