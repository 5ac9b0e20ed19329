/**
 * The JSON Schema shipped as `emnews/schema.json` describes what parsePost
 * returns: checked with ajv in a child process (see test/schema-check.ts).
 */

import { spawnSync } from 'node:child_process';
import { match, strictEqual } from 'node:assert/strict';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

it('every output of the examples and of 2,000 generated posts matches emnews/schema.json', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/schema-check.ts'], { cwd: root, encoding: 'utf8' });
  strictEqual(result.status, 0, result.stderr);
  match(result.stdout, /^\d{3,} outputs match emnews\/schema\.json\n$/);
});
