/**
 * The generated API reference: every export has an @example, and the guides
 * are part of it. (TypeDoc's own validation, run by `npm run docs` with
 * warnings as errors, checks that every export, option and field has a
 * description.) TypeDoc runs in a child process, writing to a temp folder.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

interface Reflection {
  name: string;
  comment?: { blockTags?: { tag: string }[] };
  signatures?: Reflection[];
  children?: Reflection[];
  documents?: Reflection[];
}

it('documents every export with an @example, and links the guides', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'emnews-typedoc-'));
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typedoc/bin/typedoc'), '--tsconfig', 'tsconfig.build.json', '--json', join(out, 'api.json'), '--out', join(out, 'html')],
    { cwd: root, encoding: 'utf8' },
  );
  strictEqual(result.status, 0, result.stdout + result.stderr);
  const project = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as Reflection;
  // One entry point, merged into the project (no module named "index").
  const exports = project.children!;
  const hasExample = (r: Reflection): boolean =>
    [r, ...(r.signatures ?? [])].some((part) => part.comment?.blockTags?.some((tag) => tag.tag === '@example') ?? false);
  deepStrictEqual(exports.filter((r) => !hasExample(r)).map((r) => r.name), []);
  strictEqual(exports.length, 43);
  deepStrictEqual(
    (project.documents ?? []).map((d) => d.name).sort(),
    ['Architecture', 'Errors and warnings', 'Recipes: from posts to tables', 'Security', 'The command and the archive reader', 'The output', 'The post format'],
  );
});
