/**
 * The generated API reference: every entry point of the package is in it
 * (the main one at the top, each other one as a module named by its import
 * path), with exactly the names its source exports, each with an @example,
 * and the guides are part of it. (TypeDoc's own validation, run by
 * `npm run docs` with warnings as errors, checks that every export, option
 * and field has a description.) TypeDoc runs in a child process, writing to
 * a temp folder.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

interface Reflection {
  name: string;
  kind: number;
  comment?: { blockTags?: { tag: string }[] };
  signatures?: Reflection[];
  children?: Reflection[];
  documents?: Reflection[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const MODULE = 2; // ReflectionKind.Module

/** The package's entry points with types: import path → source file (`emnews/archive` → `src/archive/index.ts`). */
function entryPoints(): Map<string, string> {
  const { name, exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | { types?: string }> };
  const found = new Map<string, string>();
  for (const [subpath, target] of Object.entries(exports)) {
    if (typeof target !== 'object' || target.types === undefined) continue;
    found.set(subpath === '.' ? name : `${name}${subpath.slice(1)}`, target.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'));
  }
  return found;
}

/** What each source file exports, by name, as TypeScript sees it. */
function exportedNames(files: readonly string[]): string[][] {
  const program = ts.createProgram(files.map((file) => join(root, file)), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
  const checker = program.getTypeChecker();
  return files.map((file) => {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(join(root, file))!)!;
    return checker.getExportsOfModule(symbol).map((s) => s.name).sort();
  });
}

it('documents every export of every entry point with an @example, and links the guides', () => {
  const out = mkdtempSync(join(tmpdir(), 'emnews-typedoc-'));
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typedoc/bin/typedoc'), '--tsconfig', 'tsconfig.build.json', '--json', join(out, 'api.json'), '--out', join(out, 'html')],
    { cwd: root, encoding: 'utf8' },
  );
  strictEqual(result.status, 0, result.stdout + result.stderr);
  const project = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as Reflection;
  const hasExample = (r: Reflection): boolean =>
    [r, ...(r.signatures ?? [])].some((part) => part.comment?.blockTags?.some((tag) => tag.tag === '@example') ?? false);

  // The main entry merged into the project (no module named "index"); every other entry point a module named by its import path.
  const entries = entryPoints();
  deepStrictEqual([...entries.keys()], ['emnews', 'emnews/archive']);
  const modules = project.children!.filter((r) => r.kind === MODULE);
  deepStrictEqual(modules.map((m) => m.name).sort(), [...entries.keys()].slice(1).sort());
  const documented = [project, ...modules];
  const expected = exportedNames([...entries.values()]);
  documented.forEach((container, i) => {
    const names = (container.children ?? []).filter((r) => r.kind !== MODULE).map((r) => r.name).sort();
    deepStrictEqual(names, expected[i], `${[...entries.keys()][i]}: the documented names are not those its source exports`);
    deepStrictEqual(container.children!.filter((r) => !hasExample(r)).map((r) => `${container.name}: ${r.name}`), []);
  });
  ok(expected[0]!.length >= 40 && expected[0]!.includes('parsePost'), expected[0]!.join(' '));
  ok(expected[1]!.includes('readArchive') && expected[1]!.includes('ArchiveOptions'), expected[1]!.join(' '));
  deepStrictEqual(
    (project.documents ?? []).map((d) => d.name).sort(),
    ['Architecture', 'Errors and warnings', 'Recipes: from posts to tables', 'Security', 'The command and the archive reader', 'The output', 'The post format'],
  );
});
