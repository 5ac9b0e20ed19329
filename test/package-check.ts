/**
 * `npm run test:package`: the package as users install it. Packs the
 * tarball, checks what is in it, installs it into throw-away consumer
 * projects and proves each works: an ESM import, a CommonJS require (Node
 * >= 20.19), TypeScript with `nodenext` and with `bundler` resolution, and
 * the `emnews` command, and every TypeScript/JavaScript block of the README,
 * each in an empty folder (see test/readme-blocks.ts). Then publint and
 * @arethetypeswrong/cli (the esm-only profile). Exits 1 on the first
 * failure. The temporary folder is removed when the process exits, passed,
 * failed or interrupted; `npm run test:package -- --keep` keeps it.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeBlocks, withChecks } from './readme-blocks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(join(tmpdir(), 'emnews-package-'));
// 'exit' comes after the last check, after a failed assertion (an uncaught error) and after process.exit.
process.on('exit', () => (process.argv.includes('--keep') ? console.log(`kept ${work}`) : rmSync(work, { recursive: true, force: true })));
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) process.once(signal, () => process.exit(code));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const POST = readFileSync(join(root, 'examples/posts/2022-05-23-202205230000000003.md'), 'utf8');

function step(name: string, check: () => void): void {
  check();
  console.log(`ok   ${name}`);
}

function run(command: string, args: string[], cwd: string, input = POST): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', input, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function project(name: string, files: Record<string, string>): string {
  const dir = join(work, 'consumers', name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

// 1. The tarball holds only what users need.
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' })) as {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}[];
const tarball = join(work, packed!.filename);
const files = packed!.files.map((file) => file.path).sort();
step(`tarball ${packed!.filename}: ${files.length} files, ${(packed!.size / 1024).toFixed(1)} KB packed, ${(packed!.unpackedSize / 1024).toFixed(1)} KB unpacked`, () => {
  const unexpected = files.filter((file) => !(['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(file) || /^dist\/.+\.(?:js|d\.ts|json)$/.test(file) || /^docs\/[\w-]+\.md$/.test(file)));
  deepStrictEqual(unexpected, []);
  for (const needed of ['LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/archive/index.js', 'dist/archive/index.d.ts', 'dist/schema.json']) ok(files.includes(needed), `missing ${needed}`);
  deepStrictEqual(files.filter((file) => /^dist\/cli\/.*\.d\.ts$/.test(file)), [], 'the command\'s .d.ts files are not for users');
});

// 2. Install it once; the consumers below share this node_modules.
const consumers = join(work, 'consumers');
mkdirSync(consumers, { recursive: true });
writeFileSync(join(consumers, 'package.json'), JSON.stringify({ name: 'consumers', private: true }));
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline', tarball], { cwd: consumers, stdio: 'inherit' });

const USE = `const post = parsePost(input, { fileName: '2022-05-23-202205230000000003.md' });
console.log(JSON.stringify([post.title, post.entities[0].secid, post.url.articleId]));`;
const EXPECTED = JSON.stringify(['示例市推进数字经济园区建设 智慧农业项目获支持', '0.000816', '202205230000000003']);
const READ_STDIN = "const input = require('node:fs').readFileSync(0, 'utf8');";

step('ESM: import { parsePost } from "emnews", emnews/schema.json and emnews/archive', () => {
  const dir = project('esm', {
    'package.json': JSON.stringify({ type: 'module' }),
    'index.js': `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parsePost } from 'emnews';
import { readArchive } from 'emnews/archive';
import schema from 'emnews/schema.json' with { type: 'json' };
const input = readFileSync(0, 'utf8');
if (schema.$ref !== '#/definitions/Post') throw new Error('schema.json is not the Post schema');
mkdirSync('archive', { recursive: true });
writeFileSync('archive/2022-05-23-202205230000000003.md', input);
for await (const entry of readArchive('archive', { jobs: 2 })) {
  if (entry.post?.title !== parsePost(input).title) throw new Error('emnews/archive read ' + JSON.stringify(entry));
}
${USE}`,
  });
  strictEqual(run(process.execPath, ['index.js'], dir).trim(), EXPECTED);
});

step('CommonJS: require("emnews") on Node >= 20.19', () => {
  const dir = project('cjs', {
    'package.json': JSON.stringify({ type: 'commonjs' }),
    'index.js': `const { parsePost, PostParseError } = require('emnews');
${READ_STDIN}
if (typeof PostParseError !== 'function') throw new Error('no PostParseError');
${USE}`,
  });
  strictEqual(run(process.execPath, ['index.js'], dir).trim(), EXPECTED);
});

const TYPED_USE = `import { parsePost, PostParseError, type Entity, type ErrorCode, type Post } from 'emnews';
import { readArchive, type ArchiveEntry } from 'emnews/archive';

export async function titles(folder: string): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of readArchive(folder, { jobs: 2, dedupe: true })) {
    const checked: ArchiveEntry = entry;
    out.push(checked.error ? checked.error.code : checked.post.title);
  }
  return out;
}

export function summary(text: string): string {
  const post: Post = parsePost(text, { timeZone: 'Asia/Shanghai', strict: false });
  const first: Entity | undefined = post.entities[0];
  const kind: 'stock' | 'board' | 'keyword' | 'glossary' | 'unresolved' | undefined = first?.kind;
  // Entity is discriminated by kind: a stock's secid is a string, without a non-null assertion.
  const secid: string | undefined = first?.kind === 'stock' ? first.secid : undefined;
  const utc: string | undefined = post.date?.utc;
  return [post.title, kind, secid, utc].join(' ');
}

export function code(error: unknown): ErrorCode | null {
  return error instanceof PostParseError ? error.code : null;
}

// The types are real: a misspelt option must not compile.
// @ts-expect-error timezone is not an option (timeZone is)
parsePost('', { timezone: 'UTC' });
`;

for (const [name, compilerOptions] of [
  ['TypeScript, module/moduleResolution nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
  ['TypeScript, moduleResolution bundler', { module: 'esnext', moduleResolution: 'bundler' }],
] as const) {
  step(name, () => {
    const dir = project(name.includes('nodenext') ? 'ts-nodenext' : 'ts-bundler', {
      'package.json': JSON.stringify({ type: 'module' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { ...compilerOptions, target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['index.ts'],
      }),
      'index.ts': TYPED_USE,
    });
    run(process.execPath, [tsc, '-p', '.'], dir);
  });
}

step('the emnews command from node_modules/.bin', () => {
  strictEqual(run(join(consumers, 'node_modules/.bin/emnews'), ['--version'], consumers).trim(), manifest.version);
  const { post } = JSON.parse(run(join(consumers, 'node_modules/.bin/emnews'), [], consumers)) as { post: { title: string } };
  strictEqual(post.title, JSON.parse(EXPECTED)[0]);
});

step('LICENSE: MIT, the author in package.json, installed with the package', () => {
  const license = readFileSync(join(consumers, 'node_modules/emnews/LICENSE'), 'utf8');
  const { license: spdx, author } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string; author: string };
  strictEqual(spdx, 'MIT');
  ok(license.startsWith('MIT License\n'), license.slice(0, 40));
  ok(new RegExp(`^Copyright \\(c\\) \\d{4} ${author}$`, 'm').test(license), `no "Copyright (c) <year> ${author}" line`);
});

// 3. Every TypeScript/JavaScript block of the README, as a reader who pastes it into an empty folder
// (an ES module project, "type": "module") after `npm install emnews`: type-checked, then run.
const readme = join(consumers, 'readme');
const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const dirOf = (line: number) => join(readme, `block-${line}`);
mkdirSync(readme);
writeFileSync(join(readme, 'package.json'), JSON.stringify({ name: 'readme-examples', private: true, type: 'module' }));
mkdirSync(join(readme, 'types'));
for (const block of blocks) {
  mkdirSync(dirOf(block.line));
  // For the type check, each block is its own module ("export {}"), as in its own file.
  if (block.language === 'ts') writeFileSync(join(readme, 'types', `block-${block.line}.ts`), `${block.code}export {};\n`);
}
const typed = blocks.filter((block) => block.language === 'ts');
step(`README: ${typed.length} TypeScript blocks type-check (strict, nodenext)`, () => {
  ok(typed.length > 0, 'no TypeScript block found in the README');
  writeFileSync(
    join(readme, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true,
        types: ['node'], typeRoots: [join(root, 'node_modules/@types')],
      },
      files: typed.map((block) => `types/block-${block.line}.ts`),
    }),
  );
  const result = spawnSync(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], { cwd: readme, encoding: 'utf8' });
  // types/block-<line>.ts(<row>,<column>) → README.md:<line + row - 1>:<column>
  const errors = result.stdout.replace(/^types\/block-(\d+)\.ts\((\d+),(\d+)\)/gm, (_, line: string, row: string, column: string) => `README.md:${Number(line) + Number(row) - 1}:${column}`);
  strictEqual(result.status, 0, errors);
});
for (const block of blocks) {
  const name = `README.md:${block.line} (${block.language} block)`;
  if (block.skip !== null) {
    console.log(`skip ${name}: ${block.skip}`);
    continue;
  }
  const { code, checks } = withChecks(block);
  step(`${name} runs in an empty folder${checks > 0 ? `, ${checks} documented values equal` : ''}`, () => {
    const file = `index.${block.language === 'ts' ? 'ts' : block.language}`;
    writeFileSync(join(dirOf(block.line), file), code);
    run(process.execPath, block.language === 'ts' ? [tsx, file] : [file], dirOf(block.line), '');
  });
}

step('publint --strict reports nothing', () => {
  const out = run(join(root, 'node_modules/.bin/publint'), ['--strict', root], root);
  ok(out.includes('All good!'), out);
});

step('@arethetypeswrong/cli passes for an ESM-only package', () => {
  run(join(root, 'node_modules/.bin/attw'), [tarball, '--profile', 'esm-only'], root);
});

console.log('\nall package checks passed');
