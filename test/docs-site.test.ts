/**
 * Static checks of what readers of the docs and of the shipped package see
 * (the rendered site is checked in a browser by `npm run test:docs`):
 *
 * - every TSDoc `@example` compiles as its own module against the package, so
 *   it uses only names it defines or imports (the example of an export may
 *   name that export without importing it) and only fields that exist;
 * - no shipped `.js`/`.d.ts` names a file that is not in the tarball
 *   (comments travel into `dist/`, and readers meet them in their editor),
 *   and the guides shipped for those comments (`docs/errors.md` and the
 *   guides it leads to) link only to each other.
 */

import { execFileSync } from 'node:child_process';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Example {
  /** Where it is written, `src/types.ts:380`. */
  where: string;
  /** The exported declaration it documents. */
  owner: string;
  ownerIsType: boolean;
  code: string;
}

/** Every fenced code block of every `@example` tag under src/. */
function examples(): Example[] {
  const found: Example[] = [];
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const path = join(root, 'src', file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, owner: ts.Node | undefined): void => {
      const top = owner ?? (ts.isSourceFile(node.parent) ? node : undefined);
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'example') continue;
        const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
        for (const block of text.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)) {
          const name = top && 'name' in top && top.name ? (top.name as ts.Identifier).text : '';
          found.push({
            where: `src/${file}:${source.getLineAndCharacterOfPosition(tag.getStart()).line + 1}`,
            owner: name,
            ownerIsType: top !== undefined && (ts.isInterfaceDeclaration(top) || ts.isTypeAliasDeclaration(top)),
            code: block[1]!,
          });
        }
      }
      ts.forEachChild(node, (child) => visit(child, top));
    };
    ts.forEachChild(source, (child) => visit(child, undefined));
  }
  return found;
}

/** Type-checks each example as a module of its own; returns `where: message` per problem. */
function exampleProblems(list: Example[]): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config as object;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  // As users compile: `strict`, without the stricter flags this repository adds.
  Object.assign(options, {
    noEmit: true,
    noUncheckedIndexedAccess: false,
    exactOptionalPropertyTypes: false,
    noUnusedLocals: false,
    noUnusedParameters: false,
    isolatedDeclarations: false,
    declaration: false,
    paths: { emnews: ['./src/index.ts'] },
  } satisfies ts.CompilerOptions);
  const files = new Map<string, Example>();
  list.forEach((example, i) => {
    const imports = new RegExp(`\\bimport\\b[^;]*\\b${example.owner}\\b[^;]*from`).test(example.code);
    const implicit = example.owner && !imports ? `import ${example.ownerIsType ? 'type ' : ''}{ ${example.owner} } from 'emnews';\n` : '';
    // `export {}` keeps each example's names to itself.
    files.set(join(root, `test/__example_${i}.ts`), { ...example, code: `${implicit}${example.code}\nexport {};\n` });
  });
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).flatMap((d) => {
    const example = d.file ? files.get(d.file.fileName) : undefined;
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    return example ? [`${example.where} (${example.owner}): ${message}`] : d.file ? [] : [message];
  });
}

