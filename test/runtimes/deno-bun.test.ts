/**
 * Deno and Bun import the package by its name, through package.json
 * "exports" (from this package's node_modules, where `emnews` links to the
 * repository), and must parse the post exactly as Node.js does.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bytes, expected, here } from './fixture.ts';

/**
 * Bun's own package finds its binary in an install script, which npm 11 does
 * not run here (package.json allowScripts); the binary itself comes in a
 * platform package, @oven/bun-<os>-<arch>, so run that. (Where the script
 * did run, it moved the binary into the bun package.)
 */
function bunBinary(): string {
  const dir = join(here, 'node_modules/@oven');
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;
  const platform = existsSync(dir) ? readdirSync(dir).find((name) => name.startsWith(`bun-${process.platform}-${arch}`)) : undefined;
  const candidates = [...(platform === undefined ? [] : [join(dir, platform, 'bin/bun')]), join(here, 'node_modules/bun/bin/bun.exe')];
  const found = candidates.find((path) => existsSync(path) && statSync(path).size > 1_000_000);
  if (found === undefined) throw new Error(`no Bun binary in ${candidates.join(' or ')}`);
  return found;
}

for (const [runtime, command] of [
  ['Deno', () => [join(here, 'node_modules/.bin/deno'), 'run', '--quiet', '--no-lock', '--no-prompt', 'smoke.mjs']],
  ['Bun', () => [bunBinary(), 'smoke.mjs']],
] as const) {
  describe(runtime, () => {
    it('imports the package by name and parses the post as Node.js does', () => {
      const [binary, ...args] = command();
      const result = spawnSync(binary!, args, { cwd: here, input: bytes, encoding: 'utf8' });
      strictEqual(result.status, 0, result.stderr);
      deepStrictEqual(JSON.parse(result.stdout), expected);
    });
  });
}
