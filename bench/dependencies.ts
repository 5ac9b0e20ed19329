/**
 * The modules emnews imports from its dependencies, read from the built
 * library (`dist/`, without the command line tool), so the benchmarks
 * compare emnews against exactly these entry points and names.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT: string = fileURLToPath(new URL('..', import.meta.url));

export interface DependencyImport {
  /** The specifier, e.g. `date-fns-tz/getTimezoneOffset`. */
  specifier: string;
  /** The package it belongs to, e.g. `date-fns-tz`. */
  pkg: string;
  names: string[];
}

// `import { a, b } from 'pkg/entry';` at the start of a line (TSDoc examples are indented).
const IMPORT = /^import \{([^}]*)\} from '([^'./][^']*)';$/gm;

export function dependencyImports(): DependencyImport[] {
  const dist = join(ROOT, 'dist');
  const found = new Map<string, Set<string>>();
  for (const file of readdirSync(dist, { recursive: true }) as string[]) {
    if (!file.endsWith('.js') || file === 'cli.js') continue;
    for (const match of readFileSync(join(dist, file), 'utf8').matchAll(IMPORT)) {
      const specifier = match[2]!;
      if (specifier.startsWith('node:')) throw new Error(`dist/${file} imports ${specifier}`);
      const names = found.get(specifier) ?? new Set();
      for (const name of match[1]!.split(',')) names.add(name.trim());
      found.set(specifier, names);
    }
  }
  if (found.size === 0) throw new Error('no dependency imports found in dist/: run npm run build');
  return [...found]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([specifier, names]) => ({ specifier, pkg: specifier.split('/')[0]!, names: [...names].sort() }));
}
