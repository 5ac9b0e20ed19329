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
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    // Time zones come from Intl, not date-fns-tz, which cannot resolve a wall-clock time exactly (docs/architecture.md).
    deepStrictEqual(Object.keys(manifest.dependencies).sort(), ['htmlparser2', 'yaml']);
    const homes: Record<string, string[]> = { htmlparser2: [], yaml: [] };
    for (const file of files) {
      for (const spec of importsOf(file)) {
        const name = /^[@a-z]/.test(spec) && !spec.startsWith('node:') ? spec.split('/')[0]! : null;
        if (name !== null) (homes[name] ??= []).push(file);
      }
    }
    deepStrictEqual(homes, {
      htmlparser2: ['_lib/body/html-stream.ts'],
      yaml: ['_lib/front-matter.ts'],
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
      .flatMap((file) => importsOf(file).filter((spec) => /(?:^|\/)(?:index|parse-post|parse-body|parse-article|parse-news-list)\.js$/.test(spec)).map((spec) => `${file} → ${spec}`));
    deepStrictEqual(upward, []);
  });

  it('keeps the body stage independent of the other stages', () => {
    const crossing = files
      .filter((file) => file.startsWith('_lib/body/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /\/(?:front-matter|date|layout|input)\.js$|\/(?:page|list)\//.test(spec))
          .map((spec) => `${file} → ${relative('.', spec)}`),
      );
    deepStrictEqual(crossing, []);
  });

  it('keeps the page and list stages beside the post layout: each uses the body and date stages, never the other or the layout', () => {
    const crossing = files
      .filter((file) => file.startsWith('_lib/page/') || file.startsWith('_lib/list/'))
      .flatMap((file) => {
        const other = file.startsWith('_lib/page/') ? 'list' : 'page';
        return importsOf(file)
          .filter((spec) => new RegExp(`/${other}/|/(?:front-matter|layout|flat-yaml)\\.js$`).test(spec))
          .map((spec) => `${file} → ${spec}`);
      });
    deepStrictEqual(crossing, []);
    // One body walker and one date reader: the new stages hand their work to them.
    const walkers = files.filter((file) => /class \w+ implements HtmlHandler/.test(readFileSync(join(src, file), 'utf8')));
    deepStrictEqual(walkers, ['_lib/body/html-text.ts', '_lib/body/walker.ts', '_lib/page/scan.ts']);
    // Zone data is read in one file, and dates are built in one: the readers call readDate.
    const zoneReaders = files.filter((file) => /\bIntl\.DateTimeFormat\b/.test(readFileSync(join(src, file), 'utf8')));
    deepStrictEqual(zoneReaders, ['_lib/time-zone.ts']);
    const dateBuilders = files.filter((file) => /\bnew Date\(|\bDate\.UTC\(/.test(readFileSync(join(src, file), 'utf8')));
    deepStrictEqual(dateBuilders, ['_lib/date.ts']);
  });
});
