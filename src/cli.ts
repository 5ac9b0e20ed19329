#!/usr/bin/env node
/// <reference types="node" />
/**
 * The `emnews` command: parses post files, folders (recursively, `*.md`) or
 * standard input and writes JSON, JSONL or text. Node.js only; the library
 * (the `index` module) never imports this file.
 *
 * @module
 */

import { opendir, readFile, stat } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PostParseError } from './errors.js';
import { parsePost, type ParseOptions } from './parse-post.js';
import type { Post } from './types.js';

const HELP = `Usage: emnews [options] [paths...]

Parses eastmoney news posts (Jekyll Markdown files) into JSON.

  paths              files, or folders searched recursively for *.md;
                     none, or -, reads one post from standard input

Options:
  --format <format>  json, jsonl or text (default: json for one input,
                     jsonl for several: one {"file", "post"} object a line)
  --strict           treat the first warning in a post as a failure
  --time-zone <tz>   IANA zone of dates without an offset (default Asia/Shanghai)
  --base-url <url>   resolve relative links against this address
  --fail-on-warning  exit 1 when any post has warnings (listed on stderr)
  -h, --help         show this help
  -v, --version      show the version

Exit status: 0 when every post parsed, 1 when some failed (each reported on
stderr with its file and code), 2 for a usage error.
`;

type Format = 'json' | 'jsonl' | 'text';

/** Exit status for a usage error. */
const USAGE = 2;

interface Source {
  /** The path shown in output and messages; `-` for standard input. */
  file: string;
  read(): Promise<Uint8Array>;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'time-zone': { type: 'string' },
        'base-url': { type: 'string' },
        'fail-on-warning': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== undefined && format !== 'json' && format !== 'jsonl' && format !== 'text') {
    throw new UsageError(`--format must be json, jsonl or text, not ${JSON.stringify(format)}`);
  }
  const options: ParseOptions = { strict: values.strict };
  if (values['time-zone'] !== undefined) options.timeZone = values['time-zone'];
  if (values['base-url'] !== undefined) options.baseUrl = values['base-url'];
  checkOptions(options);

  const paths = positionals.length === 0 ? ['-'] : positionals;
  for (const path of paths) {
    if (path !== '-' && !exists(path)) throw new UsageError(`no such file or folder: ${path}`);
  }
  const single = paths.length === 1 && (paths[0] === '-' || statSync(paths[0]!).isFile());
  const output = new Output((format ?? (single ? 'json' : 'jsonl')) as Format, single);
  const progress = new Progress();
  let failed = 0;
  let warned = 0;

  for await (const source of sources(paths)) {
    let post: Post;
    try {
      const bytes = await source.read();
      post = parsePost(bytes, source.file === '-' ? options : { ...options, fileName: basename(source.file) });
    } catch (error) {
      failed++;
      progress.clear();
      process.stderr.write(`emnews: ${source.file}: ${describe(error)}\n`);
      progress.update(failed, warned);
      continue;
    }
    if (post.warnings.length > 0) {
      warned++;
      if (values['fail-on-warning']) {
        progress.clear();
        for (const w of post.warnings) {
          const at = w.line === null ? '' : `:${w.line}:${w.column}`;
          process.stderr.write(`emnews: ${source.file}${at}: warning ${w.code}: ${w.message}\n`);
        }
      }
    }
    await output.write(source.file, post);
    progress.update(failed, warned);
  }
  await output.end();
  progress.done(failed, warned);
  return failed > 0 || (values['fail-on-warning'] && warned > 0) ? 1 : 0;
}

/** Throws a usage error for options parsePost would reject (an unknown zone, a bad base URL). */
function checkOptions(options: ParseOptions): void {
  try {
    parsePost('', { ...options, strict: false });
  } catch (error) {
    if (error instanceof PostParseError && error.code === 'invalid-option') throw new UsageError(error.message);
    throw error;
  }
}

/** The posts to parse, one at a time: folders are walked lazily, in name order. */
async function* sources(paths: string[]): AsyncGenerator<Source> {
  for (const path of paths) {
    if (path === '-') yield { file: '-', read: readStdin };
    else if (statSync(path).isDirectory()) yield* folder(path);
    else yield { file: path, read: () => readFile(path) };
  }
}

async function* folder(path: string): AsyncGenerator<Source> {
  const names: { name: string; directory: boolean }[] = [];
  for await (const entry of await opendir(path)) {
    if (entry.isDirectory()) names.push({ name: entry.name, directory: true });
    else if (entry.name.endsWith('.md') && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(join(path, entry.name)))))) {
      // Links to files count; links to folders are not followed, so a link cycle cannot loop.
      names.push({ name: entry.name, directory: false });
    }
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, directory } of names) {
    const child = join(path, name);
    if (directory) yield* folder(child);
    else yield { file: child, read: () => readFile(child) };
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes posts as they come, waiting for stdout to drain. */
class Output {
  private count = 0;

  constructor(
    private readonly format: Format,
    private readonly single: boolean,
  ) {}

  async write(file: string, post: Post): Promise<void> {
    let text: string;
    if (this.format === 'jsonl') text = `${JSON.stringify({ file, post })}\n`;
    else if (this.format === 'json') {
      text = this.single ? `${JSON.stringify(post, null, 2)}\n` : `${this.count === 0 ? '[\n' : ',\n'}${JSON.stringify({ file, post })}`;
    } else text = `${this.single ? '' : `${this.count === 0 ? '' : '\n'}==> ${file} <==\n`}${asText(post)}`;
    this.count++;
    await send(text);
  }

  async end(): Promise<void> {
    if (this.format === 'json' && !this.single) await send(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

function send(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** A post as plain text: title, date, source and address, then the paragraphs. */
function asText(post: Post): string {
  const meta = [post.date?.iso, post.source?.name, post.url?.href].filter((part) => part != null).join(' · ');
  const lines = [`# ${post.title}`];
  if (meta !== '') lines.push(meta);
  for (const paragraph of post.paragraphs) lines.push('', paragraph.text);
  return `${lines.join('\n')}\n`;
}

/**
 * A one-line progress report on stderr, only when stderr is a terminal and
 * the run has lasted a second: files, rate, warnings and failures so far.
 */
class Progress {
  private readonly enabled = process.stderr.isTTY === true;
  private readonly start = Date.now();
  /** How long a run must last before the bar shows; tests shorten it. */
  private readonly delay = Number(process.env['EMNEWS_PROGRESS_DELAY_MS'] ?? 1000);
  private count = 0;
  private shown = false;
  private last = 0;

  update(failed: number, warned: number): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < this.delay || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const rate = (this.count * 1000) / (now - this.start);
    process.stderr.write(`\r\x1b[2Kemnews: ${this.count} posts · ${rate.toFixed(0)}/s · ${warned} with warnings · ${failed} failed`);
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
  }

  done(failed: number, warned: number): void {
    if (!this.shown) return;
    this.clear();
    const seconds = (Date.now() - this.start) / 1000;
    process.stderr.write(`emnews: ${this.count} posts in ${seconds.toFixed(1)} s · ${warned} with warnings · ${failed} failed\n`);
  }
}

function describe(error: unknown): string {
  // A PostParseError's message already ends with its line and column.
  if (error instanceof PostParseError) return `${error.code}: ${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `${code}: ${(error as Error).message}` : String(error);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

// A closed pipe (`emnews folder | head`) ends the run quietly, as in other tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`emnews: ${error.message}\nTry 'emnews --help'.\n`);
      process.exitCode = USAGE;
    } else {
      process.stderr.write(`emnews: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
