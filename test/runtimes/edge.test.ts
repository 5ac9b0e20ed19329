/**
 * The worker example in Vercel's Edge runtime (@edge-runtime/vm), which has
 * no Node.js built-ins and refuses `eval` and `new Function`.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NAME, bytes, expected, here } from './fixture.ts';

describe("Vercel's Edge runtime (@edge-runtime/vm)", () => {
  it('the worker answers a POSTed post as Node.js parses it, with no Node.js globals and code generation refused', () => {
    // In a child process: see edge.ts.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'edge.ts', NAME], { cwd: here, input: bytes, encoding: 'utf8' });
    strictEqual(result.status, 0, result.stderr);
    strictEqual(result.stdout.slice(0, 4), '200 ');
    deepStrictEqual(JSON.parse(result.stdout.slice(4)), expected);
  });
});
