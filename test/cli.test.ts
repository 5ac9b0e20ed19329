/**
 * The `emnews` command, run as a user runs it: the built `dist/cli.js` in a
 * child process, on files, folders and standard input.
 */

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parsePost, type Post } from 'emnews';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli.js');
const posts = join(root, 'examples/posts');
const postNames = readdirSync(posts).filter((name) => name.endsWith('.md')).sort();
const GOOD = '2022-05-23-202205230000000003.md';

function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
}

const expected = (name: string): Post => JSON.parse(JSON.stringify(parsePost(readFileSync(join(posts, name)), { fileName: name })));

describe('the emnews command', () => {
  it('--help prints the usage and exits 0', () => {
    const result = run(['--help']);
    strictEqual(result.status, 0);
    match(result.stdout, /^Usage: emnews \[options\] \[paths\.\.\.\]/);
    match(result.stdout, /--fail-on-warning/);
  });

  it('--version prints the package version', () => {
    const result = run(['--version']);
    strictEqual(result.status, 0);
    strictEqual(result.stdout, `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });

  for (const [name, args, message] of [
    ['an unknown option', ['--bogus'], /Unknown option '--bogus'/],
    ['an unknown format', ['--format', 'xml', join(posts, GOOD)], /--format must be json, jsonl or text/],
    ['an unknown time zone', ['--time-zone', 'Mars/Olympus_Mons', join(posts, GOOD)], /unknown timeZone "Mars\/Olympus_Mons"/],
    ['a relative base URL', ['--base-url', '../x', join(posts, GOOD)], /baseUrl must be an absolute http\(s\) address/],
    ['a missing path', [join(posts, 'nope.md')], /no such file or folder/],
  ] as const) {
    it(`exits 2 on ${name}, with a hint`, () => {
      const result = run([...args]);
      strictEqual(result.status, 2);
      strictEqual(result.stdout, '');
      match(result.stderr, message);
      match(result.stderr, /Try 'emnews --help'/);
    });
  }

  it('writes one file as a JSON Post, the same as parsePost', () => {
    const result = run([join(posts, GOOD)]);
    strictEqual(result.status, 0, result.stderr);
    deepStrictEqual(JSON.parse(result.stdout), expected(GOOD));
    strictEqual(result.stderr, '');
  });

  it('writes a folder as JSONL, one {file, post} per post in name order', () => {
    const result = run([posts]);
    strictEqual(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; post: Post });
    deepStrictEqual(
      lines.map((line) => line.file),
      postNames.map((name) => join(posts, name)),
    );
    for (const line of lines) deepStrictEqual(line.post, expected(line.file.slice(posts.length + 1)));
  });

  it('--format json with several inputs writes one JSON array', () => {
    const result = run(['--format', 'json', join(posts, GOOD), join(posts, postNames[0]!)]);
    strictEqual(result.status, 0, result.stderr);
    const array = JSON.parse(result.stdout) as { file: string }[];
    deepStrictEqual(array.map((item) => item.file), [join(posts, GOOD), join(posts, postNames[0]!)]);
  });

  it('reads standard input when given no path or -', () => {
    const bytes = readFileSync(join(posts, GOOD));
    const fromStdin = parsePost(bytes);
    for (const args of [[], ['-']]) {
      const result = run(args, { input: bytes });
      strictEqual(result.status, 0, result.stderr);
      deepStrictEqual(JSON.parse(result.stdout), JSON.parse(JSON.stringify(fromStdin)));
    }
  });

  it('--format text writes the title, the date line and the paragraphs', () => {
    const post = expected(GOOD);
    const result = run(['--format', 'text', join(posts, GOOD)]);
    strictEqual(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    strictEqual(lines[0], `# ${post.title}`);
    strictEqual(lines[1], [post.date?.iso, post.source?.name, post.url?.href].join(' · '));
    deepStrictEqual(lines.slice(2).filter((line) => line !== ''), post.paragraphs.map((p) => p.text).join('\n').split('\n'));
  });

  it('--time-zone and --base-url reach parsePost', () => {
    const name = '2021-12-08-202112080000000001.md';
    const result = run(['--time-zone', 'UTC', '--base-url', 'https://finews.example.com/2021/12/', join(posts, name)]);
    strictEqual(result.status, 0, result.stderr);
    const post = JSON.parse(result.stdout) as Post;
    strictEqual(post.date?.offset, '+00:00');
    deepStrictEqual(post.links.map((link) => link.href), ['https://finews.example.com/2021/emnews/', 'https://finews.example.com/2021/']);
  });

  describe('failures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emnews-cli-'));
    copyFileSync(join(posts, GOOD), join(dir, 'a-good.md'));
    writeFileSync(join(dir, 'b-bad.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
    mkdirSync(join(dir, 'sub'));
    const WARNED = join(dir, 'sub', '2021-12-08-202112080000000001.md');
    copyFileSync(join(posts, '2021-12-08-202112080000000001.md'), WARNED);
    writeFileSync(join(dir, 'sub', 'ignored.txt'), 'not a post');
    // A link to a post counts; a link to a folder (here a cycle) is not followed.
    symlinkSync(join(dir, 'a-good.md'), join(dir, 'sub', 'd-link.md'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));

    it('reports each failure on stderr with file and code, keeps going, exits 1', () => {
      const result = run([dir]);
      strictEqual(result.status, 1);
      deepStrictEqual(
        result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { file: string }).file),
        [join(dir, 'a-good.md'), WARNED, join(dir, 'sub', 'd-link.md')],
      );
      strictEqual(result.stderr, `emnews: ${join(dir, 'b-bad.md')}: invalid-utf8: input is not valid UTF-8 at byte 4 (line 2, column 1)\n`);
    });

    it('--fail-on-warning lists the warnings and exits 1; without it warnings stay in the output', () => {
      const file = WARNED;
      const plain = run([file]);
      strictEqual(plain.status, 0);
      strictEqual((JSON.parse(plain.stdout) as Post).warnings.length, 2);
      const strictRun = run(['--fail-on-warning', file]);
      strictEqual(strictRun.status, 1);
      const lines = strictRun.stderr.trimEnd().split('\n');
      strictEqual(lines.length, 2);
      for (const line of lines) match(line, new RegExp(`^emnews: ${file}:\\d+:\\d+: warning relative-url: `));
    });

    it('--strict turns the first warning into a failure', () => {
      const result = run(['--strict', WARNED]);
      strictEqual(result.status, 1);
      strictEqual(result.stdout, '');
      match(result.stderr, /: relative-url: dropped the navigation address "\.\.\/emnews\/"/);
    });
  });

  describe('progress', () => {
    it('never writes progress when stderr is not a terminal', () => {
      const result = run([posts], { env: { EMNEWS_PROGRESS_DELAY_MS: '0' } });
      strictEqual(result.status, 0);
      strictEqual(result.stderr, '');
    });

    it('shows count, rate, warnings and failures on a terminal', { skip: !hasScript() && 'needs script(1) for a pseudo-terminal' }, () => {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${JSON.stringify(posts)} > /dev/null`;
      const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, EMNEWS_PROGRESS_DELAY_MS: '0' },
      });
      strictEqual(result.status, 0, result.stderr);
      const shown = result.stdout.split(/\r|\n/).map((line) => line.replace(/\x1b\[2K/g, '')).filter((line) => line !== '');
      ok(shown.some((line) => /^emnews: \d+ posts · \d+\/s · \d+ with warnings · 0 failed$/.test(line)), shown.join('\n'));
      match(shown.at(-1)!, /^emnews: 5 posts in \d+\.\d s · 2 with warnings · 0 failed$/);
    });
  });
});

function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}
