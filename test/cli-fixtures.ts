/**
 * Shared by the command's tests: the built command, run as a user runs it
 * (a child process), and throw-away archives.
 */

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePost, type Post } from 'emnews';

export const root: string = fileURLToPath(new URL('..', import.meta.url));
export const cli: string = join(root, 'dist/cli/main.js');
export const posts: string = join(root, 'examples/posts');
export const postNames: string[] = readdirSync(posts).filter((name) => name.endsWith('.md')).sort();
export const ROLLING = '2022-05-23-202205230000000003.md';
export const WARNED = '2021-12-08-202112080000000001.md';

export interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  cwd?: string;
}

export function run(args: readonly string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** What parsePost gives for a file, as JSON would carry it (the command names a file by its base name). */
export function expected(path: string): Post {
  return JSON.parse(JSON.stringify(parsePost(readFileSync(path), { fileName: basename(path) }))) as Post;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `emnews-${prefix}-`));
}

/** The JSONL output as objects. */
export function lines(stdout: string): Record<string, unknown>[] {
  return stdout === '' ? [] : stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function hasCommand(command: string, args: string[] = ['--version']): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

/** The command, through script(1), with a pseudo-terminal as its terminal; `shell` may redirect. */
export function inTerminal(shell: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync('script', ['-qec', shell, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env }, input: '' });
}

export const sh = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
