/**
 * The corpus check: `npm run corpus -- <dir>`.
 *
 * Parses every `.md` file under `<dir>` with the built package and fails
 * (exit 1) on any throw or broken invariant: mention slices are clean labels
 * within their text, the JSON round trip is lossless, no paragraph is empty,
 * every output validates against the published JSON Schema
 * (`emnews/schema.json`, with ajv), and the output is identical under
 * `TZ=UTC` and `TZ=America/New_York` (each checked in a child process of its
 * own).
 *
 * Files named `<folder>__<name>.md` (the shared corpus's convention) are
 * parsed with `fileName: <name>.md`.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parsePost, type Post } from 'emnews';
import { invariantProblems } from './invariants.ts';

const EMIT = '--emit-json';
const ZONES = ['UTC', 'America/New_York'];

function postFiles(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
    }
  }
  return found.sort();
}

function fileNameOf(path: string): string {
  const name = basename(path);
  const at = name.lastIndexOf('__');
  return at === -1 ? name : name.slice(at + 2);
}

function parseAll(files: string[]): Map<string, Post | Error> {
  const results = new Map<string, Post | Error>();
  for (const file of files) {
    try {
      results.set(file, parsePost(readFileSync(file), { fileName: fileNameOf(file) }));
    } catch (error) {
      results.set(file, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return results;
}

function serialize(results: Map<string, Post | Error>): string {
  const out: Record<string, unknown> = {};
  for (const [file, result] of results) out[file] = result instanceof Error ? { error: `${result.name}: ${result.message}` } : result;
  return JSON.stringify(out);
}

/**
 * The published schema (`emnews/schema.json`, generated from the types at
 * build time) compiled with ajv, after checking it rejects a post with a
 * field taken away, so a vacuous schema cannot pass.
 */
function schemaValidator(): ReturnType<Ajv['compile']> & { errorsText(): string } {
  const schemaPath = fileURLToPath(import.meta.resolve('emnews/schema.json'));
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  const sample = JSON.parse(JSON.stringify(parsePost('---\ntitle: t\n---\n<p>x</p>\n'))) as Record<string, unknown>;
  if (!validate(sample)) throw new Error(`the schema rejects a valid post: ${ajv.errorsText(validate.errors)}`);
  delete sample['title'];
  if (validate(sample)) throw new Error('the schema accepts a post without a title');
  return Object.assign(validate, { errorsText: () => ajv.errorsText(validate.errors) });
}

function main(args: string[]): number {
  const dir = args.find((arg) => arg !== EMIT);
  if (dir === undefined) {
    console.error('usage: npm run corpus -- <dir>');
    return 2;
  }
  const files = postFiles(dir);
  const results = parseAll(files);
  if (args.includes(EMIT)) {
    process.stdout.write(serialize(results));
    return 0;
  }

  const failures: string[] = [];
  const failedFiles = new Set<string>();
  const validate = schemaValidator();
  const warningCounts = new Map<string, number>();
  let paragraphs = 0;
  let entities = 0;
  for (const [file, result] of results) {
    const name = relative(dir, file);
    if (result instanceof Error) {
      failures.push(`${name}: threw ${result.name}: ${result.message}`);
      failedFiles.add(name);
      continue;
    }
    if (!validate(result)) failures.push(`${name}: does not match emnews/schema.json: ${validate.errorsText()}`);
    for (const problem of invariantProblems(result)) {
      failures.push(`${name}: ${problem}`);
      failedFiles.add(name);
    }
    paragraphs += result.paragraphs.length;
    entities += result.entities.length;
    for (const warning of result.warnings) warningCounts.set(warning.code, (warningCounts.get(warning.code) ?? 0) + 1);
  }

  const here = serialize(results);
  const self = fileURLToPath(import.meta.url);
  for (const zone of ZONES) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, dir, EMIT], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (child.status !== 0) failures.push(`TZ=${zone}: the child process failed: ${child.stderr}`);
    else if (child.stdout !== here) failures.push(`TZ=${zone}: output differs from the output under TZ=${process.env['TZ'] ?? '(unset)'}`);
  }

  const warningsByCode = [...warningCounts].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} ${n}`);
  console.log(`corpus: ${files.length} files, ${paragraphs} paragraphs, ${entities} entities`);
  console.log(`warnings: ${warningsByCode.length === 0 ? 'none' : warningsByCode.join(', ')}`);
  for (const failure of failures) console.error(`FAIL ${failure}`);
  const zoneFailures = failures.filter((failure) => failure.startsWith('TZ=')).length;
  console.log(`${files.length - failedFiles.size} passed, ${failedFiles.size + zoneFailures} failed`);
  return failures.length === 0 && files.length > 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
