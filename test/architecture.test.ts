/**
 * Keeps docs/architecture.md true: each runtime dependency is imported by its
 * one stage, imports inside src/ point one way, and the core that runs
 * anywhere never reaches Node.js, the command or the archive reader.
 */

import { deepStrictEqual, ok } from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, it } from 'node:test';

const src = new URL('../src/', import.meta.url).pathname;
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.split('\\').join('/'))
  .sort();
const isBuiltin = (spec: string): boolean => spec.startsWith('node:') || spec === 'fs' || spec === 'path';
const importsOf = (file: string): string[] =>
  [...readFileSync(join(src, file), 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gms)].map((m) => m[1]!);

describe('architecture', () => {
  it('imports each runtime dependency from its one stage only', () => {
    const homes: Record<string, string[]> = { htmlparser2: [], yaml: [], 'date-fns-tz': [] };
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const name = spec.startsWith('date-fns-tz') ? 'date-fns-tz' : spec;
        homes[name]?.push(file);
      }
    }
    deepStrictEqual(homes, {
      htmlparser2: ['_lib/body/html-stream.ts'],
      yaml: ['_lib/front-matter.ts'],
      'date-fns-tz': ['_lib/date.ts'],
    });
  });

  it('keeps the runtime-neutral core (everything src/index.ts reaches) free of Node.js, the command and the archive reader', () => {
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const spec of importsOf(file)) if (spec.startsWith('.')) visit(posix.join(posix.dirname(file), spec).replace(/\.js$/, '.ts'));
    };
    visit('index.ts');
    ok(reached.has('parse-post.ts') && reached.has('dedupe.ts') && reached.has('_lib/body/walker.ts'), [...reached].join(' '));
    const leaks = [...reached].filter((file) => file.startsWith('cli/') || file.startsWith('archive/') || importsOf(file).some(isBuiltin));
    deepStrictEqual(leaks, []);
  });

  it('keeps Node.js built-ins in the command and the archive reader, which nothing else imports', () => {
    const builtins = files.filter((file) => importsOf(file).some(isBuiltin));
    deepStrictEqual(builtins.filter((file) => !file.startsWith('cli/') && !file.startsWith('archive/')), []);
    ok(builtins.includes('cli/main.ts') && builtins.includes('archive/read.ts'), builtins.join(' '));
    const importers = (folder: string): string[] =>
      files.filter((file) => !file.startsWith(folder) && importsOf(file).some((spec) => posix.join(posix.dirname(file), spec).startsWith(folder)));
    deepStrictEqual(importers('cli/'), []);
    deepStrictEqual(importers('archive/').filter((file) => !file.startsWith('cli/')), []);
    ok(importers('archive/').includes('cli/run.ts'), 'the command is built on the archive reader');
  });

  it('keeps _lib free of imports back up to the public modules', () => {
    const upward = files
      .filter((file) => file.startsWith('_lib/'))
      .flatMap((file) => importsOf(file).filter((spec) => /(?:^|\/)(?:index|parse-post|parse-body)\.js$/.test(spec)).map((spec) => `${file} → ${spec}`));
    deepStrictEqual(upward, []);
  });

  it('keeps the body stage independent of the other stages', () => {
    const crossing = files
      .filter((file) => file.startsWith('_lib/body/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /\/(?:front-matter|date|layout|input)\.js$/.test(spec))
          .map((spec) => `${file} → ${relative('.', spec)}`),
      );
    deepStrictEqual(crossing, []);
  });
});