/** Relative Markdown links of a shipped guide that do not resolve to a file of the tarball. */
export function danglingLinks(file: string, text: string, shipped: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^(?:[a-z][a-z0-9+.-]*:|#|\/)/i.test(target!)) continue;
    const path = posix.normalize(posix.join(posix.dirname(file), target!.replace(/#.*$/, '')));
    if (!shipped.has(path)) found.push(`${file}: ${target}`);
  }
  return found;
}

/** Path-like references in a shipped file that do not resolve to a file of the tarball. */
export function danglingReferences(file: string, text: string, shipped: ReadonlySet<string>, topLevel: readonly string[]): string[] {
  // URLs name other sites, not files of the package.
  const plain = text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"`)<>\]]*|(?<![\w:/])\/\/[\w-]+(?:\.[\w-]+)+[^\s'"`)<>\]]*/gi, ' ');
  const found: string[] = [];
  const check = (reference: string, base: string): void => {
    const path = posix.normalize(posix.join(base, reference.replace(/#.*$/, '')));
    if (!shipped.has(path)) found.push(`${file}: ${reference}`);
  };
  // ./x.js, ../docs/errors.md: relative to the file (a relative `.html` is a web address, as in `../a.html`).
  for (const [reference] of plain.matchAll(/(?<![\w./-])\.{1,2}\/[\w./-]*[\w-]\.(?:[cm]?js|ts|json|md|txt)(?:#[\w-]*)?(?![\w/])/g)) check(reference, posix.dirname(file));
  // docs/format.md, src/x.ts: a top-level entry of the repository, relative to the package root.
  const rooted = new RegExp(`(?<![\\w./-])(?:${topLevel.map((d) => d.replace(/\./g, '\\.')).join('|')})/[\\w./-]*[\\w-]\\.[a-z]{1,5}(?![\\w/])`, 'g');
  for (const [reference] of plain.matchAll(rooted)) check(reference, '.');
  // FORMAT.md, CHANGELOG.md: documents by their conventional names, at the root.
  for (const [reference] of plain.matchAll(/(?<![\w./-])[A-Z][A-Z0-9_-]*\.md\b/g)) check(reference, '.');
  return found;
}

describe('docs: TSDoc examples', () => {
  const list = examples();

  it('finds the examples (one per export at least)', () => {
    ok(list.length >= 26, `only ${list.length} examples found`);
    ok(list.some((e) => e.owner === 'Post'), 'no example for Post');
  });

  it('each compiles on its own: it uses only names it defines or imports, and fields that exist', () => {
    deepStrictEqual(exampleProblems(list), []);
  });

  it('the check fails on an example that uses an undefined name', () => {
    const problems = exampleProblems([{ where: 'fake:1', owner: 'Post', ownerIsType: true, code: "import { parsePost } from 'emnews';\nconst post: Post = parsePost(source);\n" }]);
    ok(problems.length === 1 && problems[0]!.includes("Cannot find name 'source'"), problems.join('\n'));
  });
});

describe('package: shipped files refer only to files in the tarball', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
  const shipped = new Set(packed!.files.map((f) => f.path));
  const topLevel = [...new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f.includes('/')).map((f) => f.split('/')[0]!))];

  it('every path a shipped .js or .d.ts names is in the tarball', () => {
    ok(shipped.has('dist/index.d.ts') && shipped.has('docs/errors.md'), [...shipped].join(' '));
    const code = [...shipped].filter((f) => /\.(?:js|d\.ts)$/.test(f));
    deepStrictEqual(code.flatMap((f) => danglingReferences(f, readFileSync(join(root, f), 'utf8'), shipped, topLevel)), []);
  });

  it('every relative link of a shipped guide leads to a file in the tarball', () => {
    // README.md is left out: npm's site resolves its relative links against the repository.
    const guides = [...shipped].filter((f) => f.startsWith('docs/') && f.endsWith('.md'));
    ok(guides.length > 0);
    deepStrictEqual(guides.flatMap((f) => danglingLinks(f, readFileSync(join(root, f), 'utf8'), shipped)), []);
  });

  it('the checks find what would dangle', () => {
    deepStrictEqual(danglingLinks('docs/a.md', '[a](b.md#x) [c](../README.md) [d](https://x.example/e.md) [f](#g)', new Set(['docs/b.md'])), [
      'docs/a.md: ../README.md',
    ]);
    const text = "/** See docs/errors.md, [x](../docs/missing.md), FORMAT.md, './y.js' and http://a.example/docs/z.md. */ import './parse.js';";
    deepStrictEqual(danglingReferences('dist/errors.d.ts', text, new Set(['docs/errors.md', 'dist/parse.js']), topLevel), [
      'dist/errors.d.ts: ../docs/missing.md',
      'dist/errors.d.ts: ./y.js',
      'dist/errors.d.ts: FORMAT.md',
    ]);
  });
});
