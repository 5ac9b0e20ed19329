/**
 * The modules emnews's library imports from its dependencies, read from
 * the built package: every file reachable from `dist/index.js` through
 * relative imports (so the command line tool and `emnews/archive`, which
 * use Node built-ins, are not counted). The benchmarks compare emnews
 * against exactly these entry points and names.
 */

import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT: string = fileURLToPath(new URL('..', import.meta.url));

export interface DependencyImport {
  /** The specifier, e.g. `htmlparser2`. */
  specifier: string;
  /** The package it belongs to (`@scope/name` or `name`). */
  pkg: string;
  names: string[];
}

// `import { a, b } from 'x';`, `export { c } from './y.js';`, `import 'z';`, possibly over several lines.
const STATEMENT = /^(?:import|export)\s+(?:([^'";]*?)\s*from\s*)?'([^']+)';/gm;

export function dependencyImports(): DependencyImport[] {
  const entry = join(ROOT, 'dist', 'index.js');
  const found = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${relative(ROOT, file)} is missing: run npm run build`);
    }
    for (const match of source.matchAll(STATEMENT)) {
      const [, clause = '', specifier = ''] = match;
      if (specifier.startsWith('.')) {
        queue.push(join(dirname(file), specifier));
        continue;
      }
      if (specifier.startsWith('node:')) throw new Error(`${relative(ROOT, file)}, reachable from dist/index.js, imports ${specifier}`);
      const names = found.get(specifier) ?? new Set<string>();
      const braces = /\{([^}]*)\}/.exec(clause);
      if (braces) for (const name of braces[1]!.split(',')) if (name.trim() !== '') names.add(name.trim().split(/\s+as\s+/)[0]!);
      if (clause !== '' && !braces) names.add('*');
      found.set(specifier, names);
    }
  }
  return [...found]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([specifier, names]) => ({
      specifier,
      pkg: specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!,
      names: [...names].sort(),
    }));
}

/** An ES module that re-exports what emnews imports from these dependencies (`export * from` for namespace imports). */
export function reexport(imports: readonly DependencyImport[]): string {
  return imports
    .map((i) => {
      const named = i.names.filter((n) => n !== '*');
      const lines = i.names.includes('*') ? [`export * from '${i.specifier}';`] : [];
      if (named.length > 0) lines.push(`export { ${named.join(', ')} } from '${i.specifier}';`);
      return lines.length > 0 ? lines.join('\n') : `import '${i.specifier}';`;
    })
    .join('\n');
}
